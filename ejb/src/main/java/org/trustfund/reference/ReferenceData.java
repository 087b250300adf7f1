package org.trustfund.reference;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.trustfund.audit.AuditAction;
import org.trustfund.audit.AuditLog;
import org.trustfund.platform.BusinessException;
import org.trustfund.platform.FieldErrors;
import org.trustfund.platform.Changes;
import org.trustfund.platform.ConcurrentChangeException;
import org.trustfund.platform.InstantConverter;
import org.trustfund.platform.UnknownRecordException;
import org.trustfund.security.Caller;
import org.trustfund.security.Roles;

/**
 * Funds, countries, currencies and operational rates. Anyone signed in reads them; only an administrator
 * changes them, and every change is audited.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class ReferenceData {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private ExchangeRates rates;

    @Inject
    private AuditLog audit;

    @Inject
    private Caller caller;

    private static final int INSERT_CHUNK = 500;

    private final Clock clock = Clock.systemUTC();

    public ReferenceData() {
    }

    /** For tests outside the container: the same rules on a plain entity manager. */
    public ReferenceData(EntityManager em, Caller caller) {
        this.em = em;
        this.caller = caller;
        this.rates = new ExchangeRates(em);
        this.audit = new AuditLog(new org.trustfund.audit.AuditRepository(em), caller);
    }

    @PermitAll
    public List<Fund> funds() {
        return em.createNamedQuery("Fund.findAll", Fund.class).getResultList();
    }

    @PermitAll
    public Optional<Fund> fund(long id) {
        return Optional.ofNullable(em.find(Fund.class, id));
    }

    @PermitAll
    public List<Country> countries() {
        return em.createNamedQuery("Country.findAll", Country.class).getResultList();
    }

    @PermitAll
    public List<AcceptedCurrency> currencies() {
        return em.createNamedQuery("AcceptedCurrency.findAll", AcceptedCurrency.class).getResultList();
    }

    /** Rates, newest first, optionally of one currency. */
    @PermitAll
    public List<ExchangeRate> rates(String currency, int max) {
        String where = currency == null || currency.isBlank() ? "" : " WHERE r.currency = :currency";
        var q = em.createQuery("SELECT r FROM ExchangeRate r" + where + " ORDER BY r.effectiveDate DESC, r.currency",
                ExchangeRate.class).setMaxResults(max);
        if (!where.isEmpty()) {
            q.setParameter("currency", currency);
        }
        return q.getResultList();
    }

    /** One page of rates, newest first, optionally of one currency: for a list paged in the database. */
    @PermitAll
    public List<ExchangeRate> rates(String currency, int first, int max) {
        boolean one = currency != null && !currency.isBlank();
        var q = em.createQuery("SELECT r FROM ExchangeRate r" + (one ? " WHERE r.currency = :currency" : "")
                + " ORDER BY r.effectiveDate DESC, r.currency, r.id DESC", ExchangeRate.class)
                .setFirstResult(Math.max(first, 0)).setMaxResults(max);
        if (one) {
            q.setParameter("currency", currency);
        }
        return q.getResultList();
    }

    @PermitAll
    public long countRates(String currency) {
        boolean one = currency != null && !currency.isBlank();
        var q = em.createQuery("SELECT COUNT(r) FROM ExchangeRate r" + (one ? " WHERE r.currency = :currency" : ""),
                Long.class);
        if (one) {
            q.setParameter("currency", currency);
        }
        return q.getSingleResult();
    }

    /**
     * Which of these rates a recorded transaction has used (the same test as {@link #isRateUsed}, for a whole
     * page of rates in two queries).
     */
    @PermitAll
    public Set<Long> usedRateIds(Collection<Long> rateIds) {
        if (rateIds == null || rateIds.isEmpty()) {
            return Set.of();
        }
        Set<Long> used = new HashSet<>(em.createQuery("SELECT DISTINCT c.rate.id FROM Contribution c"
                + " WHERE c.rate.id IN :ids", Long.class).setParameter("ids", rateIds).getResultList());
        used.addAll(em.createQuery("SELECT DISTINCT p.agreementRate.id FROM Pledge p"
                + " WHERE p.agreementRate.id IN :ids", Long.class).setParameter("ids", rateIds).getResultList());
        return used;
    }

    @PermitAll
    public Optional<ExchangeRate> rateInForce(String currency, LocalDate date) {
        return rates.inForce(currency, date);
    }

    @PermitAll
    public boolean isRateUsed(long rateId) {
        ExchangeRate rate = em.find(ExchangeRate.class, rateId);
        return rate != null && rates.isUsed(rate);
    }

    public Fund createFund(String code, String name, LocalDate startDate, BigDecimal pscRate) {
        String c = code == null ? "" : code.trim().toUpperCase();
        FieldErrors errors = new FieldErrors();
        if (!c.matches(Fund.CODE_PATTERN)) {
            errors.add("code", "fund.code.invalid");
        } else if (!em.createNamedQuery("Fund.findByCode", Fund.class).setParameter("code", c).getResultList().isEmpty()) {
            errors.add("code", "fund.code.taken", c);
        }
        BigDecimal psc = pscRate == null ? Fund.DEFAULT_PSC_RATE : pscRate;
        checkFundFields(errors, name, startDate, psc);
        errors.throwIfAny();
        Fund fund = new Fund(c, name, startDate, psc, clock.instant(), caller.name());
        em.persist(fund);
        em.flush();
        audit.record(AuditAction.CREATE, "Fund", fund.getId(), Changes.of().value("code", c).value("name", fund.getName())
                .value("startDate", startDate).value("pscRate", psc.toPlainString()).toString());
        return fund;
    }

    /** A fund's name, start date and support cost rate, each refusal at its field. */
    private static void checkFundFields(FieldErrors errors, String name, LocalDate startDate, BigDecimal pscRate) {
        if (name == null || name.isBlank()) {
            errors.add("name", "fund.name.required");
        } else if (name.trim().length() > Fund.NAME_MAX) {
            errors.add("name", "fund.name.tooLong", Fund.NAME_MAX);
        }
        if (startDate == null) {
            errors.add("startDate", "fund.startDate.required");
        }
        if (pscRate == null || pscRate.signum() < 0 || pscRate.compareTo(BigDecimal.ONE) >= 0) {
            errors.add("pscRate", "fund.psc.range");
        }
    }

    public Fund updateFund(long id, long expectedVersion, String name, LocalDate startDate, BigDecimal pscRate) {
        Fund fund = Optional.ofNullable(em.find(Fund.class, id))
                .orElseThrow(() -> new UnknownRecordException("fund.unknown", id));
        return updateFund(id, expectedVersion, name, startDate, pscRate, fund.isPublicAmounts());
    }

    /** As above, and whether the fund's public recognition page shows each supporter's amount. */
    public Fund updateFund(long id, long expectedVersion, String name, LocalDate startDate, BigDecimal pscRate,
            boolean publicAmounts) {
        Fund fund = Optional.ofNullable(em.find(Fund.class, id))
                .orElseThrow(() -> new UnknownRecordException("fund.unknown", id));
        ConcurrentChangeException.requireVersion(fund.getVersion(), expectedVersion);
        FieldErrors errors = new FieldErrors();
        checkFundFields(errors, name, startDate, pscRate);
        errors.throwIfAny();
        Changes changes = Changes.of().field("name", fund.getName(), name.trim())
                .field("startDate", fund.getStartDate(), startDate)
                .field("pscRate", fund.getPscRate().stripTrailingZeros().toPlainString(), pscRate.stripTrailingZeros().toPlainString())
                .field("publicAmounts", fund.isPublicAmounts(), publicAmounts);
        fund.change(name, startDate, pscRate);
        fund.showAmountsInPublic(publicAmounts);
        if (!changes.isEmpty()) {
            audit.record(AuditAction.UPDATE, "Fund", id, changes.toString());
        }
        return fund;
    }

    /**
     * Adds a country or changes its name, region or sub-region. A new country needs a status, its first period
     * (from {@link Country#HISTORY_START}); an existing one changes status only by a dated period
     * ({@link #addCountryStatus}), so a status given for it must be the one in force today. A sub-region left
     * out ({@code null}) stays as it is.
     */
    public Country saveCountry(String code, String name, DevelopmentStatus status, String region, String subRegion) {
        String c = code == null ? "" : code.trim().toUpperCase();
        if (name == null || name.isBlank()) {
            throw new BusinessException("name", "country.name.required");
        }
        if (region == null || region.isBlank()) {
            throw new BusinessException("region", "country.region.required");
        }
        Country existing = em.find(Country.class, c);
        if (existing == null) {
            if (status == null) {
                throw new BusinessException("status", "country.status.required");
            }
            Country country;
            try {
                country = new Country(c, name, region, subRegion);
            } catch (IllegalArgumentException e) {
                throw new BusinessException("code", "country.code.invalid", c);
            }
            country.recordStatus(Country.HISTORY_START, status, "Recorded with the country", clock.instant(),
                    caller.name());
            em.persist(country);
            audit.record(AuditAction.CREATE, "Country", c, Changes.of().value("name", name.trim())
                    .value("status", status).value("region", region.trim()).value("subRegion", country.getSubRegion())
                    .toString());
            return country;
        }
        if (status != null && existing.statusOn(today()).orElse(null) != status) {
            throw new BusinessException("status", "country.status.byPeriod");
        }
        String sub = subRegion == null ? existing.getSubRegion() : subRegion;
        Changes changes = Changes.of().field("name", existing.getName(), name.trim())
                .field("region", existing.getRegion(), region.trim())
                .field("subRegion", existing.getSubRegion(), sub == null || sub.isBlank() ? null : sub.trim());
        existing.change(name, region, sub);
        if (!changes.isEmpty()) {
            audit.record(AuditAction.UPDATE, "Country", c, changes.toString());
        }
        return existing;
    }

    /** A country with its status history. */
    @PermitAll
    public Optional<Country> country(String code) {
        String c = code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
        return em.createNamedQuery("Country.findWithStatuses", Country.class).setParameter("code", c)
                .getResultStream().findFirst();
    }

    /**
     * The development status of a country in force on a date (of a contribution, a trip, a report): empty
     * before the country's first period.
     *
     * @throws BusinessException {@code country.unknown} if there is no such country
     */
    @PermitAll
    public Optional<DevelopmentStatus> developmentStatusOn(String countryCode, LocalDate date) {
        Country country = country(countryCode).orElseThrow(() -> new UnknownRecordException("country.unknown", (Object) countryCode));
        return country.statusOn(date);
    }

    /**
     * Adds a period of a country's development status from a date (a graduation, an inclusion, a correction of
     * the history from then on), after checking that the country is as the administrator saw it.
     */
    public CountryStatus addCountryStatus(String countryCode, long expectedVersion, LocalDate effectiveFrom,
            DevelopmentStatus status, String reason) {
        Country country = country(countryCode).orElseThrow(() -> new UnknownRecordException("country.unknown", (Object) countryCode));
        ConcurrentChangeException.requireVersion(country.getVersion(), expectedVersion);
        CountryStatus period = country.recordStatus(effectiveFrom, status, reason, clock.instant(), caller.name());
        em.persist(period);
        // The country's version counts its periods too: two administrators adding at once, one is refused.
        em.lock(country, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (isOptimisticLock(e)) {
                throw e;
            }
            // Only a period from the same date added by someone else at this very moment gets here.
            throw new BusinessException("effectiveFrom", "country.status.date.taken", effectiveFrom.toString());
        }
        audit.record(AuditAction.CREATE, "Country", country.getCode(), Changes.of()
                .value("statusFrom", effectiveFrom).value("status", status).value("reason", period.getReason())
                .toString());
        return period;
    }

    private static boolean isOptimisticLock(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof OptimisticLockException || "OptimisticLockException".equals(t.getClass().getSimpleName())) {
                return true;
            }
        }
        return false;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    public AcceptedCurrency addCurrency(String code, String name) {
        String c = code == null ? "" : code.trim().toUpperCase();
        AcceptedCurrency currency;
        try {
            currency = new AcceptedCurrency(c, name);
        } catch (IllegalArgumentException e) {
            throw new BusinessException("code", "currency.unknown", c);
        }
        if (em.find(AcceptedCurrency.class, c) != null) {
            throw new BusinessException("code", "currency.exists", c);
        }
        em.persist(currency);
        audit.record(AuditAction.CREATE, "Currency", c, Changes.of().value("name", currency.getName()).toString());
        return currency;
    }

    /** Adds one operational rate (a new month, or a mid-month revision that supersedes the earlier rate). */
    public ExchangeRate addRate(RateRow row) {
        ExchangeRate rate = newRate(row, "");
        em.persist(rate);
        em.flush();
        audit.record(AuditAction.CREATE, "ExchangeRate", rate.getId(), rate.toString());
        return rate;
    }

    /**
     * Adds many rates at once, all or nothing: any bad row refuses the whole set, naming the row. Rows that
     * repeat an existing rate exactly are skipped, so importing the same file twice adds nothing.
     *
     * @return how many rates were added
     */
    public int importRates(List<RateRow> rows) {
        Set<String> seen = new HashSet<>();
        List<ExchangeRate> added = new java.util.ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            RateRow row = rows.get(i);
            String rowLabel = String.valueOf(i + 2);
            if (row.currency() != null && row.effectiveDate() != null
                    && !seen.add(row.currency().trim().toUpperCase() + "@" + row.effectiveDate())) {
                throw new BusinessException("rates", "rate.import.duplicateRow", rowLabel);
            }
            Optional<ExchangeRate> same = row.currency() == null || row.effectiveDate() == null ? Optional.empty()
                    : em.createNamedQuery("ExchangeRate.findByCurrencyAndDate", ExchangeRate.class)
                    .setParameter("currency", row.currency().trim().toUpperCase())
                    .setParameter("date", row.effectiveDate())
                    .getResultStream().findFirst();
            if (same.isPresent() && row.unitsPerUsd() != null
                    && same.get().getUnitsPerUsd().compareTo(row.unitsPerUsd()) == 0) {
                continue;
            }
            added.add(newRate(row, rowLabel));
        }
        for (ExchangeRate rate : added) {
            em.persist(rate);
        }
        em.flush();
        if (!added.isEmpty()) {
            audit.record(AuditAction.CREATE, "ExchangeRate", null, added.size() + " rates imported: "
                    + added.stream().map(ExchangeRate::toString).limit(50).toList());
        }
        return added.size();
    }

    /**
     * Imports a file of rates (xlsx or CSV, see {@link RateFileReader}), all or nothing. The whole file is
     * checked first, and every problem is reported with its row and column; if there is any, nothing is saved.
     * Rows that repeat a recorded rate with the same value are skipped, so importing a file again adds
     * nothing; a row that gives another value for a recorded currency and date is a problem, because a rate
     * is corrected one at a time (and only while unused), never by an import.
     *
     * @throws BusinessException on the field {@code file} if the file is not a rate file at all
     */
    public RateImport importRateFile(String fileName, byte[] content) {
        RateFile file = new RateFileReader().read(fileName, content);
        List<RateFileProblem> problems = new ArrayList<>(file.problems());
        Set<String> accepted = currencies().stream().map(AcceptedCurrency::getCode).collect(Collectors.toSet());
        Map<String, BigDecimal> recorded = recordedRates(file.lines());
        List<RateRow> toAdd = new ArrayList<>();
        int alreadyThere = 0;
        for (RateFile.Line line : file.lines()) {
            RateRow row = line.rate();
            if (AcceptedCurrency.USD.equals(row.currency())) {
                problems.add(RateFileProblem.of(line.row(), RateFileReader.CURRENCY, "rate.file.currency.usd"));
                continue;
            }
            if (!accepted.contains(row.currency())) {
                problems.add(RateFileProblem.of(line.row(), RateFileReader.CURRENCY, "rate.file.currency.notAccepted",
                        row.currency()));
                continue;
            }
            BigDecimal existing = recorded.get(row.currency() + "@" + row.effectiveDate());
            if (existing == null) {
                toAdd.add(row);
            } else if (existing.compareTo(row.unitsPerUsd()) == 0) {
                alreadyThere++;
            } else {
                problems.add(RateFileProblem.of(line.row(), RateFileReader.UNITS_PER_USD, "rate.file.exists",
                        row.currency(), row.effectiveDate().toString(), existing.stripTrailingZeros().toPlainString()));
            }
        }
        if (!problems.isEmpty()) {
            return new RateImport(file.dataRows(), 0, 0, problems);
        }
        Instant now = clock.instant();
        // Built as entities for the model's own checks; written set-based, as a file may hold years of rates.
        List<ExchangeRate> added = toAdd.stream()
                .map(r -> new ExchangeRate(r.currency(), r.effectiveDate(), r.unitsPerUsd(), now, caller.name()))
                .toList();
        try {
            insertAll(added);
        } catch (PersistenceException e) {
            // Only another import or entry of the same rates at this very moment gets here (unique key).
            throw new BusinessException("file", "rate.file.concurrent");
        }
        if (!added.isEmpty()) {
            String name = fileName == null ? "" : fileName.strip();
            audit.record(AuditAction.CREATE, "ExchangeRate", null, added.size() + " rates imported from "
                    + (name.length() > 100 ? name.substring(0, 100) + "…" : name) + ": "
                    + added.stream().map(ExchangeRate::toString).limit(50).toList());
        }
        return new RateImport(file.dataRows(), added.size(), alreadyThere, List.of());
    }

    /**
     * Inserts new rates with multi-row statements: one round trip per {@value #INSERT_CHUNK} rates instead of
     * two per rate (persisting entities with an identity key defeats JDBC batching).
     */
    private void insertAll(List<ExchangeRate> newRates) {
        for (int from = 0; from < newRates.size(); from += INSERT_CHUNK) {
            List<ExchangeRate> chunk = newRates.subList(from, Math.min(from + INSERT_CHUNK, newRates.size()));
            StringBuilder sql = new StringBuilder("INSERT INTO exchange_rate"
                    + " (currency, effective_date, units_per_usd, created_at, created_by, version) VALUES ");
            for (int i = 0; i < chunk.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, 0)");
            }
            var insert = em.createNativeQuery(sql.toString());
            int p = 1;
            for (ExchangeRate rate : chunk) {
                insert.setParameter(p++, rate.getCurrency());
                insert.setParameter(p++, java.sql.Date.valueOf(rate.getEffectiveDate()));
                insert.setParameter(p++, rate.getUnitsPerUsd());
                insert.setParameter(p++, new InstantConverter().convertToDatabaseColumn(rate.getCreatedAt()));
                insert.setParameter(p++, rate.getCreatedBy());
            }
            insert.executeUpdate();
        }
    }

    /** The recorded rates for the currencies and dates of these lines, by "currency@date". */
    private Map<String, BigDecimal> recordedRates(List<RateFile.Line> lines) {
        Map<String, BigDecimal> recorded = new HashMap<>();
        if (lines.isEmpty()) {
            return recorded;
        }
        LocalDate from = lines.stream().map(l -> l.rate().effectiveDate()).min(LocalDate::compareTo).orElseThrow();
        LocalDate to = lines.stream().map(l -> l.rate().effectiveDate()).max(LocalDate::compareTo).orElseThrow();
        Set<String> currencies = lines.stream().map(l -> l.rate().currency()).collect(Collectors.toSet());
        em.createQuery("SELECT r.currency, r.effectiveDate, r.unitsPerUsd FROM ExchangeRate r"
                        + " WHERE r.effectiveDate BETWEEN :from AND :to AND r.currency IN :currencies", Object[].class)
                .setParameter("from", from).setParameter("to", to).setParameter("currencies", currencies)
                .getResultList()
                .forEach(r -> recorded.put(r[0] + "@" + r[1], (BigDecimal) r[2]));
        return recorded;
    }

    private ExchangeRate newRate(RateRow row, String rowLabel) {
        String field = rowLabel.isEmpty() ? "currency" : "rates";
        String c = row.currency() == null ? "" : row.currency().trim().toUpperCase();
        if (em.find(AcceptedCurrency.class, c) == null || AcceptedCurrency.USD.equals(c)) {
            throw new BusinessException(field, rowLabel.isEmpty() ? "rate.currency.unknown" : "rate.import.currency",
                    rowLabel.isEmpty() ? c : rowLabel, c);
        }
        if (row.effectiveDate() == null) {
            throw new BusinessException(rowLabel.isEmpty() ? "effectiveDate" : "rates",
                    rowLabel.isEmpty() ? "rate.date.required" : "rate.import.date", rowLabel);
        }
        if (row.unitsPerUsd() == null || row.unitsPerUsd().signum() <= 0 || row.unitsPerUsd().stripTrailingZeros().scale() > 6) {
            throw new BusinessException(rowLabel.isEmpty() ? "unitsPerUsd" : "rates",
                    rowLabel.isEmpty() ? "rate.value.invalid" : "rate.import.value", rowLabel);
        }
        boolean exists = !em.createNamedQuery("ExchangeRate.findByCurrencyAndDate", ExchangeRate.class)
                .setParameter("currency", c).setParameter("date", row.effectiveDate()).getResultList().isEmpty();
        if (exists) {
            throw new BusinessException(rowLabel.isEmpty() ? "effectiveDate" : "rates",
                    rowLabel.isEmpty() ? "rate.exists" : "rate.import.exists", rowLabel.isEmpty() ? c : rowLabel,
                    rowLabel.isEmpty() ? row.effectiveDate().toString() : c, row.effectiveDate().toString());
        }
        return new ExchangeRate(c, row.effectiveDate(), row.unitsPerUsd(), clock.instant(), caller.name());
    }

    /** Corrects a mistyped rate, only while no recorded transaction has used it. */
    public ExchangeRate correctRate(long id, long expectedVersion, BigDecimal unitsPerUsd) {
        ExchangeRate rate = Optional.ofNullable(em.find(ExchangeRate.class, id))
                .orElseThrow(() -> new UnknownRecordException("rate.unknown", id));
        ConcurrentChangeException.requireVersion(rate.getVersion(), expectedVersion);
        if (rates.isUsed(rate)) {
            throw new BusinessException("unitsPerUsd", "rate.used", rate.getCurrency(), rate.getEffectiveDate().toString());
        }
        if (unitsPerUsd == null || unitsPerUsd.signum() <= 0 || unitsPerUsd.stripTrailingZeros().scale() > 6) {
            throw new BusinessException("unitsPerUsd", "rate.value.invalid", "");
        }
        String before = rate.getUnitsPerUsd().toPlainString();
        rate.correct(unitsPerUsd);
        audit.record(AuditAction.UPDATE, "ExchangeRate", id, Changes.of()
                .field("unitsPerUsd", before, rate.getUnitsPerUsd().toPlainString()).toString());
        return rate;
    }

}
