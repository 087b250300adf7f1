package org.trustfund.reference;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Logger;
import org.trustfund.money.CurrencyUnits;

/**
 * Gives {@link CurrencyUnits} the currency table's minor units before the application serves requests, so
 * that {@code Money}, the pages, the API and the import all count decimals as the table says.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class CurrencyUnitsLoader {

    private static final Logger LOG = Logger.getLogger(CurrencyUnitsLoader.class.getName());

    @PersistenceContext
    private EntityManager em;

    @PostConstruct
    void loadAtStart() {
        Map<String, Integer> loaded = readTable(em);
        LOG.info(() -> "Minor units of " + loaded.size() + " accepted currencies loaded");
    }

    /**
     * Also used by the integration tests: the same reading of the table. Not an overload of the start-up method:
     * Payara finds a lifecycle callback by its name and once took this one, failing the deployment at random.
     */
    public static Map<String, Integer> readTable(EntityManager em) {
        Map<String, Integer> units = new HashMap<>();
        em.createNamedQuery("AcceptedCurrency.findAll", AcceptedCurrency.class).getResultList()
                .forEach(c -> units.put(c.getCode(), c.getMinorUnits()));
        CurrencyUnits.load(units);
        return units;
    }
}
