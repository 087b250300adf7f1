package org.trustfund.platform;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects what is wrong with each field of a form, so one save says everything at once instead of the first
 * broken rule only. Each check is an existing rule that throws {@link BusinessException}; the refusals are kept
 * in order and {@link #throwIfAny()} raises them together (the first one first, so a caller that reads only one
 * error, like the REST API, sees the same one as before).
 */
public final class FieldErrors {

    private final List<BusinessException> errors = new ArrayList<>();

    /** Runs a rule; if it refuses, keeps the refusal and goes on. */
    public FieldErrors check(Runnable rule) {
        try {
            rule.run();
        } catch (BusinessException e) {
            add(e);
        }
        return this;
    }

    public FieldErrors add(String field, String messageKey, Object... arguments) {
        return add(new BusinessException(field, messageKey, arguments));
    }

    public FieldErrors add(BusinessException refusal) {
        if (refusal instanceof InvalidFieldsException several) {
            errors.addAll(several.errors());
        } else {
            errors.add(refusal);
        }
        return this;
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    /** Whether a field already has an error (a later rule about it would only repeat the cause). */
    public boolean has(String field) {
        return errors.stream().anyMatch(e -> e.field().filter(field::equals).isPresent());
    }

    /** @throws BusinessException the one refusal, or an {@link InvalidFieldsException} with all of them */
    public void throwIfAny() {
        if (errors.size() == 1) {
            throw errors.get(0);
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException(errors);
        }
    }
}
