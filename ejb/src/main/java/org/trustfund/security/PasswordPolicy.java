package org.trustfund.security;

import org.trustfund.platform.BusinessException;

/** What a password must be. Length is what matters most (NIST SP 800-63B); no composition rules. */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;

    private PasswordPolicy() {
    }

    /** @throws BusinessException naming the field if the password is not acceptable */
    public static void check(String field, String username, char[] password) {
        if (password == null || password.length < MIN_LENGTH) {
            throw new BusinessException(field, "password.tooShort", MIN_LENGTH);
        }
        if (password.length > MAX_LENGTH) {
            throw new BusinessException(field, "password.tooLong", MAX_LENGTH);
        }
        if (username != null && new String(password).equalsIgnoreCase(username)) {
            throw new BusinessException(field, "password.sameAsUsername");
        }
    }
}
