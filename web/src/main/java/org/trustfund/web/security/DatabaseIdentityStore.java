package org.trustfund.web.security;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.servlet.http.HttpServletRequest;
import java.util.stream.Collectors;
import org.trustfund.security.Role;
import org.trustfund.security.SignInResult;
import org.trustfund.security.SignInService;

/**
 * Checks user names and passwords against the user accounts in the database, for the sign-in page (the API
 * calls {@link SignInService} itself, see {@link ApiMechanism}); throttling and the audit apply to both. The groups it
 * returns are the role names; the server maps groups to roles one to one.
 */
@ApplicationScoped
public class DatabaseIdentityStore implements IdentityStore {

    @EJB
    private SignInService signIn;

    @Inject
    private HttpServletRequest request;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        SignInResult result = signIn.signIn(credential.getCaller(), credential.getPassword().getValue(),
                ClientAddress.of(request));
        // No session here: the mechanism that asked decides what to keep, and the page what to say.
        request.setAttribute(SessionKeys.SIGN_IN_RESULT, result);
        if (!result.succeeded()) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        return new CredentialValidationResult(result.username(),
                result.roles().stream().map(Role::name).collect(Collectors.toSet()));
    }
}
