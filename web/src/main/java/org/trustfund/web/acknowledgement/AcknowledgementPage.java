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
 * Backs {@code /app/acknowledgement.xhtml?id=}: one letter or cancellation notice, and its PDF in the page's
 * language. A donor user asking for another donor's letter gets the refusal and no button.
 */
@Named
@ViewScoped
public class AcknowledgementPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private AcknowledgementService service;

    @jakarta.inject.Inject
    private org.trustfund.web.contribution.ContributionFormat format;

    private Acknowledgement item;

    @PostConstruct
    void load() {
        Long id = Pages.recordId(FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("id"));
        if (id == null) {
            Messages.error("acknowledgement.unknown", "—");
            return;
        }
        try {
            item = service.find(id);
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
        Acknowledgement a = item;
        FacesContext fc = FacesContext.getCurrentInstance();
        Locale locale = fc.getViewRoot() != null ? fc.getViewRoot().getLocale() : Locale.ENGLISH;
        AcknowledgementService letters = service;
        return DefaultStreamedContent.builder()
                .name("acknowledgement-" + a.reference() + ".pdf")
                .contentType("application/pdf")
                .writer(out -> {
                    try {
                        out.write(letters.pdf(a.getId(), locale));
                    } catch (java.io.IOException e) {
                        // The client went away mid-download; nothing to show it.
                        throw new java.io.UncheckedIOException(e);
                    }
                })
                .build();
    }

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
