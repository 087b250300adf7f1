package org.trustfund.web.intermediary;

import java.io.Serializable;
import java.time.LocalDate;
import org.trustfund.intermediary.GiverKind;
import org.trustfund.intermediary.TransferGift;
import org.trustfund.web.contribution.Amounts;

/** A gift line as the officer types it on the transfer form: the amount as text, parsed in the page's language. */
public class GiftRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private String giverName;
    private GiverKind giverKind = GiverKind.PERSON;
    private boolean anonymous;
    private boolean publiclyNamed = true;
    private String amountText;
    private LocalDate givenDate;

    public static GiftRow of(TransferGift g, String currency) {
        GiftRow row = new GiftRow();
        row.giverName = g.getGiverName();
        row.giverKind = g.getGiverKind();
        row.anonymous = g.isAnonymous();
        row.publiclyNamed = g.isPubliclyNamed();
        row.amountText = Amounts.input(org.trustfund.money.Money.of(g.getAmount(), currency), org.trustfund.web.platform.Numbers.locale());
        row.givenDate = g.getGivenDate();
        return row;
    }

    public boolean isBlank() {
        return (giverName == null || giverName.isBlank()) && !anonymous && Amounts.isBlank(amountText) && givenDate == null;
    }

    public String getGiverName() {
        return giverName;
    }

    public void setGiverName(String giverName) {
        this.giverName = giverName;
    }

    public GiverKind getGiverKind() {
        return giverKind;
    }

    public void setGiverKind(GiverKind giverKind) {
        this.giverKind = giverKind;
    }

    public boolean isAnonymous() {
        return anonymous;
    }

    public void setAnonymous(boolean anonymous) {
        this.anonymous = anonymous;
    }

    public boolean isPubliclyNamed() {
        return publiclyNamed;
    }

    public void setPubliclyNamed(boolean publiclyNamed) {
        this.publiclyNamed = publiclyNamed;
    }

    public String getAmountText() {
        return amountText;
    }

    public void setAmountText(String amountText) {
        this.amountText = amountText;
    }

    public LocalDate getGivenDate() {
        return givenDate;
    }

    public void setGivenDate(LocalDate givenDate) {
        this.givenDate = givenDate;
    }
}
