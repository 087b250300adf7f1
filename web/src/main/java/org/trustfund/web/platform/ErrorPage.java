package org.trustfund.web.platform;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Backs the error page for both kinds of failure: those the JSF handler already logged (the reference
 * comes as a parameter) and those the servlet container sends here (logged now, under a new reference).
 */
@Named
@RequestScoped
public class ErrorPage {

    private static final Logger LOG = Logger.getLogger(ErrorPage.class.getName());

    private String reference;
    private int status;

    @PostConstruct
    void init() {
        ExternalContext ec = FacesContext.getCurrentInstance().getExternalContext();
        Map<String, Object> attributes = ec.getRequestMap();
        Object code = attributes.get(RequestDispatcher.ERROR_STATUS_CODE);
        status = code instanceof Integer i ? i : 500;
        Throwable failure = (Throwable) attributes.get(RequestDispatcher.ERROR_EXCEPTION);
        String given = ec.getRequestParameterMap().get("ref");
        if (failure != null) {
            reference = ErrorReference.logged(LOG, failure,
                    "Unexpected failure on " + attributes.get(RequestDispatcher.ERROR_REQUEST_URI));
        } else if (given != null && given.matches("TF-[0-9A-F]{10}")) {
            reference = given;
        }
    }

    public String getReference() {
        return reference;
    }

    public boolean isNotFound() {
        return status == 404;
    }

    public boolean isForbidden() {
        return status == 403;
    }
}
