package org.trustfund.web.platform;

import jakarta.ejb.EJBAccessException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.persistence.OptimisticLockException;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.trustfund.platform.BusinessException;
import org.trustfund.platform.InvalidFieldsException;

/**
 * Puts messages from the resource bundle on the page, and turns the failures a user can act on
 * (a business rule, a concurrent edit, a missing permission) into a message at the field that caused
 * them. Anything else is rethrown, to reach the error page with a reference.
 */
public final class Messages {

    /**
     * The bundles, searched in order. Each business component keeps its page texts in its own bundle;
     * business rule messages from the services are in the first.
     */
    public static final java.util.List<String> BUNDLES = java.util.List.of("org.trustfund.web.messages",
            "org.trustfund.web.reference", "org.trustfund.web.imports", "org.trustfund.web.api",
            "org.trustfund.web.contribution", "org.trustfund.web.approval", "org.trustfund.web.closing",
            "org.trustfund.web.ledger", "org.trustfund.web.report", "org.trustfund.web.exports",
            "org.trustfund.web.records", "org.trustfund.web.worklist",
            "org.trustfund.web.receipts", "org.trustfund.web.inkind", "org.trustfund.web.intermediary",
            "org.trustfund.recognition.givers", "org.trustfund.web.travel",
            "org.trustfund.web.acknowledgement");

    private Messages() {
    }

    public static String text(String key, Object... args) {
        FacesContext fc = FacesContext.getCurrentInstance();
        Locale locale = fc != null && fc.getViewRoot() != null ? fc.getViewRoot().getLocale() : Locale.ENGLISH;
        return text(locale, key, args);
    }

    public static String text(Locale locale, String key, Object... args) {
        String pattern = key;
        for (String bundle : BUNDLES) {
            try {
                pattern = ResourceBundle.getBundle(bundle, locale).getString(key);
                break;
            } catch (MissingResourceException e) {
                // Not in this bundle: try the next.
            }
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    public static void info(String key, Object... args) {
        add(null, FacesMessage.SEVERITY_INFO, key, args);
    }

    public static void error(String key, Object... args) {
        add(null, FacesMessage.SEVERITY_ERROR, key, args);
    }

    /** An error shown next to one input; {@code clientId} is the input's full id, e.g. {@code user:username}. */
    public static void errorAt(String clientId, String key, Object... args) {
        add(clientId, FacesMessage.SEVERITY_ERROR, key, args);
    }

    /**
     * Shows what went wrong if the user can act on it. A business rule's field is looked up inside
     * {@code formId}.
     *
     * @throws RuntimeException the original failure, if it is not one the user can act on
     */
    public static void showFailure(RuntimeException failure, String formId) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof BusinessException be) {
                // Several fields refused at once: each message at its own field.
                for (BusinessException one : be instanceof InvalidFieldsException several ? several.errors() : List.of(be)) {
                    String clientId = one.field().map(f -> formId + ":" + f).orElse(null);
                    if (clientId != null && FacesContext.getCurrentInstance().getViewRoot().findComponent(clientId) == null) {
                        clientId = null;
                    }
                    add(clientId, FacesMessage.SEVERITY_ERROR, one.messageKey(), one.arguments());
                }
                FacesContext.getCurrentInstance().validationFailed();
                return;
            }
            if (t instanceof OptimisticLockException) {
                error("record.changedByAnother");
                FacesContext.getCurrentInstance().validationFailed();
                return;
            }
            if (t instanceof EJBAccessException) {
                error("access.denied");
                FacesContext.getCurrentInstance().validationFailed();
                return;
            }
        }
        throw failure;
    }

    private static void add(String clientId, FacesMessage.Severity severity, String key, Object... args) {
        String text = text(key, args);
        FacesContext.getCurrentInstance().addMessage(clientId, new FacesMessage(severity, text, text));
    }
}
