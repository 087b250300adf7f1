package org.trustfund.travel;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.trustfund.audit.AuditAction;
import org.trustfund.audit.AuditLog;
import org.trustfund.contribution.imports.RowError;
import org.trustfund.platform.BusinessException;
import org.trustfund.platform.Changes;
import org.trustfund.reference.Country;
import org.trustfund.security.Caller;
import org.trustfund.security.Roles;
import org.trustfund.spreadsheet.RowsFile;
import org.trustfund.spreadsheet.XlsxReading;

/**
 * Reads DSA rates from an xlsx or CSV file with the header row country, city, month, rate (country as its ISO code,
 * month as 2026-06 or any date in it, rate in US dollars per day). All or nothing: every row is checked first and any
 * error rejects the file, listed by row and column. A rate already recorded for the same place and month is left as
 * it is when the file says the same (so the same file twice adds nothing), and refused when the file says otherwise
 * (a revision is a rate of a later month).
 */
@Stateless
@RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER})
public class DsaImport {

    static final String FIELD = "file";
    static final int MAX_FILE_BYTES = 2 * 1024 * 1024;
    static final int MAX_ROWS = 10_000;
    static final String[] HEADERS = {"country", "city", "month", "rate"};

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Caller caller;

    @Inject
    private AuditLog audit;

    private final Clock clock = Clock.systemUTC();

    public DsaImport() {
    }

    /** For tests outside the container. */
    public DsaImport(EntityManager em, Caller caller) {
        this.em = em;
        this.caller = caller;
        this.audit = new AuditLog(new org.trustfund.audit.AuditRepository(em), caller);
    }

    /** What an import did: rates added and already there, or the rows in error (then nothing was added). */
    public record Result(int added, int unchanged, List<RowError> errors) implements Serializable {

        public boolean isRejected() {
            return !errors.isEmpty();
        }
    }

    private record Parsed(int row, Country country, String city, LocalDate month, BigDecimal rate) {
    }

    public Result importRates(String fileName, byte[] content) {
        if (content == null || content.length == 0) {
            throw new BusinessException(FIELD, "import.file.empty");
        }
        if (content.length > MAX_FILE_BYTES) {
            throw new BusinessException(FIELD, "import.file.tooLarge", MAX_FILE_BYTES / (1024 * 1024));
        }
        List<String[]> rows = RowsFile.read(content, FIELD, HEADERS.length, MAX_ROWS, "dsaImport.notCsv");
        if (rows.isEmpty()) {
            throw new BusinessException(FIELD, "import.file.noHeader");
        }
        List<RowError> errors = new ArrayList<>();
        String[] header = rows.get(0);
        for (int c = 0; c < HEADERS.length; c++) {
            String found = c < header.length && header[c] != null ? header[c].strip() : "";
            if (!HEADERS[c].equalsIgnoreCase(found)) {
                errors.add(new RowError(1, XlsxReading.letters(c), HEADERS[c], "dsaImport.header",
                        List.of(XlsxReading.letters(c), HEADERS[c], found)));
            }
        }
        if (!errors.isEmpty()) {
            return new Result(0, 0, errors);
        }
        if (rows.size() == 1) {
            throw new BusinessException(FIELD, "dsaImport.noRows");
        }
        List<Parsed> parsed = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 1; i < rows.size(); i++) {
            Parsed p = parse(rows.get(i), i + 1, errors);
            if (p != null) {
                String key = p.country().getCode() + "|" + p.city().toLowerCase(Locale.ROOT) + "|" + p.month();
                Integer first = seen.putIfAbsent(key, p.row());
                if (first != null) {
                    errors.add(error(p.row(), 2, "dsaImport.duplicate", String.valueOf(first)));
                } else {
                    parsed.add(p);
                }
            }
        }
        int unchanged = 0;
        List<Parsed> toAdd = new ArrayList<>();
        for (Parsed p : parsed) {
            DsaRate existing = em.createNamedQuery("DsaRate.exact", DsaRate.class).setParameter("country", p.country().getCode())
                    .setParameter("city", p.city().toLowerCase(Locale.ROOT)).setParameter("month", p.month())
                    .getResultStream().findFirst().orElse(null);
            if (existing == null) {
                toAdd.add(p);
            } else if (existing.getRateUsd().compareTo(p.rate()) == 0) {
                unchanged++;
            } else {
                errors.add(error(p.row(), 3, "dsaImport.differs", existing.getRateUsd().toPlainString()));
            }
        }
        if (!errors.isEmpty()) {
            errors.sort(RowError.IN_SHEET_ORDER);
            return new Result(0, 0, errors);
        }
        for (Parsed p : toAdd) {
            em.persist(new DsaRate(p.country(), p.city(), p.month(), p.rate(), clock.instant(), caller.name()));
        }
        em.flush();
        audit.record(AuditAction.CREATE, "DsaRate", "import", Changes.of().value("file", fileName)
                .value("added", toAdd.size()).value("unchanged", unchanged).toString());
        return new Result(toAdd.size(), unchanged, List.of());
    }

    private Parsed parse(String[] r, int row, List<RowError> errors) {
        int before = errors.size();
        String code = cell(r, 0);
        Country country = code.isEmpty() ? null : em.find(Country.class, code.toUpperCase(Locale.ROOT));
        if (country == null) {
            errors.add(error(row, 0, code.isEmpty() ? "dsaImport.country.required" : "dsaImport.country.unknown", code));
        }
        String city = cell(r, 1);
        if (city.isEmpty()) {
            errors.add(error(row, 1, "dsaImport.city.required"));
        } else if (city.length() > TravelEvent.MAX_CITY) {
            errors.add(error(row, 1, "dsaImport.city.tooLong", String.valueOf(TravelEvent.MAX_CITY)));
        }
        LocalDate month = null;
        String monthText = cell(r, 2);
        try {
            month = monthText.length() == 7 ? YearMonth.parse(monthText).atDay(1)
                    : LocalDate.parse(monthText).withDayOfMonth(1);
        } catch (DateTimeParseException e) {
            errors.add(error(row, 2, "dsaImport.month.invalid", monthText));
        }
        BigDecimal rate = null;
        String rateText = cell(r, 3).replace(" ", "").replace("\u00a0", "");
        try {
            rate = new BigDecimal(rateText);
            if (rate.signum() <= 0) {
                errors.add(error(row, 3, "dsaImport.rate.notPositive", rateText));
            } else if (rate.stripTrailingZeros().scale() > 2) {
                errors.add(error(row, 3, "dsaImport.rate.decimals", rateText));
            }
        } catch (NumberFormatException e) {
            errors.add(error(row, 3, "dsaImport.rate.invalid", rateText));
        }
        return errors.size() == before ? new Parsed(row, country, city, month, rate) : null;
    }

    private static String cell(String[] r, int column) {
        return column < r.length && r[column] != null ? r[column].strip() : "";
    }

    private static RowError error(int row, int column, String key, String... args) {
        return new RowError(row, XlsxReading.letters(column), HEADERS[column], key, List.of(args));
    }
}
