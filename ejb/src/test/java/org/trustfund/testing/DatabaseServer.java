package org.trustfund.testing;

import com.mysql.cj.jdbc.MysqlDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.trustfund.server.DatabaseSettings;
import org.trustfund.server.EmbeddedDatabase;

/**
 * One real MariaDB server for the whole test run (the same embedded server the system runs on), started on
 * first use in a temporary folder and stopped when the JVM exits. Tests never share a database on it:
 * each makes its own through {@link TestDatabase}.
 */
final class DatabaseServer {

    private static EmbeddedDatabase server;

    private DatabaseServer() {
    }

    private static synchronized EmbeddedDatabase server() {
        if (server == null) {
            try {
                Path folder = Files.createTempDirectory("tf-it-mariadb-");
                server = EmbeddedDatabase.start(folder, 0);
                Runtime.getRuntime().addShutdownHook(new Thread(server::close, "stop-test-mariadb"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return server;
    }

    static void execute(String sql) {
        try (Connection c = admin().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot run on the test server: " + sql, e);
        }
    }

    private static MysqlDataSource admin() {
        DatabaseSettings settings = server().adminSettings();
        MysqlDataSource ds = new MysqlDataSource();
        ds.setURL(settings.jdbcUrl());
        ds.setUser(settings.user());
        ds.setPassword(settings.password());
        return ds;
    }

    /** A data source for one database on the server, as the administrator (tests create their schema). */
    static MysqlDataSource dataSource(String database) {
        DatabaseSettings settings = server().adminSettings();
        String url = settings.jdbcUrl().replaceFirst("(jdbc:mysql://[^/]+/)[^?]*", "$1" + database);
        MysqlDataSource ds = new MysqlDataSource();
        ds.setURL(url);
        ds.setUser(settings.user());
        ds.setPassword(settings.password());
        return ds;
    }
}
