package org.trustfund.web.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.PrintWriter;
import org.trustfund.web.security.ClientAddress;

/**
 * Puts the security headers on every answer of the application and gives the session cookie its flags.
 *
 * <p>Payara ignores the SameSite attribute of web.xml's cookie-config and cannot know about a TLS proxy, and it
 * writes the session cookie straight into its own response, past any wrapper. So the Set-Cookie headers are
 * corrected where the cookie can appear: on the way in (a cookie set during authentication), right after a
 * session is created or its id changed through this request, before a redirect, an error or the body, and on
 * the way out.
 *
 * <p>Faces pages get their Content-Security-Policy from PrimeFaces (primefaces.CSP in web.xml), which adds a
 * nonce per request; the wrapper lets that policy replace the strict one set here, so there is only ever one.
 */
public class SecurityHeadersFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean overTls = ClientAddress.overTls(request);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        SecurityHeaders.apply(response, SecurityHeaders.cacheable(path));
        SecurityHeaders.fixSessionCookies(response, overTls);
        chain.doFilter(new SessionWatchingRequest(request, response, overTls),
                new HeaderGuardingResponse(response, overTls));
        SecurityHeaders.fixSessionCookies(response, overTls);
    }

    /** Corrects the session cookie as soon as this request creates a session or changes its id. */
    private static final class SessionWatchingRequest extends HttpServletRequestWrapper {

        private final HttpServletResponse response;
        private final boolean overTls;

        SessionWatchingRequest(HttpServletRequest request, HttpServletResponse response, boolean overTls) {
            super(request);
            this.response = response;
            this.overTls = overTls;
        }

        @Override
        public HttpSession getSession(boolean create) {
            HttpSession session = super.getSession(create);
            if (session != null && session.isNew()) {
                SecurityHeaders.fixSessionCookies(response, overTls);
            }
            return session;
        }

        @Override
        public HttpSession getSession() {
            return getSession(true);
        }

        @Override
        public String changeSessionId() {
            String id = super.changeSessionId();
            SecurityHeaders.fixSessionCookies(response, overTls);
            return id;
        }
    }

    /** Lets a page's policy replace the default one, and fixes the session cookie before the answer leaves. */
    private static final class HeaderGuardingResponse extends HttpServletResponseWrapper {

        private static final String CSP = "Content-Security-Policy";
        private final HttpServletResponse response;
        private final boolean overTls;

        HeaderGuardingResponse(HttpServletResponse response, boolean overTls) {
            super(response);
            this.response = response;
            this.overTls = overTls;
        }

        @Override
        public void addHeader(String name, String value) {
            if (CSP.equalsIgnoreCase(name)) {
                // Two policies would both be enforced, and the default one has no nonce.
                super.setHeader(name, value);
            } else if ("Set-Cookie".equalsIgnoreCase(name)) {
                super.addHeader(name, SecurityHeaders.sessionCookie(value, overTls));
            } else {
                super.addHeader(name, value);
            }
        }

        @Override
        public void setHeader(String name, String value) {
            super.setHeader(name, "Set-Cookie".equalsIgnoreCase(name)
                    ? SecurityHeaders.sessionCookie(value, overTls) : value);
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            SecurityHeaders.fixSessionCookies(response, overTls);
            return super.getOutputStream();
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            SecurityHeaders.fixSessionCookies(response, overTls);
            return super.getWriter();
        }

        @Override
        public void flushBuffer() throws IOException {
            SecurityHeaders.fixSessionCookies(response, overTls);
            super.flushBuffer();
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            SecurityHeaders.fixSessionCookies(response, overTls);
            super.sendRedirect(location);
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            SecurityHeaders.fixSessionCookies(response, overTls);
            super.sendError(sc, msg);
        }

        @Override
        public void sendError(int sc) throws IOException {
            SecurityHeaders.fixSessionCookies(response, overTls);
            super.sendError(sc);
        }
    }
}
