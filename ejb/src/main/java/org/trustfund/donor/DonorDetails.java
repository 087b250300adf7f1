package org.trustfund.donor;

import java.io.Serializable;
import org.trustfund.platform.BusinessException;
import org.trustfund.platform.FieldErrors;
import org.trustfund.reference.UnLanguage;

/**
 * What a finance officer types about a donor; checked field by field.
 *
 * @param correspondenceLanguage the code of one of the six {@link UnLanguage}s the fund writes to the donor in; null
 *        when not given: English for a new donor, unchanged for an existing one
 */
public record DonorDetails(String name, StakeholderGroup stakeholderGroup, String countryCode, String contactName,
        String contactEmail, boolean publiclyNamed, String correspondenceLanguage) implements Serializable {

    private static final String EMAIL = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";

    /** @throws BusinessException naming every field that is not acceptable ({@link FieldErrors}), the first first */
    public void validate() {
        FieldErrors errors = new FieldErrors();
        if (name == null || name.isBlank()) {
            errors.add("name", "donor.name.required");
        } else if (name.trim().length() > 200) {
            errors.add("name", "donor.name.tooLong", 200);
        }
        if (stakeholderGroup == null) {
            errors.add("stakeholderGroup", "donor.group.required");
        }
        if (countryCode == null || countryCode.isBlank()) {
            errors.add("country", "donor.country.required");
        }
        if (contactName != null && contactName.trim().length() > 200) {
            errors.add("contactName", "donor.contactName.tooLong", 200);
        }
        if (contactEmail != null && !contactEmail.isBlank() && !contactEmail.trim().matches(EMAIL)) {
            errors.add("contactEmail", "donor.email.invalid");
        } else if (contactEmail != null && contactEmail.trim().length() > 200) {
            errors.add("contactEmail", "donor.contactEmail.tooLong", 200);
        }
        if (correspondenceLanguage != null && UnLanguage.of(correspondenceLanguage).isEmpty()) {
            errors.add("correspondenceLanguage", "donor.correspondenceLanguage.invalid",
                    String.join(", ", UnLanguage.codes()));
        }
        errors.throwIfAny();
    }
}
