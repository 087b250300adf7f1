package org.trustfund.web.platform;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.ActionSource;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ActionEvent;
import jakarta.faces.event.ActionListener;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Runs each button's action once per one-time form token ({@link FormIntents}): the application's action listener,
 * so every form that carries a token is guarded without each page bean doing it. A second submission of the same
 * token and button waits for the first, then goes where the first went (with "already saved") or, if the first
 * stayed on the page, says it was already done. Downloads are left alone: asking twice for a file changes nothing.
 */
public class OnceActionListener implements ActionListener {

    private final ActionListener wrapped;

    public OnceActionListener(ActionListener wrapped) {
        this.wrapped = wrapped;
    }

    private ActionListener getWrapped() {
        return wrapped;
    }

    @Override
    public void processAction(ActionEvent event) {
        FacesContext fc = event.getFacesContext();
        String token = fc.getExternalContext().getRequestParameterMap().get(FormIntents.PARAM);
        if (!FormIntents.isToken(token) || isDownload(event.getComponent())) {
            getWrapped().processAction(event);
            return;
        }
        FormIntents intents = CDI.current().select(FormIntents.class).get();
        FormIntents.Claim claim = intents.claim(token + "|" + event.getComponent().getClientId(fc), FormIntents.WAIT_SECONDS);
        switch (claim.kind()) {
            case DONE -> replay(fc, claim.redirect());
            case BUSY -> {
                Messages.error("once.stillSaving");
                fc.validationFailed();
            }
            case RUN -> {
                boolean done = false;
                try {
                    getWrapped().processAction(event);
                    done = !failed(fc);
                } finally {
                    if (done) {
                        intents.finish(claim, RedirectRecorder.redirectOf(fc));
                    } else {
                        intents.release(claim);
                    }
                }
            }
        }
    }

    private static boolean failed(FacesContext fc) {
        FacesMessage.Severity worst = fc.getMaximumSeverity();
        return fc.isValidationFailed() || worst != null && worst.compareTo(FacesMessage.SEVERITY_ERROR) >= 0;
    }

    private static void replay(FacesContext fc, String redirect) {
        if (redirect == null) {
            Messages.info("once.alreadyDoneHere");
            fc.renderResponse();
            return;
        }
        ExternalContext ec = fc.getExternalContext();
        ec.getFlash().setKeepMessages(true);
        Messages.info("once.alreadyDone");
        try {
            ec.redirect(redirect);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        fc.responseComplete();
    }

    private static boolean isDownload(UIComponent component) {
        if (component instanceof ActionSource source) {
            for (ActionListener listener : source.getActionListeners()) {
                String name = listener.getClass().getSimpleName();
                if (name.contains("FileDownload") || name.contains("Exporter")) {
                    return true;
                }
            }
        }
        return false;
    }
}
