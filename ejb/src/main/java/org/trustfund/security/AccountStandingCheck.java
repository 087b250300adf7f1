package org.trustfund.security;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Whether a session or a verified credential made under a security stamp may still act for its user: the
 * account exists, is enabled and has not been changed since. One indexed read, on every request.
 *
 * <p>Plain JDBC in a plain CDI bean, on purpose. It is asked from inside the authentication mechanism, before
 * the request's caller is established. Asked there through an enterprise bean, or through the persistence
 * context outside a transaction, it left some requests without their roles (the container's invocation
 * bookkeeping runs around both); a pooled connection and one statement touch none of that.
 */
@ApplicationScoped
public class AccountStandingCheck {

    private static final String QUERY = "SELECT enabled, security_stamp FROM user_account WHERE username = ?";

    @Resource(lookup = "jdbc/trustfund")
    private DataSource dataSource;

    public boolean stillValid(String username, long securityStamp) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(QUERY)) {
            statement.setString(1, username);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() && new AccountStanding(row.getBoolean(1), row.getLong(2)).admits(securityStamp);
            }
        } catch (SQLException e) {
            // Fail closed: if the account cannot be checked, the session does not go on.
            throw new IllegalStateException("Cannot read the standing of user " + username, e);
        }
    }
}
