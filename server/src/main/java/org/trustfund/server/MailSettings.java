package org.trustfund.server;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The SMTP server acknowledgement letters are sent through, configured like the database: {@code TRUSTFUND_SMTP_HOST}
 * (nothing set: no mail resource, and letters wait in the outbox), {@code TRUSTFUND_SMTP_PORT} (25),
 * {@code TRUSTFUND_SMTP_FROM} (the sender's address, required with a host), {@code TRUSTFUND_SMTP_USER} and
 * {@code TRUSTFUND_SMTP_PASSWORD} (both or neither), {@code TRUSTFUND_SMTP_STARTTLS} ({@code true} to require TLS).
 *
 * @param password never printed; kept in the domain as a password alias, not in domain.xml
 */
public record MailSettings(String host, int port, String from, String user, String password, boolean startTls) {

    public static final String HOST_VARIABLE = "TRUSTFUND_SMTP_HOST";
    public static final String PORT_VARIABLE = "TRUSTFUND_SMTP_PORT";
    public static final String FROM_VARIABLE = "TRUSTFUND_SMTP_FROM";
    public static final String USER_VARIABLE = "TRUSTFUND_SMTP_USER";
    public static final String PASSWORD_VARIABLE = "TRUSTFUND_SMTP_PASSWORD";
    public static final String STARTTLS_VARIABLE = "TRUSTFUND_SMTP_STARTTLS";

    private static final Pattern ADDRESS = Pattern.compile("[^@\\s\"]+@[^@\\s\"]+");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.:\\[\\]-]+");

    public MailSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(from, "from");
    }

    /**
     * The mail server the environment names, or empty when {@value #HOST_VARIABLE} is not set.
     *
     * @throws StartupException (one line) naming the setting that is wrong
     */
    public static Optional<MailSettings> fromEnvironment(Map<String, String> env) {
        String host = blankToNull(env.get(HOST_VARIABLE));
        if (host == null) {
            return Optional.empty();
        }
        if (!HOST.matcher(host).matches()) {
            throw new StartupException(HOST_VARIABLE + "='" + host + "' is not a host name or address.");
        }
        int port = 25;
        String portText = blankToNull(env.get(PORT_VARIABLE));
        if (portText != null) {
            try {
                port = Integer.parseInt(portText.strip());
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 1 || port > 65535) {
                throw new StartupException(PORT_VARIABLE + "='" + portText + "' is not a port (1-65535).");
            }
        }
        String from = blankToNull(env.get(FROM_VARIABLE));
        if (from == null || !ADDRESS.matcher(from.strip()).matches()) {
            throw new StartupException(FROM_VARIABLE + (from == null ? " is not set" : "='" + from + "' is not an e-mail address")
                    + ": set it to the address letters are sent from, e.g. trust.fund@example.org.");
        }
        String user = blankToNull(env.get(USER_VARIABLE));
        String password = env.get(PASSWORD_VARIABLE);
        if ((user == null) != (password == null || password.isEmpty())) {
            throw new StartupException("Set both " + USER_VARIABLE + " and " + PASSWORD_VARIABLE + ", or neither.");
        }
        boolean startTls = Boolean.parseBoolean(blankToNull(env.get(STARTTLS_VARIABLE)));
        return Optional.of(new MailSettings(host, port, from.strip(), user, user == null ? null : password, startTls));
    }

    @Override
    public String toString() {
        return "MailSettings[" + host + ":" + port + ", from " + from + (user == null ? "" : ", user " + user + ", password ***")
                + (startTls ? ", STARTTLS" : "") + "]";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
