package org.trustfund.web.platform;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIInput;
import jakarta.faces.context.FacesContext;
import jakarta.faces.validator.FacesValidator;
import jakarta.faces.validator.Validator;
import java.time.LocalDate;

/**
 * On a list's to-date: a from-date after it is said at the from-date (as the API names the field {@code from})
 * instead of filtering to an empty list; nothing is applied and both dates stay as typed. The attribute
 * {@code from} gives the from-date's id, relative to the to-date's naming container.
 */
@FacesValidator("tf.dateRange")
public class DateRangeValidator implements Validator<Object> {

    @Override
    public void validate(FacesContext context, UIComponent component, Object value) {
        Object fromId = component.getAttributes().get("from");
        if (!(value instanceof LocalDate to) || fromId == null
                || !(component.findComponent(fromId.toString()) instanceof UIInput from) || !from.isValid()) {
            return;
        }
        if (from.getValue() instanceof LocalDate start && start.isAfter(to)) {
            String text = Messages.text("period.reversed", start, to);
            context.addMessage(from.getClientId(context), new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
            from.setValid(false);
            ((UIInput) component).setValid(false);
            context.validationFailed();
        }
    }
}
