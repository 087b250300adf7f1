package org.trustfund.web.acknowledgement;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.trustfund.acknowledgement.OutboxMessage;
import org.trustfund.acknowledgement.OutboxService;
import org.trustfund.security.Roles;
import org.trustfund.web.platform.Messages;

/**
 * Backs {@code /finance/outbox.xhtml}: the letters sent by e-mail, waiting (with the last error and the next try) and
 * failed, filtered by status; a waiting or failed one retried now. Auditors read it; they do not retry.
 */
@Named
@ViewScoped
public class OutboxPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private OutboxService service;

    private OutboxMessage.Status status;
    private List<OutboxMessage> messages = List.of();
    private Map<String, Long> counts = Map.of();
    private boolean mailConfigured = true;
    private boolean canRetry;

    @PostConstruct
    void load() {
        FacesContext fc = FacesContext.getCurrentInstance();
        canRetry = fc.getExternalContext().isUserInRole(Roles.FINANCE_OFFICER)
                || fc.getExternalContext().isUserInRole(Roles.CERTIFYING_OFFICER)
                || fc.getExternalContext().isUserInRole(Roles.ADMIN);
        String asked = fc.getExternalContext().getRequestParameterMap().get("status");
        try {
            status = asked == null || asked.isBlank() ? null : OutboxMessage.Status.valueOf(asked);
        } catch (IllegalArgumentException e) {
            // A status typed into the address that does not exist: show every message, and say so.
            status = null;
            Messages.error("outbox.status.unknown", asked);
        }
        refresh();
    }

    private void refresh() {
        try {
            messages = service.list(status);
            // Keyed by name: EL looks a map up with the string the page writes, not with the enum.
            counts = new java.util.HashMap<>();
            service.counts().forEach((status, n) -> counts.put(status.name(), n));
            mailConfigured = service.mailConfigured();
        } catch (RuntimeException e) {
            messages = List.of();
            Messages.showFailure(e, "outbox");
        }
    }

    public String show() {
        return "/finance/outbox?faces-redirect=true" + (status == null ? "" : "&status=" + status.name());
    }

    /** Another try now; the row's version guards a double click. */
    public void retry(OutboxMessage m) {
        try {
            service.retry(m.getId(), m.getVersion());
            Messages.info("outbox.retried", m.getAcknowledgement().reference(), m.getRecipient());
        } catch (RuntimeException e) {
            Messages.showFailure(e, "outbox");
        }
        refresh();
    }

    public OutboxMessage.Status[] getStatuses() { return OutboxMessage.Status.values(); }
    public OutboxMessage.Status getStatus() { return status; }
    public void setStatus(OutboxMessage.Status status) { this.status = status; }
    public List<OutboxMessage> getMessages() { return messages; }
    public Map<String, Long> getCounts() { return counts; }
    public boolean isMailConfigured() { return mailConfigured; }
    public boolean isCanRetry() { return canRetry; }

    /** The view action: makes the bean (and queues its messages) before the layout renders its message area. */
    public void open() {
        // Nothing more: making the bean was the point.
    }
}
