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
 * Checks user names and passwords against the user accounts in the database, for the sign-in page and for
 * every HTTP Basic call of the API alike, so lockout and the audit of sign-ins apply to both. The groups it
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
        if (!result.succeeded()) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        // No session here: API calls are stateless. The mechanism that asked decides what to keep.
        request.setAttribute(SessionKeys.SIGN_IN_RESULT, result);
        return new CredentialValidationResult(result.username(),
                result.roles().stream().map(Role::name).collect(Collectors.toSet()));
    }
}
