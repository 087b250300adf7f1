package org.trustfund.reference;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Currency;
import org.trustfund.money.CurrencyUnits;
import org.trustfund.money.Money;

/** A currency that pledges and contributions may be in (ISO 4217), with its minor units. */
@Entity
@Table(name = "currency")
@NamedQuery(name = "AcceptedCurrency.findAll", query = "SELECT c FROM AcceptedCurrency c ORDER BY c.code")
public class AcceptedCurrency {

    public static final String USD = "USD";

    @Id
    @Column(name = "code", length = 3)
    private String code;

    @Column(name = "name", nullable = false, length = 100)
    private String name;

    @Column(name = "minor_units", nullable = false)
    private int minorUnits;

    @Version
    private long version;

    protected AcceptedCurrency() {
    }

    /** @throws IllegalArgumentException if the code is not ISO 4217 */
    public AcceptedCurrency(String code, String name) {
        Currency iso = Money.currency(code);
        this.code = iso.getCurrencyCode();
        this.name = name == null || name.isBlank() ? iso.getDisplayName(java.util.Locale.ENGLISH) : name.trim();
        this.minorUnits = CurrencyUnits.isoDefault(iso);
    }

    /** Whoever reads or writes a row keeps {@link CurrencyUnits} in step with the table. */
    @PostLoad
    @PostPersist
    @PostUpdate
    void registerMinorUnits() {
        CurrencyUnits.register(code, minorUnits);
    }

    public void rename(String newName) {
        if (newName == null || newName.isBlank()) {
            throw new IllegalArgumentException("A currency needs a name");
        }
        this.name = newName.trim();
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public int getMinorUnits() {
        return minorUnits;
    }

    public long getVersion() {
        return version;
    }

    @Override
    public String toString() {
        return code;
    }
}
