package org.trustfund.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.trustfund.security.AccountStandingCheck;
import org.trustfund.security.Role;
import org.trustfund.security.SignInResult;
import org.trustfund.web.platform.DatabaseUnreachable;
import org.trustfund.web.platform.ErrorPage;
import org.trustfund.web.platform.SecurityHeaders;

/**
 * Form sign-in on our own JSF page, for the pages, with the session carrying the sign-in.
 *
 * <ul>
 * <li>Signing in ({@link SignInPage} passes the credential) keeps a {@link SessionAccount} in the session:
 * who, their roles, the account's security stamp and the time.</li>
 * <li>On every later request this mechanism hands that caller and those roles to the container itself. (It
 * does not use {@code @AutoApplySession}: under parallel requests Payara's restore of a session's caller
 * sometimes loses the roles, giving a signed-in user a 403 now and then; Payara issue 6145.)</li>
 * <li>Before that it ends the session if the account was disabled or changed since (roles are fixed in a
 * session at sign-in, so a demoted user would otherwise keep the old ones) or if the session has lasted
 * {@link SessionAccount#ABSOLUTE_LIFETIME}. The sign-in page then says why. If the account cannot be checked
 * because the database is not reachable, the page is not shown either; the error page says so.</li>
 * <li>A protected page asked for without a session goes to the sign-in page and, after sign-in, back to the
 * page first asked for ({@link #rememberPageAskedFor}); a JSF AJAX request gets a partial-response redirect,
 * which it follows, rather than a plain redirect to a page it could not read.</li>
 * </ul>
 * {@code @Typed} hides it from the container, which must see exactly one mechanism
 * ({@link TrustfundAuthenticationMechanism}).
 */
@Typed(PageSignInMechanism.class)
@ApplicationScoped
public class PageSignInMechanism implements HttpAuthenticationMechanism {

    static final String SIGN_IN_PAGE = "/login.xhtml";
    private static final Logger LOG = Logger.getLogger(PageSignInMechanism.class.getName());

    @Inject
    private IdentityStoreHandler identityStores;

    @Inject
    private AccountStandingCheck standing;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        Credential credential = context.getAuthParameters().getCredential();
        if (credential != null) {
            return signIn(credential, request, context);
        }
        if (isStaticResource(request)) {
            // Style sheets, scripts and images are the same for everyone: no account check for each of them.
            return context.doNothing();
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SessionKeys.ACCOUNT) instanceof SessionAccount account) {
            Optional<String> ended;
            try {
                ended = whyEnded(account);
            } catch (RuntimeException e) {
                if (!DatabaseUnreachable.causedBy(e)) {
                    throw e;
                }
                return databaseUnreachable(request, response, context, e);
            }
            if (ended.isEmpty()) {
                return context.notifyContainerAboutLogin(account.username(), account.groups());
            }
            end(session);
            request.getSession(true).setAttribute(SessionKeys.ENDED, ended.get());
        }
        if (!context.isProtected()) {
            return context.doNothing();
        }
        rememberPageAskedFor(request);
        // Answered before any filter runs, so the headers every answer carries are set here too.
        SecurityHeaders.apply(response, false);
        String signIn = request.getContextPath() + SIGN_IN_PAGE;
        return isAjax(request) ? partialRedirect(response, signIn) : context.redirect(signIn);
    }

    private AuthenticationStatus signIn(Credential credential, HttpServletRequest request, HttpMessageContext context) {
        CredentialValidationResult result = identityStores.validate(credential);
        if (result.getStatus() == CredentialValidationResult.Status.VALID
                && request.getAttribute(SessionKeys.SIGN_IN_RESULT) instanceof SignInResult signIn) {
            HttpSession session = request.getSession();
            session.setAttribute(SessionKeys.ACCOUNT, new SessionAccount(signIn.username(),
                    signIn.roles().stream().map(Role::name).collect(Collectors.toSet()), signIn.securityStamp(),
                    Instant.now()));
            session.setAttribute(SessionKeys.DISPLAY_NAME, signIn.displayName());
            if (signIn.mustChangePassword()) {
                session.setAttribute(SessionKeys.MUST_CHANGE_PASSWORD, Boolean.TRUE);
            }
        }
        return context.notifyContainerAboutLogin(result);
    }

    /**
     * The account cannot be checked, so the session does not go on (fail closed), but the user is told why:
     * a protected page sends them to the error page's "the database is not reachable, try again"; a public
     * page (sign-in, that error page) is shown without a caller, so the notice itself can be served.
     */
    private static AuthenticationStatus databaseUnreachable(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context, RuntimeException failure) {
        if (!context.isProtected()) {
            return context.doNothing();
        }
        LOG.warning("Page " + request.getRequestURI() + " sent to the error page, the database is not reachable: "
                + DatabaseUnreachable.describe(failure));
        SecurityHeaders.apply(response, false);
        String notice = ErrorPage.databaseUnreachableUrl(request.getContextPath(), ErrorPage.pageToRetry(request));
        return isAjax(request) ? partialRedirect(response, notice) : context.redirect(notice);
    }

    /** Why the session must end now (a {@link SessionKeys#ENDED} value), or empty if it may go on. */
    private Optional<String> whyEnded(SessionAccount account) {
        if (account.outlived(Instant.now())) {
            return Optional.of(SessionKeys.ENDED_LIFETIME);
        }
        if (!standing.stillValid(account.username(), account.securityStamp())) {
            return Optional.of(SessionKeys.ENDED_ACCOUNT_CHANGED);
        }
        return Optional.empty();
    }

    private static void end(HttpSession session) {
        try {
            session.invalidate();
        } catch (IllegalStateException alreadyInvalidated) {
            // A parallel request of the same session ended it first.
        }
    }

    /**
     * Keeps the page a signed-out user asked for, so {@link SignInPage} can send them there after signing
     * in. Only GET requests (a POST's form data is not replayed) and only paths inside this application.
     */
    static void rememberPageAskedFor(HttpServletRequest request) {
        if ("GET".equals(request.getMethod())) {
            String query = request.getQueryString();
            request.getSession().setAttribute(SessionKeys.RETURN_TO,
                    request.getRequestURI() + (query == null ? "" : "?" + query));
        }
    }

    private static boolean isStaticResource(HttpServletRequest request) {
        String path = request.getServletPath();
        return path != null && (path.startsWith("/jakarta.faces.resource/") || path.startsWith("/resources/"));
    }

    private static boolean isAjax(HttpServletRequest request) {
        return "partial/ajax".equals(request.getHeader("Faces-Request"));
    }

    private static AuthenticationStatus partialRedirect(HttpServletResponse response, String url) {
        try {
            response.setContentType("text/xml");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                    + url.replace("&", "&amp;").replace("\"", "&quot;") + "\"/></partial-response>");
            response.flushBuffer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return AuthenticationStatus.SEND_CONTINUE;
    }
}
