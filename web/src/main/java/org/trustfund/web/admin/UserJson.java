package org.trustfund.web.admin;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.trustfund.security.UserAccount;

/** The JSON forms of user accounts, as an administrator sees them (never a password or its hash). */
public final class UserJson {

    private UserJson() {
    }

    public record UserView(long id, String username, String displayName, List<String> roles, boolean enabled,
            @Schema(description = "The first donor a DONOR user may see (their pages open on it); absent for staff")
            Long donorId,
            @Schema(description = "Every donor a DONOR user may see, that one first") List<Long> donorIds,
            long version) {

        static UserView of(UserAccount u) {
            return new UserView(u.getId(), u.getUsername(), u.getDisplayName(),
                    u.getRoles().stream().map(Enum::name).sorted().toList(), u.isEnabled(), u.getDonorId(),
                    u.getDonorIds(), u.getVersion());
        }
    }

    public record DonorLink(@Schema(required = true, description = "The user's version, as read") Long version,
            @Schema(description = "The donor; absent to unlink") Long donorId,
            @Schema(description = "Other donors the user also acts for (e.g. the ministry's agency)")
            List<Long> otherDonorIds) {

        /** The donor first, then the others. */
        public List<Long> donorIds() {
            List<Long> ids = new java.util.ArrayList<>();
            if (donorId != null) {
                ids.add(donorId);
            }
            if (otherDonorIds != null) {
                ids.addAll(otherDonorIds);
            }
            return ids;
        }
    }

    public record UserList(List<UserView> items) {
    }
}
