package org.trustfund.web.acknowledgement;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Locale;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;
import org.trustfund.acknowledgement.Acknowledgement;
import org.trustfund.acknowledgement.AcknowledgementService;
import org.trustfund.web.platform.Messages;
import org.trustfund.web.platform.Pages;

/**
 * Backs {@code /app/acknowledgement.xhtml?id=}: one letter or cancellation notice, and its PDF or Word document in the
 * page's language. A donor user asking for another donor's letter gets the refusal and no button.
 */
@Named
@ViewScoped
public class AcknowledgementPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private AcknowledgementService service;

    @jakarta.inject.Inject
    private org.trustfund.web.contribution.ContributionFormat format;

    @EJB
    private org.trustfund.acknowledgement.OutboxService outbox;

    private Acknowledgement item;
    private java.util.List<org.trustfund.acknowledgement.OutboxMessage> sendings = java.util.List.of();
    private boolean staff;
    private boolean canSend;

    @PostConstruct
    void load() {
        Long id = Pages.recordId(FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("id"));
        if (id == null) {
            Messages.error("acknowledgement.unknown", "—");
            return;
        }
        try {
            item = service.find(id);
            var ctx = FacesContext.getCurrentInstance().getExternalContext();
            canSend = ctx.isUserInRole(org.trustfund.security.Roles.FINANCE_OFFICER)
                    || ctx.isUserInRole(org.trustfund.security.Roles.CERTIFYING_OFFICER)
                    || ctx.isUserInRole(org.trustfund.security.Roles.ADMIN);
            staff = canSend || ctx.isUserInRole(org.trustfund.security.Roles.AUDITOR);
            if (staff) {
                sendings = outbox.ofAcknowledgement(id);
            }
        } catch (org.trustfund.platform.AccessDeniedException e) {
            item = null;
            Pages.forbidden();
        } catch (RuntimeException e) {
            item = null;
            Messages.showFailure(e, "letter");
        }
    }

    /** The PDF, made when the button is pressed (the download is audited then, not when the page is opened). */
    public StreamedContent getPdf() {
        return download("pdf", "application/pdf", AcknowledgementService::pdf);
    }

    /** The same letter as a Word document, made and audited when the button is pressed. */
    public StreamedContent getDocx() {
        return download("docx", org.trustfund.acknowledgement.AcknowledgementDocx.CONTENT_TYPE,
                AcknowledgementService::docx);
    }

    private interface Maker {
        byte[] make(AcknowledgementService service, long id, Locale locale);
    }

    private StreamedContent download(String extension, String contentType, Maker maker) {
        Acknowledgement a = item;
        // The letter as the donor received it: in their language of correspondence, whatever the page's language.
        Locale locale = Locale.forLanguageTag(a.getDonor().getCorrespondenceLanguage());
        AcknowledgementService letters = service;
        return DefaultStreamedContent.builder()
                .name("acknowledgement-" + a.reference() + "." + extension)
                .contentType(contentType)
                .writer(out -> {
                    try {
                        out.write(maker.make(letters, a.getId(), locale));
                    } catch (java.io.IOException e) {
                        // The client went away mid-download; nothing to show it.
                        throw new java.io.UncheckedIOException(e);
                    }
                })
                .build();
    }

    /**
     * Sends the letter again to the donor's address as it is now. The version read with the page makes a double click
     * send once; the outbox then shows the new message.
     */
    public void resend() {
        try {
            var m = outbox.resend(item.getId(), item.getVersion());
            Messages.info("outbox.resent", item.reference(), m.getRecipient());
            // The letter keeps the version read with the page: a second click (or a double click) is refused as a
            // change made meanwhile, rather than sending the letter twice. Opening the page again allows another.
            sendings = outbox.ofAcknowledgement(item.getId());
        } catch (RuntimeException e) {
            Messages.showFailure(e, "letter");
        }
    }

    public java.util.List<org.trustfund.acknowledgement.OutboxMessage> getSendings() { return sendings; }
    public boolean isStaff() { return staff; }
    public boolean isCanSend() { return canSend; }

    public String getTitle() {
        return Messages.text("ack.item.title", item == null ? "" : item.reference());
    }

    /** What was received in its currency, as the other pages write money. */
    public String getAmount() {
        return item == null || item.getAmount() == null ? null : format.money(org.trustfund.money.Money.of(
                item.getAmount().setScale(org.trustfund.money.CurrencyUnits.of(item.getCurrency()),
                        java.math.RoundingMode.UNNECESSARY), item.getCurrency()));
    }

    public Acknowledgement getItem() { return item; }
}
