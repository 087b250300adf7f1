package org.trustfund.donor;

import java.io.Serializable;
import org.trustfund.platform.BusinessException;

/** What a finance officer types about a donor; checked field by field. */
public record DonorDetails(String name, StakeholderGroup stakeholderGroup, String countryCode, String contactName,
        String contactEmail, boolean publiclyNamed) implements Serializable {

    private static final String EMAIL = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";

    /** @throws BusinessException naming the first field that is not acceptable */
    public void validate() {
        if (name == null || name.isBlank()) {
            throw new BusinessException("name", "donor.name.required");
        }
        if (name.trim().length() > 200) {
            throw new BusinessException("name", "donor.name.tooLong", 200);
        }
        if (stakeholderGroup == null) {
            throw new BusinessException("stakeholderGroup", "donor.group.required");
        }
        if (countryCode == null || countryCode.isBlank()) {
            throw new BusinessException("country", "donor.country.required");
        }
        if (contactEmail != null && !contactEmail.isBlank() && !contactEmail.trim().matches(EMAIL)) {
            throw new BusinessException("contactEmail", "donor.email.invalid");
        }
    }
}
