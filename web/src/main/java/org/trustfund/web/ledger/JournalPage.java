package org.trustfund.web.ledger;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import org.trustfund.contribution.Contribution;
import org.trustfund.ledger.JournalDetail;
import org.trustfund.ledger.JournalLineView;
import org.trustfund.ledger.JournalService;
import org.trustfund.pledge.Pledge;
import org.trustfund.web.platform.Pages;

/**
 * Backs the page of one journal ({@code ?id=}): its header, its lines and a link to the record it was posted for.
 * An unknown or missing id is the not-found page.
 */
@Named
@ViewScoped
public class JournalPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private JournalService journals;

    private JournalDetail detail;

    @PostConstruct
    void load() {
        if (!LedgerReaders.admit()) {
            return;
        }
        Long id = Pages.recordId(FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("id"));
        Pages.openRecord(id, () -> detail = journals.journal(id));
    }

    public JournalDetail getDetail() {
        return detail;
    }

    /** The journal's number for the title; empty when there is none to show (refused, unknown). */
    public String getNumber() {
        return detail == null ? "" : String.valueOf(detail.journal().id());
    }

    /** The page of the journal's source record, or null when it has none in the application. */
    public String getSourceOutcome() {
        if (detail == null) {
            return null;
        }
        return switch (detail.journal().sourceType()) {
            case Contribution.SOURCE_TYPE -> "/finance/contribution";
            case Pledge.SOURCE_TYPE -> "/finance/pledge";
            case org.trustfund.inkind.InKindContribution.SOURCE_TYPE -> "/finance/in-kind-item";
            case org.trustfund.intermediary.IntermediaryTransfer.SOURCE_TYPE -> "/finance/transfer";
            default -> null;
        };
    }

    public BigDecimal getTotalDebits() {
        return detail == null ? null : detail.lines().stream().map(JournalLineView::debit).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal getTotalCredits() {
        return detail == null ? null : detail.lines().stream().map(JournalLineView::credit).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
