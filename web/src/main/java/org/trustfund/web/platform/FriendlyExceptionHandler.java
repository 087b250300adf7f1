package org.trustfund.web.platform;

import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Iterator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * No stack trace reaches a page. An unexpected failure, on a full request or an AJAX one, is logged
 * with a short reference and the user is sent to the error page showing that reference, so support can
 * find the log line. An expired view (idle session) sends the user back to the page, which asks them to
 * sign in again if needed. A database that cannot be reached is not such a failure: the error page says
 * so and offers to try the page again.
 */
public class FriendlyExceptionHandler extends ExceptionHandlerWrapper {

    private static final Logger LOG = Logger.getLogger(FriendlyExceptionHandler.class.getName());

    public FriendlyExceptionHandler(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() {
        FacesContext fc = FacesContext.getCurrentInstance();
        Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
        if (events.hasNext()) {
            Throwable failure = events.next().getContext().getException();
            // Handle the first failure only; the rest are consequences of it.
            events.remove();
            while (events.hasNext()) {
                events.next();
                events.remove();
            }
            ExternalContext ec = fc.getExternalContext();
            try {
                if (failure instanceof ViewExpiredException expired) {
                    ec.redirect(ec.getRequestContextPath() + expired.getViewId() + "?expired=true");
                } else if (DatabaseUnreachable.causedBy(failure)) {
                    // Not a fault to report with a reference: the user is told to try again.
                    LOG.warning("The database is not reachable; failure on " + ec.getRequestServletPath() + ": "
                            + DatabaseUnreachable.describe(failure));
                    ec.redirect(ErrorPage.databaseUnreachableUrl(ec.getRequestContextPath(),
                            ErrorPage.pageToRetry((HttpServletRequest) ec.getRequest())));
                } else {
                    String reference = ErrorReference.logged(LOG, failure,
                            "Unexpected failure on " + ec.getRequestServletPath());
                    ec.redirect(ec.getRequestContextPath() + "/error.xhtml?ref=" + reference);
                }
                fc.responseComplete();
            } catch (IOException | IllegalStateException e) {
                LOG.log(Level.SEVERE, "Could not send the user to the error page", e);
            }
        }
        getWrapped().handle();
    }
}
