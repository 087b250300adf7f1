package org.trustfund.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the database to the current schema before anything else runs. The numbered scripts in
 * {@code sql/} are packaged under {@code db/migration}. A failed migration throws, which fails the
 * deployment: the application never serves requests on a schema it does not know. Flyway records a
 * failed script, so the next start refuses too until an operator repairs it.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = "jdbc/trustfund")
    private DataSource dataSource;

    // Not named like the static method below: Payara finds an EJB's lifecycle callback by its name, and an overload
    // of that name can be taken instead (it failed a deployment of CurrencyUnitsLoader with "wrong number of
    // arguments").
    @PostConstruct
    void migrateAtStart() {
        MigrateResult result = migrate(dataSource, getClass().getClassLoader());
        LOG.info(() -> "Database schema at version " + result.targetSchemaVersion + " ("
                + result.migrationsExecuted + " migration(s) applied now)");
    }

    /** Also used by the integration tests, so they run exactly what production runs. */
    public static MigrateResult migrate(DataSource dataSource, ClassLoader classLoader) {
        return Flyway.configure(classLoader)
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .validateMigrationNaming(true)
                .load()
                .migrate();
    }
}
