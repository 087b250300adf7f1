package org.trustfund.platform;

/** Text longer than its column is refused naming the limit, never cut to fit (a pasted name lost its end). */
public final class TextLimits {

    private TextLimits() {
    }

    /** @throws BusinessException {@code text.tooLong} at {@code field} if the trimmed text is longer than {@code max} */
    public static void requireAtMost(String field, String text, int max) {
        if (text != null && text.trim().length() > max) {
            throw new BusinessException(field, "text.tooLong", max);
        }
    }
}
