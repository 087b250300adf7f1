package org.trustfund.travel;

import java.io.Serializable;
import org.trustfund.donor.StakeholderGroup;

/** A traveller as typed. */
public record TravellerInput(String name, Gender gender, String nationality, String residence,
        StakeholderGroup stakeholderGroup, boolean magMember, String email) implements Serializable {
}
