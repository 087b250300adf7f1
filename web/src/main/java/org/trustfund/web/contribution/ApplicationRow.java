package org.trustfund.web.contribution;

import java.io.Serializable;
import java.time.LocalDate;
import org.trustfund.contribution.SuggestedApplication;
import org.trustfund.money.Money;

/** One open instalment on the record page, with the amount to apply as the officer typed it. */
public class ApplicationRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private final SuggestedApplication instalment;
    private String applyText;

    ApplicationRow(SuggestedApplication instalment, String applyText) {
        this.instalment = instalment;
        this.applyText = applyText;
    }

    public long getInstalmentId() {
        return instalment.instalmentId();
    }

    public long getPledgeId() {
        return instalment.pledgeId();
    }

    public int getSeq() {
        return instalment.seq();
    }

    public LocalDate getDueDate() {
        return instalment.dueDate();
    }

    public Money getInstalmentAmount() {
        return instalment.instalmentAmount();
    }

    public Money getOpen() {
        return instalment.open();
    }

    public String getApplyText() {
        return applyText;
    }

    public void setApplyText(String applyText) {
        this.applyText = applyText;
    }
}
