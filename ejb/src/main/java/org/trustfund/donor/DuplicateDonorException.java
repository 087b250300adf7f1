package org.trustfund.donor;

import org.trustfund.platform.BusinessException;

/**
 * A donor of the same name (as {@link DonorNames#key} compares them) and country exists: the caller confirms
 * before a second one is recorded.
 */
public class DuplicateDonorException extends BusinessException {

    private static final long serialVersionUID = 1L;

    private final long existingId;
    private final String existingName;

    public DuplicateDonorException(long existingId, String existingName, String countryCode) {
        super("name", "donor.duplicate", existingName, countryCode, String.valueOf(existingId));
        this.existingId = existingId;
        this.existingName = existingName;
    }

    public long existingId() {
        return existingId;
    }

    public String existingName() {
        return existingName;
    }
}
