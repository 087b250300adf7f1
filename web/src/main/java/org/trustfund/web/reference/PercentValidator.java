package org.trustfund.web.reference;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.validator.FacesValidator;
import jakarta.faces.validator.Validator;
import jakarta.faces.validator.ValidatorException;
import java.math.BigDecimal;
import org.trustfund.web.platform.Messages;

/**
 * A support cost percentage as the fund keeps it: from 0 to below 100, at most two decimals. Refuses 150 or -5 at
 * the field, where a number field would have quietly made 15.00 or 5.00 of it.
 */
@FacesValidator("pscPercent")
public class PercentValidator implements Validator<BigDecimal> {

    private static final BigDecimal HUNDRED = new BigDecimal(100);

    @Override
    public void validate(FacesContext context, UIComponent component, BigDecimal percent) {
        if (percent == null) {
            return;
        }
        String key = percent.signum() < 0 || percent.compareTo(HUNDRED) >= 0 ? "fund.psc.range"
                : !Percent.hasAllowedScale(percent) ? "fund.psc.decimals" : null;
        if (key != null) {
            String text = Messages.text(context.getViewRoot().getLocale(), key);
            throw new ValidatorException(new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
        }
    }
}
