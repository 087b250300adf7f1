package org.trustfund.web.admin;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.trustfund.security.UserAccount;

/** The JSON forms of user accounts, as an administrator sees them (never a password or its hash). */
public final class UserJson {

    private UserJson() {
    }

    public record UserView(long id, String username, String displayName, List<String> roles, boolean enabled,
            @Schema(description = "The donor a DONOR user may see; absent for staff") Long donorId, long version) {

        static UserView of(UserAccount u) {
            return new UserView(u.getId(), u.getUsername(), u.getDisplayName(),
                    u.getRoles().stream().map(Enum::name).sorted().toList(), u.isEnabled(), u.getDonorId(),
                    u.getVersion());
        }
    }

    public record DonorLink(@Schema(required = true, description = "The user's version, as read") Long version,
            Long donorId) {
    }

    public record UserList(List<UserView> items) {
    }
}
