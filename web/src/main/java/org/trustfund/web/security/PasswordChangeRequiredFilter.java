package org.trustfund.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * A user signed in with a temporary password may do nothing but choose their own: every other page
 * sends them to the change-password page.
 */
// Not /api/*: the API keeps no session; TrustfundAuthenticationMechanism refuses such a user there itself.
@WebFilter(urlPatterns = {"/app/*", "/admin/*", "/audit/*", "/finance/*"})
public class PasswordChangeRequiredFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    public static final String CHANGE_PASSWORD_PAGE = "/app/account/change-password.xhtml";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpSession session = request.getSession(false);
        boolean mustChange = session != null && session.getAttribute(SessionKeys.MUST_CHANGE_PASSWORD) != null;
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (mustChange && !CHANGE_PASSWORD_PAGE.equals(path)) {
            response.sendRedirect(request.getContextPath() + CHANGE_PASSWORD_PAGE);
            return;
        }
        chain.doFilter(request, response);
    }
}
