package org.trustfund.web.security;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.servlet.http.HttpServletRequest;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.trustfund.security.Role;
import org.trustfund.security.SignInResult;
import org.trustfund.security.SignInService;
import org.trustfund.web.platform.DatabaseUnreachable;

/**
 * Checks user names and passwords against the user accounts in the database, for the sign-in page (the API
 * calls {@link SignInService} itself, see {@link ApiMechanism}); throttling and the audit apply to both. The groups it
 * returns are the role names; the server maps groups to roles one to one.
 */
@ApplicationScoped
public class DatabaseIdentityStore implements IdentityStore {

    private static final Logger LOG = Logger.getLogger(DatabaseIdentityStore.class.getName());

    @EJB
    private SignInService signIn;

    @Inject
    private HttpServletRequest request;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        SignInResult result;
        try {
            result = signIn.signIn(credential.getCaller(), credential.getPassword().getValue(),
                    ClientAddress.of(request));
        } catch (RuntimeException e) {
            if (!DatabaseUnreachable.causedBy(e)) {
                throw e;
            }
            // The container would turn the exception into "invalid credentials" with a 500: the pair could not be
            // checked, so it is refused, and the page says why.
            LOG.warning("Sign-in refused, the database is not reachable: " + DatabaseUnreachable.describe(e));
            request.setAttribute(SessionKeys.DATABASE_UNREACHABLE, Boolean.TRUE);
            return CredentialValidationResult.INVALID_RESULT;
        }
        // No session here: the mechanism that asked decides what to keep, and the page what to say.
        request.setAttribute(SessionKeys.SIGN_IN_RESULT, result);
        if (!result.succeeded()) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        return new CredentialValidationResult(result.username(),
                result.roles().stream().map(Role::name).collect(Collectors.toSet()));
    }
}
