package org.trustfund.web.platform;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Backs the error page for both kinds of failure: those the JSF handler already logged (the reference
 * comes as a parameter) and those the servlet container sends here (logged now, under a new reference).
 * While the database cannot be reached the page says so instead, answers 503, and offers to try the page
 * again ({@value #DATABASE_PARAMETER} and {@value #RETRY_PARAMETER} in the address).
 */
@Named
@RequestScoped
public class ErrorPage {

    private static final Logger LOG = Logger.getLogger(ErrorPage.class.getName());
    static final String PAGE = "/error.xhtml";
    static final String DATABASE_PARAMETER = "database";
    static final String RETRY_PARAMETER = "retry";

    private String reference;
    private int status;
    private boolean databaseUnreachable;
    private String retryUrl;

    @PostConstruct
    void init() {
        ExternalContext ec = FacesContext.getCurrentInstance().getExternalContext();
        Map<String, Object> attributes = ec.getRequestMap();
        Object code = attributes.get(RequestDispatcher.ERROR_STATUS_CODE);
        status = code instanceof Integer i ? i : 500;
        Throwable failure = (Throwable) attributes.get(RequestDispatcher.ERROR_EXCEPTION);
        Map<String, String> parameters = ec.getRequestParameterMap();
        String given = parameters.get("ref");
        databaseUnreachable = parameters.containsKey(DATABASE_PARAMETER)
                || failure != null && DatabaseUnreachable.causedBy(failure);
        if (databaseUnreachable) {
            String retry = parameters.get(RETRY_PARAMETER);
            retryUrl = retry != null && isPageOfThisApplication(ec.getRequestContextPath(), retry) ? retry : null;
            ec.setResponseStatus(503);
            ec.setResponseHeader("Retry-After", String.valueOf(DatabaseUnreachable.RETRY_AFTER_SECONDS));
            if (failure != null) {
                LOG.warning("The database is not reachable; failure on " + attributes.get(RequestDispatcher.ERROR_REQUEST_URI)
                        + ": " + DatabaseUnreachable.describe(failure));
            }
        } else if (failure != null) {
            reference = ErrorReference.logged(LOG, failure,
                    "Unexpected failure on " + attributes.get(RequestDispatcher.ERROR_REQUEST_URI));
        } else if (given != null && given.matches("TF-[0-9A-F]{10}")) {
            reference = given;
        }
    }

    /**
     * The error page's address that says the database is not reachable, with a link to try {@code retry}
     * again (a path of this application, or null for none).
     */
    public static String databaseUnreachableUrl(String contextPath, String retry) {
        String url = contextPath + PAGE + "?" + DATABASE_PARAMETER + "=unreachable";
        if (retry != null && isPageOfThisApplication(contextPath, retry)) {
            url += "&" + RETRY_PARAMETER + "=" + URLEncoder.encode(retry, StandardCharsets.UTF_8);
        }
        return url;
    }

    /**
     * The page worth trying again: the address asked for by a plain GET, else (a form sent, an AJAX call) the
     * page the form was on, from the Referer; null if neither is a page of this application.
     */
    public static String pageToRetry(HttpServletRequest request) {
        boolean ajax = "partial/ajax".equals(request.getHeader("Faces-Request"));
        if ("GET".equals(request.getMethod()) && !ajax) {
            String query = request.getQueryString();
            return request.getRequestURI() + (query == null ? "" : "?" + query);
        }
        String referer = request.getHeader("Referer");
        if (referer == null) {
            return null;
        }
        try {
            URI uri = new URI(referer);
            if (uri.getRawPath() == null || uri.getHost() != null && !uri.getHost().equals(request.getServerName())) {
                return null;
            }
            return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** A path inside this application, never another site (no scheme, no "//host", no "..", no line break). */
    static boolean isPageOfThisApplication(String contextPath, String path) {
        return path.startsWith(contextPath + "/") && !path.startsWith("//") && !path.contains("..")
                && !path.contains("\\") && path.chars().noneMatch(c -> c < 0x20 || c == 0x7f)
                && !path.startsWith(contextPath + PAGE);
    }

    public String getReference() {
        return reference;
    }

    public boolean isNotFound() {
        return status == 404 && !databaseUnreachable;
    }

    public boolean isForbidden() {
        return status == 403 && !databaseUnreachable;
    }

    public boolean isDatabaseUnreachable() {
        return databaseUnreachable;
    }

    /** The page to try again, or null (then the page offers the dashboard only). */
    public String getRetryUrl() {
        return retryUrl;
    }
}
