package org.trustfund.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Whether a session or a verified credential made under a security stamp may still act for its user: the
 * account exists, is enabled and has not been changed since. One indexed read, on every request.
 *
 * <p>A plain CDI bean, not an enterprise bean, on purpose: it is asked from inside the authentication
 * mechanism, before the request's caller is established, where an enterprise bean call brings its own
 * security context and left some page requests without their roles. It only reads, outside any transaction.
 */
@ApplicationScoped
public class AccountStandingCheck {

    @Inject
    private UserAccountRepository users;

    public boolean stillValid(String username, long securityStamp) {
        return users.standing(username).map(s -> s.admits(securityStamp)).orElse(false);
    }
}
