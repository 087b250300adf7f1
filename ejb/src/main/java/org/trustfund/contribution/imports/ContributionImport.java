package org.trustfund.contribution.imports;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Logger;
import org.trustfund.audit.AuditAction;
import org.trustfund.audit.AuditLog;
import org.trustfund.audit.AuditRepository;
import org.trustfund.closing.ClosedYears;
import org.trustfund.contribution.Contribution;
import org.trustfund.contribution.ContributionApplication;
import org.trustfund.contribution.ContributionService;
import org.trustfund.donor.Donor;
import org.trustfund.money.CurrencyUnits;
import org.trustfund.money.Money;
import org.trustfund.platform.BusinessException;
import org.trustfund.platform.Changes;
import org.trustfund.platform.UnknownRecordException;
import org.trustfund.pledge.Instalment;
import org.trustfund.pledge.Pledge;
import org.trustfund.pledge.PledgeRepository;
import org.trustfund.reference.AcceptedCurrency;
import org.trustfund.reference.ExchangeRate;
import org.trustfund.reference.Fund;
import org.trustfund.security.Caller;
import org.trustfund.security.Roles;

/**
 * Imports contributions from an xlsx file, all or nothing.
 *
 * <p>The file is read as a stream ({@link XlsxSheetReader}); every row is checked with the rules of a
 * contribution entered by hand (known donor by id or exact name, known fund, accepted currency, a positive
 * amount with the currency's minor units, a received date not in the future, an operational rate in force
 * on that date and of its month, or a reason in {@code stale_rate_reason} to use an older one, a bank reference) against reference data loaded once into maps. Any problem rejects the
 * whole file with the list of problems by row and column, and nothing is saved. Otherwise every new row is
 * recorded, awaiting certification by a second person as usual, in the caller's one transaction: the rows
 * are built as {@link Contribution}s (so amounts and US dollar values come out exactly as for one entered on
 * the page) and written with multi-row JDBC inserts on the persistence context's own connection.
 *
 * <p>Idempotent: a row whose bank reference, donor, received date and amount (with currency) match a
 * contribution already recorded and not reversed is skipped and counted; the same file (by SHA-256) is
 * recognized as a whole and adds nothing. Imports run one at a time (a row lock in {@code import_lock}),
 * so two officers importing overlapping files at once cannot both record a row. One audit entry per file.
 */
@Stateless
@RolesAllowed(Roles.FINANCE_OFFICER)
public class ContributionImport {

    static final String AUDIT_ENTITY = "ImportBatch";
    private static final Logger LOG = Logger.getLogger(ContributionImport.class.getName());
    private static final int IN_CHUNK = 1000;
    /** 14 parameters a row: 14,000 a statement, well under the protocol's 65,535. */
    private static final int ROWS_PER_INSERT = 1000;
    /** Contributions certified by one {@link #certifyBatch} call, one transaction. */
    static final int CERTIFY_AT_ONCE = 1000;
    private static final BigDecimal LARGEST_AMOUNT = new BigDecimal("1000000000000000");

    @PersistenceContext
    private EntityManager em;

    @Inject
    private PledgeRepository pledges;

    @Inject
    private AuditLog audit;

    @Inject
    private ContributionService contributions;

    @Inject
    private Caller caller;

    @Inject
    private ClosedYears closedYears;

    private final Clock clock;

    public ContributionImport() {
        this.clock = Clock.systemUTC();
    }

    /** For tests outside the container: the same rules on a plain entity manager. */
    public ContributionImport(EntityManager em, Caller caller) {
        this.em = em;
        this.caller = caller;
        this.pledges = new PledgeRepository(em);
        this.audit = new AuditLog(new AuditRepository(em), caller);
        this.contributions = new ContributionService(em, caller);
        this.closedYears = new ClosedYears(em);
        this.clock = Clock.systemUTC();
    }

