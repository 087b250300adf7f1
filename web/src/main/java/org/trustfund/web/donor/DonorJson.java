package org.trustfund.web.donor;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.trustfund.donor.Donor;
import org.trustfund.donor.DonorDetails;
import org.trustfund.donor.StakeholderGroup;
import org.trustfund.web.api.Inputs;
import org.trustfund.web.api.Iso;
import org.trustfund.web.api.Viewer;

/** The JSON forms of donors. */
public final class DonorJson {

    private DonorJson() {
    }

    public record DonorView(long id, String name,
            @Schema(enumeration = {"GOVERNMENT", "INTERGOVERNMENTAL_ORGANIZATION", "PRIVATE_SECTOR", "CIVIL_SOCIETY",
                    "TECHNICAL_COMMUNITY", "ACADEMIA", "FOUNDATION"}) String stakeholderGroup,
            @Schema(description = "ISO 3166 code") String country, String countryName, String contactName,
            String contactEmail, boolean publiclyNamed,
            @Schema(enumeration = {"ar", "en", "es", "fr", "ru", "zh"}, description = "The language the fund writes to "
                    + "the donor in (acknowledgement e-mails and their letters)") String correspondenceLanguage,
            @Schema(format = "date-time") String createdAt, String createdBy,
            @Schema(description = "Send it back when changing the donor") long version,
            @Schema(description = "Set when this donor was merged into another: the id of the donor kept, which now "
                    + "holds its records") Long mergedInto) {

        public static DonorView of(Donor d, Viewer viewer) {
            return new DonorView(d.getId(), d.getName(), d.getStakeholderGroup().name(), d.getCountry().getCode(),
                    d.getCountry().getName(), d.getContactName(), d.getContactEmail(), d.isPubliclyNamed(),
                    d.getCorrespondenceLanguage(),
                    Iso.text(d.getCreatedAt()), viewer.staff(d.getCreatedBy()), d.getVersion(),
                    d.isMerged() ? d.getMergedInto().getId() : null);
        }
    }

    public record DonorInput(@Schema(required = true) String name,
            @Schema(required = true, enumeration = {"GOVERNMENT", "INTERGOVERNMENTAL_ORGANIZATION", "PRIVATE_SECTOR",
                    "CIVIL_SOCIETY", "TECHNICAL_COMMUNITY", "ACADEMIA", "FOUNDATION"}) String stakeholderGroup,
            @Schema(required = true, description = "ISO 3166 code, e.g. FR") String country, String contactName,
            String contactEmail, Boolean publiclyNamed,
            @Schema(enumeration = {"ar", "en", "es", "fr", "ru", "zh"}, description = "The language the fund writes to "
                    + "the donor in; omitted: en for a new donor, unchanged for an existing one")
            String correspondenceLanguage,
            @Schema(description = "The version read; required when changing a donor") Long version,
            @Schema(description = "Record the donor even though one of the same name and country exists (without it, "
                    + "409 names that donor), as the page's \"record it anyway\"") Boolean confirmDuplicate) {

        DonorDetails details() {
            return new DonorDetails(name, Inputs.choice("stakeholderGroup", stakeholderGroup, StakeholderGroup.class),
                    country, contactName, contactEmail, Boolean.TRUE.equals(publiclyNamed), correspondenceLanguage);
        }
    }

    /** 409 to a new donor whose name and country match an existing donor's. */
    public record DuplicateDonorError(String message, String field, int status,
            @Schema(description = "The donor of the same name and country") long existingDonorId) {
    }

    public record DonorPage(List<DonorView> items, int page, int size, long total) {
    }
}
