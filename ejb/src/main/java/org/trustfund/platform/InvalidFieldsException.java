package org.trustfund.platform;

import jakarta.ejb.ApplicationException;
import java.util.List;

/**
 * Several fields of one request refused at once ({@link FieldErrors}). It is itself the first refusal (its field,
 * key and arguments), so whoever shows one error shows the same as before; pages show {@link #errors()} each at its
 * field.
 */
@ApplicationException(rollback = true, inherited = true)
public class InvalidFieldsException extends BusinessException {

    private static final long serialVersionUID = 1L;

    private final List<BusinessException> errors;

    public InvalidFieldsException(List<BusinessException> errors) {
        super(errors.get(0).field().orElse(null), errors.get(0).messageKey(), errors.get(0).arguments());
        this.errors = List.copyOf(errors);
    }

    public List<BusinessException> errors() {
        return errors;
    }
}
