package org.trustfund.testing;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import com.mysql.cj.jdbc.MysqlDataSource;
import org.trustfund.platform.SchemaMigration;

/**
 * A database of its own for one test: created empty on the shared embedded MariaDB server, migrated
 * with the production migrations, and reached through the production persistence unit switched to
 * resource-local transactions. Dropped when the test ends.
 */
public final class TestDatabase implements AutoCloseable {

    private final String name;
    private final MysqlDataSource dataSource;
    private EntityManagerFactory emf;

    private TestDatabase(String name, MysqlDataSource dataSource) {
        this.name = name;
        this.dataSource = dataSource;
    }

    /** An empty database (no tables). */
    public static TestDatabase empty() {
        String name = "it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        DatabaseServer.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        return new TestDatabase(name, DatabaseServer.dataSource(name));
    }

    /** A database at the current schema version. */
    public static TestDatabase migrated() {
        TestDatabase db = empty();
        SchemaMigration.migrate(db.dataSource, TestDatabase.class.getClassLoader());
        return db;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public String name() {
        return name;
    }

    public EntityManagerFactory entityManagerFactory() {
        if (emf == null) {
            Map<String, Object> props = new HashMap<>();
            props.put("jakarta.persistence.transactionType", "RESOURCE_LOCAL");
            props.put("jakarta.persistence.jtaDataSource", "");
            props.put("jakarta.persistence.nonJtaDataSource", dataSource);
            props.put("eclipselink.logging.level", "WARNING");
            emf = Persistence.createEntityManagerFactory("trustfund", props);
        }
        return emf;
    }

    /** Runs work in one committed transaction on a fresh entity manager. */
    public <T> T inTransaction(Function<EntityManager, T> work) {
        EntityManager em = entityManagerFactory().createEntityManager();
        try {
            em.getTransaction().begin();
            T result = work.apply(em);
            em.getTransaction().commit();
            return result;
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    public void run(Consumer<EntityManager> work) {
        inTransaction(em -> {
            work.accept(em);
            return null;
        });
    }

    /** Runs plain SQL, as an operator or an attacker with database access would. */
    public void sql(String statement) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    @Override
    public void close() {
        if (emf != null) {
            emf.close();
        }
        DatabaseServer.execute("DROP DATABASE IF EXISTS " + name);
    }
}
