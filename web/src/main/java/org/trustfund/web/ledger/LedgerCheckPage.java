package org.trustfund.web.ledger;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import org.trustfund.ledger.LedgerCheck;
import org.trustfund.ledger.LedgerCheckResult;

/** Runs the ledger check when the page is shown. */
@Named
@RequestScoped
public class LedgerCheckPage {

    @EJB
    private LedgerCheck check;

    private LedgerCheckResult result;

    public LedgerCheckResult getResult() {
        if (result == null) {
            result = check.runAndRecord();
        }
        return result;
    }
}
