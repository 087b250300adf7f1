package org.trustfund.web.contribution;

import java.time.LocalDate;
import java.util.Optional;
import org.trustfund.money.Money;
import org.trustfund.reference.AcceptedCurrency;
import org.trustfund.reference.ExchangeRate;
import org.trustfund.reference.ReferenceData;
import org.trustfund.web.platform.Messages;
import org.trustfund.web.platform.Numbers;

/** An amount typed on a form, in US dollars at the operational rate in force on its date, said before saving. */
public final class UsdPreview {

    private UsdPreview() {
    }

    /** The conversion in words, with the rate's age when it is stale; or why it cannot be said (no rate). */
    public static String of(ReferenceData referenceData, Money value, LocalDate date) {
        if (AcceptedCurrency.USD.equals(value.currencyCode())) {
            return Amounts.money(value, Numbers.locale());
        }
        Optional<ExchangeRate> rate = referenceData.rateInForce(value.currencyCode(), date);
        if (rate.isEmpty()) {
            return Messages.text("con.record.preview.rateMissing", value.currencyCode(), date.toString());
        }
        ExchangeRate r = rate.get();
        String text = Messages.text("con.record.preview.converted", Amounts.money(value, Numbers.locale()),
                Amounts.rate(r.getUnitsPerUsd(), Numbers.locale()), value.currencyCode(), r.getEffectiveDate().toString(),
                Amounts.money(r.toUsd(value), Numbers.locale()));
        if (r.isStaleOn(date)) {
            text += ". " + Messages.text("con.rate.age", r.getEffectiveDate().toString(), r.monthsBefore(date));
        }
        return text;
    }
}
