package org.trustfund.web.platform;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.ExternalContextFactory;
import jakarta.faces.context.ExternalContextWrapper;
import jakarta.faces.context.FacesContext;
import java.io.IOException;

/**
 * Notes where a request redirected the user, so that {@link OnceActionListener} can send a repeated submission to
 * the same place. Page beans redirect through {@link ExternalContext#redirect}, for full and AJAX requests alike.
 */
public class RedirectRecorder extends ExternalContextFactory {

    private static final String ATTRIBUTE = RedirectRecorder.class.getName();

    public RedirectRecorder(ExternalContextFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExternalContext getExternalContext(Object context, Object request, Object response) {
        return new ExternalContextWrapper(getWrapped().getExternalContext(context, request, response)) {
            @Override
            public void redirect(String url) throws IOException {
                getRequestMap().put(ATTRIBUTE, url);
                super.redirect(url);
            }
        };
    }

    static String redirectOf(FacesContext fc) {
        return (String) fc.getExternalContext().getRequestMap().get(ATTRIBUTE);
    }
}
