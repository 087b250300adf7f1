package org.trustfund.donor;

/** The IGF stakeholder groups, plus foundations (intermediaries and grant makers). */
public enum StakeholderGroup {
    GOVERNMENT,
    INTERGOVERNMENTAL_ORGANIZATION,
    PRIVATE_SECTOR,
    CIVIL_SOCIETY,
    TECHNICAL_COMMUNITY,
    ACADEMIA,
    FOUNDATION
}
