package org.trustfund.security;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import org.trustfund.audit.AuditAction;
import org.trustfund.audit.AuditLog;
import org.trustfund.platform.BusinessException;
import org.trustfund.platform.Changes;

/** What a signed-in user does to their own account. */
@Stateless
@RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.DONOR, Roles.AUDITOR, Roles.ADMIN})
public class MyAccount {

    @Inject
    private UserAccountRepository users;

    @Inject
    private PasswordHasher hasher;

    @Inject
    private AuditLog audit;

    @Inject
    private Caller caller;

    @Inject
    private SignInThrottle throttle;

    private final Clock clock = Clock.systemUTC();

    public UserAccount me() {
        return users.findByUsername(caller.name())
                .orElseThrow(() -> new UnknownUserException(caller.name()));
    }

    /**
     * Replaces the caller's password. A wrong current password counts as a failed sign-in from that address
     * (so the form is no way round the throttle) and is audited even though the change is refused.
     *
     * @return the account's new security stamp: the caller's own session carries on under it, while the
     *         account's other sessions end
     */
    public long changePassword(char[] currentPassword, char[] newPassword, char[] confirmation, String clientAddress) {
        UserAccount me = me();
        Instant now = clock.instant();
        Optional<Duration> wait = throttle.refusal(me.getUsername(), clientAddress, now);
        if (wait.isPresent()) {
            audit.recordAlone(me.getUsername(), AuditAction.PASSWORD_CHANGE_FAILED, "UserAccount", me.getId(),
                    "throttled: retry after " + wait.get().toSeconds() + " s", clientAddress);
            throw new BusinessException("currentPassword", "password.tooManyAttempts", wait.get().toSeconds());
        }
        boolean matches;
        try {
            matches = hasher.verify(currentPassword, me.getPasswordHash());
        } catch (HashingBusyException e) {
            throw new BusinessException("currentPassword", "password.tooManyAttempts", 1);
        }
        if (!matches) {
            throttle.failed(me.getUsername(), clientAddress, now);
            audit.recordAlone(me.getUsername(), AuditAction.PASSWORD_CHANGE_FAILED, "UserAccount", me.getId(),
                    "wrong current password", clientAddress);
            throw new BusinessException("currentPassword", "password.currentWrong");
        }
        if (!Arrays.equals(newPassword, confirmation)) {
            throw new BusinessException("confirmation", "password.confirmationDiffers");
        }
        if (Arrays.equals(currentPassword, newPassword)) {
            throw new BusinessException("newPassword", "password.sameAsCurrent");
        }
        PasswordPolicy.check("newPassword", me.getUsername(), newPassword);
        me.changePassword(hasher.hash(newPassword));
        audit.record(AuditAction.PASSWORD_CHANGED, "UserAccount", me.getId(), Changes.of().secret("password").toString());
        return me.getSecurityStamp();
    }
}
