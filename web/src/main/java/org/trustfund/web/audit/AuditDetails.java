package org.trustfund.web.audit;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.trustfund.web.platform.Messages;

/**
 * Words an audit entry's details as the pages do. The log stores a status change by its code
 * ({@code status: RECORDED → RETURNED}), which must stay as written; shown, each code reads as the status
 * label the contribution pages use, so "Sent back" is one word everywhere.
 */
public final class AuditDetails {

    private static final Pattern STATUS = Pattern.compile("(status: )([A-Z_]+)( → )([A-Z_]+)");

    private AuditDetails() {
    }

    public static String words(String details) {
        if (details == null || !details.contains("status: ")) {
            return details;
        }
        Matcher m = STATUS.matcher(details);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + label(m.group(2)) + m.group(3) + label(m.group(4))));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String label(String code) {
        String key = "con.status." + code;
        String text = Messages.text(key);
        return key.equals(text) ? code : text;
    }
}