    /**
     * Checks every row of the file, then records all its new rows or, if any row has a problem, none.
     *
     * @return what happened: rejected with the problems, imported with counts, or recognized as imported before
     * @throws BusinessException on the field {@code file} if the file is not a readable xlsx, is too large, or
     *         looks hostile
     */
    public ImportResult importFile(String fileName, byte[] content) {
        String name = cleanFileName(fileName);
        if (content == null || content.length == 0) {
            throw new BusinessException("file", "import.file.empty");
        }
        if (content.length > XlsxSheetReader.MAX_FILE_BYTES) {
            throw new BusinessException("file", "import.file.tooLarge", XlsxSheetReader.MAX_FILE_BYTES / (1024 * 1024));
        }
        long started = System.nanoTime();
        String sha256 = sha256(content);
        Connection db = connection();
        waitForOtherImports(db);
        Optional<ImportedFile> before = em.createNamedQuery("ImportedFile.findBySha256", ImportedFile.class)
                .setParameter("kind", ImportedFile.CONTRIBUTIONS).setParameter("sha256", sha256)
                .getResultStream().findFirst();
        if (before.isPresent()) {
            return ImportResult.fileAlreadyImported(name, before.get());
        }

        ContributionSheet sheet = ContributionSheet.read(content);
        long read = System.nanoTime();
        if (!sheet.errors().isEmpty() && sheet.rows().isEmpty()) {
            return ImportResult.rejected(name, sheet.dataRows(), sheet.errors());
        }
        if (sheet.dataRows() == 0) {
            throw new BusinessException("file", "import.file.noRows");
        }
        Check check = new Check(sheet);
        List<Candidate> candidates = validate(sheet, check);
        if (check.hasErrors()) {
            return ImportResult.rejected(name, sheet.dataRows(), check.errors);
        }
        long validated = System.nanoTime();
        Set<Key> existing = existingKeys(db, candidates);
        List<Candidate> toRecord = candidates.stream().filter(c -> !existing.contains(c.key())).toList();
        long checked = System.nanoTime();
        allocateToPledges(toRecord, check);
        if (check.hasErrors()) {
            return ImportResult.rejected(name, sheet.dataRows(), check.errors);
        }

        Instant now = clock.instant();
        ImportedFile batch = new ImportedFile(ImportedFile.CONTRIBUTIONS, name, sha256, sheet.dataRows(),
                toRecord.size(), now, caller.name());
        persist(batch);
        List<Contribution> recorded = new ArrayList<>(toRecord.size());
        for (Candidate c : toRecord) {
            recorded.add(c.toContribution(batch.getId(), now, caller.name()));
        }
        insert(db, recorded);
        insertApplications(db, batch.getId(), recorded);
        audit.record(AuditAction.CREATE, AUDIT_ENTITY, batch.getId(), describe(batch, recorded).toString());
        long written = System.nanoTime();
        LOG.info(() -> String.format("Contribution import %d of %s by %s: %d recorded, %d already imported"
                        + " (read %.1f s, validated %.1f s, looked up %.1f s, recorded %.1f s)", batch.getId(), name,
                caller.name(), recorded.size(), batch.getSkippedCount(), (read - started) / 1e9,
                (validated - read) / 1e9, (checked - validated) / 1e9, (written - checked) / 1e9));
        return ImportResult.imported(name, sheet.dataRows(), recorded.size(), batch.getId());
    }

