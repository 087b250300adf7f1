package org.trustfund.reference;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A trust fund administered by the department, with its own reports. Its statements are in US dollars;
 * the programme support cost rate (13% unless agreed otherwise) applies to its expenditure.
 */
@Entity
@Table(name = "fund")
@NamedQuery(name = "Fund.findAll", query = "SELECT f FROM Fund f ORDER BY f.code")
@NamedQuery(name = "Fund.findByCode", query = "SELECT f FROM Fund f WHERE f.code = :code")
public class Fund {

    public static final BigDecimal DEFAULT_PSC_RATE = new BigDecimal("0.1300");
    public static final String CODE_PATTERN = "[A-Z0-9][A-Z0-9-]{1,19}";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "code", nullable = false, updatable = false, length = 20)
    private String code;

    /** The name column's length: a longer name is refused, never cut. */
    public static final int NAME_MAX = 200;

    @Column(name = "name", nullable = false, length = NAME_MAX)
    private String name;

    @Column(name = "base_currency", nullable = false, updatable = false, length = 3)
    private String baseCurrency = "USD";

    @Column(name = "start_date", nullable = false)
    private LocalDate startDate;

    @Column(name = "psc_rate", nullable = false, precision = 7, scale = 4)
    private BigDecimal pscRate;


    /** Whether the public recognition page shows each supporter's USD amount (off: names only). */
    @Column(name = "public_amounts", nullable = false)
    private boolean publicAmounts;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false, length = 100)
    private String createdBy;

    @Version
    private long version;

    protected Fund() {
    }

    public Fund(String code, String name, LocalDate startDate, BigDecimal pscRate, Instant createdAt, String createdBy) {
        if (code == null || !code.matches(CODE_PATTERN)) {
            throw new IllegalArgumentException("Invalid fund code: " + code);
        }
        this.code = code;
        this.createdAt = Objects.requireNonNull(createdAt);
        this.createdBy = Objects.requireNonNull(createdBy);
        change(name, startDate, pscRate);
    }

    public final void change(String newName, LocalDate newStartDate, BigDecimal newPscRate) {
        if (newName == null || newName.isBlank()) {
            throw new IllegalArgumentException("A fund needs a name");
        }
        if (newPscRate == null || newPscRate.signum() < 0 || newPscRate.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("The support cost rate is a fraction from 0 to below 1");
        }
        this.name = newName.trim();
        this.startDate = Objects.requireNonNull(newStartDate, "startDate");
        this.pscRate = newPscRate;
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public String getBaseCurrency() {
        return baseCurrency;
    }

    public LocalDate getStartDate() {
        return startDate;
    }

    public BigDecimal getPscRate() {
        return pscRate;
    }

    public long getVersion() {
        return version;
    }

    public boolean isPublicAmounts() {
        return publicAmounts;
    }

    public void showAmountsInPublic(boolean show) {
        this.publicAmounts = show;
    }

    @Override
    public String toString() {
        return code;
    }
}
