package org.trustfund.web.platform;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.trustfund.platform.BusinessException;

/** Answers that end a page request early. */
public final class Pages {

    private Pages() {
    }

    /** Loads the record whose id is in the page's address; a missing or unknown record is the not-found page. */
    public static void openRecord(Long id, Runnable load) {
        if (id == null) {
            notFound();
            return;
        }
        try {
            load.run();
        } catch (BusinessException unknown) {
            notFound();
        }
    }

    /** The record id in a page's address, or null when there is none or it is not a record id. */
    public static Long recordId(String parameter) {
        return parameter != null && parameter.matches("\\d{1,18}") ? Long.valueOf(parameter) : null;
    }

    /**
     * A page that exists only to make a change belongs to the role that may make it: anyone else gets the
     * friendly 403 at once, not a form whose save the service would refuse.
     *
     * @return whether the page may go on
     */
    public static boolean requireRole(String role) {
        return requireAnyRole(role);
    }

    /**
     * A page whose service serves only some staff roles answers the friendly 403 to the others at once, rather than
     * a page that fails when it reads.
     *
     * @return whether the page may go on
     */
    public static boolean requireAnyRole(String... roles) {
        FacesContext fc = FacesContext.getCurrentInstance();
        ExternalContext ec = fc.getExternalContext();
        for (String role : roles) {
            if (ec.isUserInRole(role)) {
                return true;
            }
        }
        try {
            ec.responseSendError(HttpServletResponse.SC_FORBIDDEN, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        fc.responseComplete();
        return false;
    }

    /** Sends the friendly 403: a donor user who named another donor's record. */
    public static void forbidden() {
        FacesContext fc = FacesContext.getCurrentInstance();
        try {
            fc.getExternalContext().responseSendError(HttpServletResponse.SC_FORBIDDEN, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        fc.responseComplete();
    }

    /**
     * Sends the friendly not-found page for a record page opened without an id, or with one that does not
     * exist. (The id is not a required view parameter: Mojarra re-validates view parameters on AJAX requests
     * that process the whole view, and finds them missing there.)
     */
    public static void notFound() {
        FacesContext fc = FacesContext.getCurrentInstance();
        ExternalContext ec = fc.getExternalContext();
        try {
            ec.responseSendError(HttpServletResponse.SC_NOT_FOUND, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        fc.responseComplete();
    }
}