    /** An xlsx template with the expected columns, a fictional example row and instructions, in that language. */
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN})
    public byte[] template(Locale locale) {
        return ContributionTemplate.write(locale);
    }

    /** The latest contribution imports, newest first, with how many of their rows still await certification. */
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN})
    public List<ImportSummary> recentImports(int max) {
        List<ImportedFile> files = em.createNamedQuery("ImportedFile.latest", ImportedFile.class)
                .setParameter("kind", ImportedFile.CONTRIBUTIONS)
                .setMaxResults(Math.max(1, Math.min(max, 100)))
                .getResultList();
        if (files.isEmpty()) {
            return List.of();
        }
        Map<Long, Long> waiting = new HashMap<>();
        em.createQuery("SELECT c.importBatchId, COUNT(c) FROM Contribution c WHERE c.importBatchId IN :ids"
                        + " AND c.status = org.trustfund.contribution.ContributionStatus.RECORDED GROUP BY c.importBatchId",
                        Object[].class)
                .setParameter("ids", files.stream().map(ImportedFile::getId).toList())
                .getResultList()
                .forEach(r -> waiting.put(((Number) r[0]).longValue(), ((Number) r[1]).longValue()));
        return files.stream().map(f -> new ImportSummary(f, waiting.getOrDefault(f.getId(), 0L))).toList();
    }

    /**
     * A certifying officer certifies the contributions of an imported file that still await it, oldest first,
     * at most {@value #CERTIFY_AT_ONCE} at a time (each posts its journal; a very large file takes several
     * calls, each one transaction). The same rules as one by one: never one's own import.
     *
     * @return how many were certified now, and how many still wait
     */
    @RolesAllowed(Roles.CERTIFYING_OFFICER)
    public CertifiedBatch certifyBatch(long batchId) {
        ImportedFile batch = em.find(ImportedFile.class, batchId);
        if (batch == null || !ImportedFile.CONTRIBUTIONS.equals(batch.getKind())) {
            throw new UnknownRecordException("import.batch.unknown", batchId);
        }
        if (batch.getImportedBy().equals(caller.name())) {
            throw new BusinessException("import.batch.ownImport");
        }
        List<Object[]> waiting = em.createQuery("SELECT c.id, c.version FROM Contribution c WHERE c.importBatchId = :batch"
                        + " AND c.status = org.trustfund.contribution.ContributionStatus.RECORDED ORDER BY c.id", Object[].class)
                .setParameter("batch", batchId)
                .getResultList();
        int now = Math.min(waiting.size(), CERTIFY_AT_ONCE);
        for (Object[] c : waiting.subList(0, now)) {
            contributions.certify(((Number) c[0]).longValue(), ((Number) c[1]).longValue());
        }
        audit.record(AuditAction.UPDATE, AUDIT_ENTITY, batchId, Changes.of().value("file", batch.getFileName())
                .value("certified", now).value("stillWaiting", waiting.size() - now).toString());
        return new CertifiedBatch(now, waiting.size() - now);
    }

    /** What {@link #certifyBatch} did. */
    public record CertifiedBatch(int certified, int stillWaiting) implements java.io.Serializable {
    }

    // ---------------------------------------------------------------- validation

    /** Checks each row against reference data loaded once; returns the valid rows, notes the others' problems. */
    private List<Candidate> validate(ContributionSheet sheet, Check check) {
        Map<Long, Donor> donorsById = new HashMap<>();
        Map<String, List<Donor>> donorsByName = new HashMap<>();
        for (Donor d : em.createQuery("SELECT d FROM Donor d JOIN FETCH d.country", Donor.class).getResultList()) {
            donorsById.put(d.getId(), d);
            if (!d.isMerged()) {
                donorsByName.computeIfAbsent(d.getName(), k -> new ArrayList<>(1)).add(d);
            }
        }
        Map<String, Fund> funds = new HashMap<>();
        em.createNamedQuery("Fund.findAll", Fund.class).getResultList().forEach(f -> funds.put(f.getCode(), f));
        Set<String> currencies = new java.util.HashSet<>();
        em.createNamedQuery("AcceptedCurrency.findAll", AcceptedCurrency.class).getResultList()
                .forEach(c -> currencies.add(c.getCode()));
        Map<String, NavigableMap<LocalDate, ExchangeRate>> rates = new HashMap<>();
        for (ExchangeRate r : em.createQuery("SELECT r FROM ExchangeRate r", ExchangeRate.class).getResultList()) {
            rates.computeIfAbsent(r.getCurrency(), k -> new TreeMap<>()).put(r.getEffectiveDate(), r);
        }
        Map<Long, Pledge> pledgesById = loadPledges(sheet.rows());
        LocalDate today = LocalDate.now(clock);
        ClosedYears.Lookup closed = closedYears.lookup();

        List<Candidate> valid = new ArrayList<>();
        Map<Key, Integer> rowOfKey = new HashMap<>();
        for (ImportRow row : sheet.rows()) {
            int n = row.rowNumber();
            int problemsBefore = check.errors.size();

            Donor donor = null;
            if (row.donorId() != null) {
                donor = donorsById.get(row.donorId());
                if (donor == null) {
                    check.error(n, ImportColumn.DONOR_ID, "import.row.donor.unknownId", row.donorId());
                } else if (donor.isMerged()) {
                    check.error(n, ImportColumn.DONOR_ID, "import.row.donor.merged", row.donorId(), donor.getName(),
                            String.valueOf(donor.getMergedInto().getId()), donor.getMergedInto().getName());
                    donor = null;
                } else if (row.donorName() != null && !donor.getName().equals(row.donorName())) {
                    check.error(n, ImportColumn.DONOR_NAME, "import.row.donor.mismatch", row.donorId(), donor.getName());
                }
            } else if (row.donorName() != null) {
                List<Donor> named = donorsByName.getOrDefault(row.donorName(), List.of());
                if (named.isEmpty()) {
                    check.error(n, ImportColumn.DONOR_NAME, "import.row.donor.unknownName", row.donorName());
                } else if (named.size() > 1) {
                    check.error(n, ImportColumn.DONOR_NAME, "import.row.donor.ambiguous", row.donorName(), named.size());
                } else {
                    donor = named.get(0);
                }
            }

            Fund fund = null;
            if (row.fundCode() != null) {
                fund = funds.get(row.fundCode());
                if (fund == null) {
                    check.error(n, ImportColumn.FUND_CODE, "import.row.fund.unknown", row.fundCode());
                }
            }

            String currency = null;
            if (row.currency() != null) {
                if (currencies.contains(row.currency())) {
                    currency = row.currency();
                } else {
                    check.error(n, ImportColumn.CURRENCY, "import.row.currency.notAccepted", row.currency());
                }
            }

            Money amount = null;
            if (row.amount() != null) {
                if (row.amount().signum() <= 0) {
                    check.error(n, ImportColumn.AMOUNT, "import.row.amount.notPositive", row.amount().toPlainString());
                } else if (row.amount().compareTo(LARGEST_AMOUNT) >= 0) {
                    check.error(n, ImportColumn.AMOUNT, "import.row.amount.tooLarge", row.amount().toPlainString());
                } else if (currency != null) {
                    try {
                        amount = Money.of(row.amount(), currency);
                    } catch (IllegalArgumentException e) {
                        check.error(n, ImportColumn.AMOUNT, "import.row.amount.decimals", row.amount().toPlainString(),
                                currency, CurrencyUnits.of(currency));
                    }
                }
            }

            LocalDate received = row.receivedDate();
            if (received != null && received.isAfter(today)) {
                check.error(n, ImportColumn.RECEIVED_DATE, "import.row.date.future", received);
                received = null;
            }
            if (fund != null && closed.isClosed(fund.getId(), received)) {
                check.error(n, ImportColumn.RECEIVED_DATE, "import.row.period.closed", String.valueOf(received.getYear()), fund.getCode());
            }

            ExchangeRate rate = null;
            if (currency != null && received != null && !AcceptedCurrency.USD.equals(currency)) {
                NavigableMap<LocalDate, ExchangeRate> ofCurrency = rates.get(currency);
                Map.Entry<LocalDate, ExchangeRate> inForce = ofCurrency == null ? null : ofCurrency.floorEntry(received);
                if (inForce == null) {
                    check.error(n, ImportColumn.CURRENCY, "import.row.rate.missing", currency, received);
                } else if (inForce.getValue().isStaleOn(received) && row.staleRateReason() == null) {
                    check.error(n, ImportColumn.RECEIVED_DATE, "import.row.rate.stale", currency,
                            java.time.YearMonth.from(received).toString(), inForce.getKey().toString());
                } else {
                    rate = inForce.getValue();
                }
            }

            Pledge pledge = null;
            if (row.pledgeId() != null) {
                pledge = pledgesById.get(row.pledgeId());
                if (pledge == null) {
                    check.error(n, ImportColumn.PLEDGE_ID, "import.row.pledge.unknown", row.pledgeId());
                } else if (donor != null && !pledge.getDonor().getId().equals(donor.getId())) {
                    check.error(n, ImportColumn.PLEDGE_ID, "import.row.pledge.otherDonor", row.pledgeId());
                } else if (fund != null && !pledge.getFund().getId().equals(fund.getId())) {
                    check.error(n, ImportColumn.PLEDGE_ID, "import.row.pledge.otherFund", row.pledgeId(),
                            pledge.getFund().getCode());
                } else if (currency != null && !pledge.getAmount().currencyCode().equals(currency)) {
                    check.error(n, ImportColumn.PLEDGE_ID, "import.row.pledge.currency", row.pledgeId(),
                            pledge.getAmount().currencyCode());
                } else if (!pledge.getStatus().isOpen()) {
                    check.error(n, ImportColumn.PLEDGE_ID, "import.row.pledge.closed", row.pledgeId());
                }
            }

            if (check.errors.size() > problemsBefore || sheet.hasErrors(n)) {
                continue;
            }
            Key key = new Key(row.bankReference(), donor.getId(), received, amount);
            Integer first = rowOfKey.putIfAbsent(key, n);
            if (first != null) {
                check.error(n, ImportColumn.BANK_REFERENCE, "import.row.duplicateInFile", first);
                continue;
            }
            valid.add(new Candidate(n, donor, fund, received, amount, row.bankReference(), rate, pledge, key,
                    row.staleRateReason()));
        }
        return valid;
    }

    private Map<Long, Pledge> loadPledges(List<ImportRow> rows) {
        List<Long> ids = rows.stream().map(ImportRow::pledgeId).filter(java.util.Objects::nonNull).distinct().toList();
        Map<Long, Pledge> out = new HashMap<>();
        for (int i = 0; i < ids.size(); i += IN_CHUNK) {
            em.createQuery("SELECT p FROM Pledge p WHERE p.id IN :ids", Pledge.class)
                    .setParameter("ids", ids.subList(i, Math.min(ids.size(), i + IN_CHUNK)))
                    .getResultList().forEach(p -> out.put(p.getId(), p));
        }
        return out;
    }

    /**
     * Applies each new row to open instalments, oldest due first, as the page suggests: a row that names a pledge
     * to that pledge's; a row that names none to those of all the donor's open pledges to the fund in the row's
     * currency (the same default as the REST API; what is left over is held or is revenue at certification).
     * Open means not yet paid by certified contributions nor by an earlier row of this file.
     */
    private void allocateToPledges(List<Candidate> rows, Check check) {
        Map<Long, Map<Long, Money>> openByPledge = new HashMap<>();
        Map<List<Object>, List<Pledge>> openPledgesOfDonor = openPledgesOfDonors(rows);
        for (Candidate row : rows) {
            List<Pledge> pledges = row.pledge != null ? List.of(row.pledge)
                    : openPledgesOfDonor.getOrDefault(List.of(row.donor.getId(), row.fund.getId(), row.amount.currencyCode()),
                            List.of());
            if (pledges.isEmpty()) {
                continue;
            }
            List<Instalment> oldestFirst = new ArrayList<>();
            for (Pledge pledge : pledges) {
                openByPledge.computeIfAbsent(pledge.getId(), id -> {
                    Map<Long, Money> paid = this.pledges.paidByInstalment(pledge, null);
                    Map<Long, Money> left = new HashMap<>();
                    for (Instalment i : pledge.getInstalments()) {
                        left.put(i.getId(), i.getAmount().minus(paid.getOrDefault(i.getId(), Money.zero(i.getAmount().currency()))));
                    }
                    return left;
                });
                oldestFirst.addAll(pledge.getInstalments());
            }
            oldestFirst.sort(Comparator.comparing(Instalment::getDueDate).thenComparing(Instalment::getId));
            Money left = row.amount;
            Map<Long, Money> openBefore = new HashMap<>();
            for (Instalment i : oldestFirst) {
                Money stillOpen = openByPledge.get(i.getPledge().getId()).get(i.getId());
                openBefore.put(i.getId(), stillOpen);
                if (!left.isPositive() || !stillOpen.isPositive()) {
                    continue;
                }
                Money applied = left.min(stillOpen);
                row.applications.put(i, applied);
                openByPledge.get(i.getPledge().getId()).put(i.getId(), stillOpen.minus(applied));
                left = left.minus(applied);
            }
            row.openBefore = openBefore;
            if (row.pledge != null && row.applications.isEmpty()) {
                check.error(row.rowNumber, ImportColumn.PLEDGE_ID, "import.row.pledge.nothingOpen", row.pledge.getId());
            }
        }
    }

    /**
     * The open pledges of the donors of the rows that name no pledge, with their instalments, by donor, fund and
     * currency: one query per chunk of donors, not one per row.
     */
    private Map<List<Object>, List<Pledge>> openPledgesOfDonors(List<Candidate> rows) {
        List<Long> donors = rows.stream().filter(r -> r.pledge == null).map(r -> r.donor.getId()).distinct().toList();
        Map<List<Object>, List<Pledge>> out = new HashMap<>();
        for (int i = 0; i < donors.size(); i += IN_CHUNK) {
            em.createQuery("SELECT DISTINCT p FROM Pledge p LEFT JOIN FETCH p.instalments WHERE p.donor.id IN :donors"
                            + " AND p.status IN (org.trustfund.pledge.PledgeStatus.PLEDGED,"
                            + " org.trustfund.pledge.PledgeStatus.AGREEMENT_SIGNED, org.trustfund.pledge.PledgeStatus.PARTLY_PAID)",
                            Pledge.class)
                    .setParameter("donors", donors.subList(i, Math.min(donors.size(), i + IN_CHUNK)))
                    .getResultList()
                    .forEach(p -> out.computeIfAbsent(List.of(p.getDonor().getId(), p.getFund().getId(),
                            p.getAmount().currencyCode()), k -> new ArrayList<>()).add(p));
        }
        return out;
    }

    // ---------------------------------------------------------------- database

    /**
     * The connection the persistence context uses in this transaction, so that plain JDBC writes and JPA
     * writes are one unit of work.
     */
    private Connection connection() {
        Connection c = em.unwrap(Connection.class);
        if (c == null) {
            throw new IllegalStateException("A contribution import must run in a transaction");
        }
        return c;
    }

    /**
     * Takes the contribution import lock for the rest of the transaction. It is the transaction's first
     * statement and a locking read, so every later read sees what an import that held the lock before
     * committed.
     */
    private static void waitForOtherImports(Connection db) {
        try (PreparedStatement ps = db.prepareStatement("SELECT kind FROM import_lock WHERE kind = ? FOR UPDATE")) {
            ps.setString(1, ImportedFile.CONTRIBUTIONS);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("import_lock has no row " + ImportedFile.CONTRIBUTIONS);
                }
            }
        } catch (SQLException e) {
            throw new PersistenceException("Cannot take the contribution import lock", e);
        }
    }

    /** Of the rows' keys, those of contributions already recorded and not reversed. */
    private static Set<Key> existingKeys(Connection db, List<Candidate> rows) {
        List<String> references = rows.stream().map(c -> c.key.bankReference()).distinct().toList();
        Set<Key> existing = new java.util.HashSet<>();
        try (Statements statements = new Statements(db)) {
            for (int from = 0; from < references.size(); from += IN_CHUNK) {
                List<String> chunk = references.subList(from, Math.min(references.size(), from + IN_CHUNK));
                PreparedStatement ps = statements.get("SELECT bank_reference, donor_id, received_date, amount, currency"
                        + " FROM contribution WHERE status <> 'REVERSED' AND bank_reference IN ("
                        + "?,".repeat(chunk.size() - 1) + "?)");
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        existing.add(keyOf(rs));
                    }
                }
            }
        } catch (SQLException e) {
            throw new PersistenceException("Cannot look up contributions already recorded", e);
        }
        return existing;
    }

    private static Key keyOf(ResultSet rs) throws SQLException {
        String currency = rs.getString(5);
        Money amount = Money.rounded(rs.getBigDecimal(4), Money.currency(currency), java.math.RoundingMode.UNNECESSARY);
        return new Key(rs.getString(1), rs.getLong(2), rs.getObject(3, LocalDate.class), amount);
    }

    private void persist(ImportedFile batch) {
        try {
            em.persist(batch);
            em.flush();
        } catch (PersistenceException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof SQLIntegrityConstraintViolationException) {
                    // Only if the lock was bypassed: another import of this very file committed meanwhile.
                    throw new BusinessException("file", "import.file.importedMeanwhile");
                }
            }
            throw e;
        }
    }

    /** Multi-row INSERTs: one round trip per thousand rows, whatever the driver's batching settings. */
    private static void insert(Connection db, List<Contribution> rows) {
        String columns = "INSERT INTO contribution (donor_id, fund_id, received_date, amount, currency, bank_reference,"
                + " rate_id, units_per_usd, usd_amount, status, recorded_at, recorded_by, import_batch_id, stale_rate_reason)"
                + " VALUES ";
        String oneRow = "(?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
        try (Statements statements = new Statements(db)) {
            for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
                List<Contribution> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT));
                PreparedStatement ps = statements.get(columns + (oneRow + ",").repeat(chunk.size() - 1) + oneRow);
                int p = 1;
                for (Contribution c : chunk) {
                    ps.setLong(p++, c.getDonor().getId());
                    ps.setLong(p++, c.getFund().getId());
                    ps.setObject(p++, c.getReceivedDate());
                    ps.setBigDecimal(p++, c.getAmount().amount());
                    ps.setString(p++, c.getAmount().currencyCode());
                    ps.setString(p++, c.getBankReference());
                    if (c.getRate() == null) {
                        ps.setNull(p++, java.sql.Types.BIGINT);
                    } else {
                        ps.setLong(p++, c.getRate().getId());
                    }
                    ps.setBigDecimal(p++, c.getUnitsPerUsd());
                    ps.setBigDecimal(p++, c.getUsdAmount());
                    ps.setString(p++, c.getStatus().name());
                    // As the entities' InstantConverter stores it: the JVM and the session run in UTC.
                    ps.setTimestamp(p++, Timestamp.from(c.getRecordedAt()));
                    ps.setString(p++, c.getRecordedBy());
                    ps.setLong(p++, c.getImportBatchId());
                    ps.setString(p++, c.getStaleRateReason());
                }
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new PersistenceException("Cannot record the imported contributions", e);
        }
    }

    /** Writes the rows' applications to instalments, finding each new contribution's id by its unique key. */
    private static void insertApplications(Connection db, long batchId, List<Contribution> rows) {
        List<Contribution> applied = rows.stream().filter(c -> !c.getApplications().isEmpty()).toList();
        if (applied.isEmpty()) {
            return;
        }
        Map<Key, Long> ids = new HashMap<>();
        try (PreparedStatement ps = db.prepareStatement("SELECT bank_reference, donor_id, received_date, amount,"
                + " currency, id FROM contribution WHERE import_batch_id = ?")) {
            ps.setLong(1, batchId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.put(keyOf(rs), rs.getLong(6));
                }
            }
            try (PreparedStatement insert = db.prepareStatement(
                    "INSERT INTO contribution_application (contribution_id, instalment_id, amount) VALUES (?, ?, ?)")) {
                for (Contribution c : applied) {
                    long id = ids.get(new Key(c.getBankReference(), c.getDonor().getId(), c.getReceivedDate(), c.getAmount()));
                    for (ContributionApplication a : c.getApplications()) {
                        insert.setLong(1, id);
                        insert.setLong(2, a.getInstalment().getId());
                        insert.setBigDecimal(3, a.getAmount().amount());
                        insert.addBatch();
                    }
                }
                insert.executeBatch();
            }
        } catch (SQLException e) {
            throw new PersistenceException("Cannot record the imported contributions' applications", e);
        }
    }

    // ---------------------------------------------------------------- helpers

    private static Changes describe(ImportedFile batch, List<Contribution> recorded) {
        Map<String, Money> byCurrency = new TreeMap<>();
        Money usd = Money.zero(AcceptedCurrency.USD);
        for (Contribution c : recorded) {
            byCurrency.merge(c.getAmount().currencyCode(), c.getAmount(), Money::plus);
            usd = usd.plus(c.usdValue());
        }
        return Changes.of().value("file", batch.getFileName()).value("sha256", batch.getFileSha256())
                .value("rows", batch.getRowCount()).value("recorded", batch.getAddedCount())
                .value("alreadyImported", batch.getSkippedCount())
                .value("staleRatesUsed", recorded.stream().filter(c -> c.getStaleRateReason() != null)
                        .map(c -> c.getBankReference() + " (" + c.getRate().getEffectiveDate() + "): " + c.getStaleRateReason())
                        .toList())
                .value("totals", byCurrency.values()).value("usd", usd);
    }

    /** The name without any folder a browser may send, and short enough for the column. */
    static String cleanFileName(String fileName) {
        String name = fileName == null ? "" : fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").strip();
        if (name.isEmpty()) {
            name = "import.xlsx";
        }
        return name.length() > 255 ? name.substring(name.length() - 255) : name;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /**
     * Prepared statements by SQL text, closed together: every full chunk reuses one statement, so the driver
     * parses its long text once rather than once a chunk.
     */
    private static final class Statements implements AutoCloseable {
        private final Connection db;
        private final Map<String, PreparedStatement> open = new HashMap<>();

        Statements(Connection db) {
            this.db = db;
        }

        PreparedStatement get(String sql) throws SQLException {
            PreparedStatement ps = open.get(sql);
            if (ps == null) {
                ps = db.prepareStatement(sql);
                open.put(sql, ps);
            }
            return ps;
        }

        @Override
        public void close() throws SQLException {
            SQLException first = null;
            for (PreparedStatement ps : open.values()) {
                try {
                    ps.close();
                } catch (SQLException e) {
                    first = first == null ? e : first;
                }
            }
            if (first != null) {
                throw first;
            }
        }
    }

    /** What makes a contribution the same one: bank reference, donor, received date, amount and currency. */
    record Key(String bankReference, long donorId, LocalDate receivedDate, Money amount) {
    }

    /** A valid row, ready to record. */
    private static final class Candidate {
        final int rowNumber;
        final Donor donor;
        final Fund fund;
        final LocalDate receivedDate;
        final Money amount;
        final String bankReference;
        final ExchangeRate rate;
        final Pledge pledge;
        final Key key;
        final String staleRateReason;
        final Map<Instalment, Money> applications = new LinkedHashMap<>();
        Map<Long, Money> openBefore = Map.of();

        Candidate(int rowNumber, Donor donor, Fund fund, LocalDate receivedDate, Money amount, String bankReference,
                ExchangeRate rate, Pledge pledge, Key key, String staleRateReason) {
            this.rowNumber = rowNumber;
            this.donor = donor;
            this.fund = fund;
            this.receivedDate = receivedDate;
            this.amount = amount;
            this.bankReference = bankReference;
            this.rate = rate;
            this.pledge = pledge;
            this.key = key;
            this.staleRateReason = staleRateReason;
        }

        Key key() {
            return key;
        }

        /** The same entity and rules as a contribution entered on the page; not persisted through JPA. */
        Contribution toContribution(long batchId, Instant at, String by) {
            Contribution c = new Contribution(donor, fund, receivedDate, amount, bankReference, rate, null, batchId, at, by);
            c.explainRate(staleRateReason);
            if (!applications.isEmpty()) {
                c.applyTo(applications, openBefore);
            }
            return c;
        }
    }

    /** Collects problems at the column where the file has them. */
    private static final class Check {
        final ContributionSheet sheet;
        final List<RowError> errors;

        Check(ContributionSheet sheet) {
            this.sheet = sheet;
            this.errors = new ArrayList<>(sheet.errors());
        }

        void error(int row, ImportColumn column, String key, Object... args) {
            ContributionSheet.Location at = sheet.location(column);
            errors.add(RowError.of(row, at == null ? "" : at.letters(), at == null ? column.key() : at.header(), key, args));
        }

        boolean hasErrors() {
            return !errors.isEmpty();
        }
    }
}
