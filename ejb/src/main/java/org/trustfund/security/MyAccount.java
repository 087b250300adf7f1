package org.trustfund.security;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Arrays;
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

    public UserAccount me() {
        return users.findByUsername(caller.name())
                .orElseThrow(() -> new UnknownUserException(caller.name()));
    }

    public void changePassword(char[] currentPassword, char[] newPassword, char[] confirmation) {
        UserAccount me = me();
        if (!hasher.verify(currentPassword, me.getPasswordHash())) {
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
    }
}
