package org.trustfund.web.api;

import jakarta.ws.rs.core.SecurityContext;
import java.util.Locale;
import java.util.function.Predicate;
import org.trustfund.security.Roles;
import org.trustfund.web.platform.Messages;

/**
 * Who reads an answer, as far as the JSON forms care: a donor user is never shown the user name of the staff
 * member who recorded, certified or reversed something, only "UN Trust Fund staff" in their language.
 *
 * @param donorOnly the caller has the DONOR role and no staff role
 */
public record Viewer(boolean donorOnly, Locale locale) {

    /** Staff, who see user names; for answers that only staff can receive. */
    public static final Viewer STAFF = new Viewer(false, Locale.ENGLISH);

    static boolean isDonorOnly(SecurityContext security) {
        return security != null && isDonorOnly(security::isUserInRole);
    }

    /** Whether the caller holds DONOR and no staff role. */
    static boolean isDonorOnly(Predicate<String> inRole) {
        return inRole.test(Roles.DONOR) && Roles.STAFF.stream().noneMatch(inRole);
    }

    /** A user name as this viewer may see it: their own name as it is, anyone else's as {@link #staff}. */
    public String person(String userName, String viewerName) {
        return userName != null && userName.equals(viewerName) ? userName : staff(userName);
    }

    /** A staff user name as this viewer may see it; absent stays absent. */
    public String staff(String userName) {
        if (userName == null || !donorOnly) {
            return userName;
        }
        return Messages.text(locale, "api.staffName");
    }
}
