package org.trustfund.intermediary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.trustfund.audit.AuditAction;
import org.trustfund.audit.AuditLog;
import org.trustfund.platform.Changes;
import org.trustfund.contribution.imports.ImportedFile;
import org.trustfund.contribution.imports.RowError;
import org.trustfund.platform.BusinessException;
import org.trustfund.platform.ConcurrentChangeException;
import org.trustfund.platform.FieldErrors;
import org.trustfund.platform.InvalidFieldsException;
import org.trustfund.platform.UnknownRecordException;
import org.trustfund.security.Caller;
import org.trustfund.security.Roles;
import org.trustfund.spreadsheet.RowsFile;
import org.trustfund.spreadsheet.XlsxReading;

/**
 * Reads the gifts of a transfer from the intermediary's statement, an xlsx or a CSV file with a header row and the
 * columns giver, kind (person, company, foundation), anonymous (yes/no), may be named (yes/no), amount (in the
 * transfer's currency) and date given. All or nothing: every row is checked first and any error rejects the file
 * with a list of row, column and problem. The same file imported again adds nothing and says so (its SHA-256 is kept
 * with the batch). A giver's name is kept exactly as written: text that looks like a formula is only ever text.
 */
@Stateless
@RolesAllowed(Roles.FINANCE_OFFICER)
public class GiftImport {

    /** The kind of an intermediary statement's import batch. */
    public static final String KIND = "TRANSFER_GIFTS";
    static final String FIELD = "file";
    static final int MAX_FILE_BYTES = 5 * 1024 * 1024;
    static final int MAX_ROWS = 20_000;
    static final String[] HEADERS = {"giver", "kind", "anonymous", "may be named", "amount", "date given"};

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Caller caller;

    @Inject
    private AuditLog audit;

    private Clock clock = Clock.systemUTC();

    public GiftImport() {
    }

    /** For tests outside the container. */
    public GiftImport(EntityManager em, Caller caller) {
        this.em = em;
        this.caller = caller;
        this.audit = new AuditLog(new org.trustfund.audit.AuditRepository(em), caller);
    }

    /** What an import did: the gifts added, or why nothing was (rows in error, or the file was imported before). */
    public record Result(int added, boolean alreadyImported, Instant importedBefore, List<RowError> errors,
            long transferVersion) implements Serializable {

        public boolean isRejected() {
            return !errors.isEmpty();
        }
    }

    /**
     * @param expectedVersion the transfer's version as the officer saw it
     * @throws BusinessException the file cannot be read (at field {@code file}), or the transfer cannot take gifts
     */
    public Result importGifts(long transferId, long expectedVersion, String fileName, byte[] content) {
        IntermediaryTransfer transfer = em.find(IntermediaryTransfer.class, transferId);
        if (transfer == null) {
            throw new UnknownRecordException("transfer.unknown", transferId);
        }
        ConcurrentChangeException.requireVersion(transfer.getVersion(), expectedVersion);
        if (content == null || content.length == 0) {
            throw new BusinessException(FIELD, "import.file.empty");
        }
        if (content.length > MAX_FILE_BYTES) {
            throw new BusinessException(FIELD, "import.file.tooLarge", MAX_FILE_BYTES / (1024 * 1024));
        }
        String sha256 = sha256(content);
        List<ImportedFile> before = em.createNamedQuery("ImportedFile.findBySha256", ImportedFile.class)
                .setParameter("kind", KIND).setParameter("sha256", sha256).getResultList();
        if (!before.isEmpty()) {
            return new Result(0, true, before.get(0).getImportedAt(), List.of(), transfer.getVersion());
        }
        List<String[]> rows = read(content);
        if (rows.isEmpty()) {
            throw new BusinessException(FIELD, "import.file.noHeader");
        }
        if (rows.size() == 1) {
            throw new BusinessException(FIELD, "giftImport.noRows");
        }
        List<RowError> errors = new ArrayList<>();
        List<GiftInput> gifts = new ArrayList<>();
        List<Integer> rowNumbers = new ArrayList<>();
        checkHeader(rows.get(0), errors);
        // A wrong header says so alone: reading the rows under it would only repeat it row by row.
        for (int i = 1; i < rows.size() && !errors.stream().anyMatch(e -> e.row() == 1); i++) {
            // Row numbers as the officer's spreadsheet shows them: the header is row 1.
            GiftInput gift = gift(rows.get(i), i + 1, transfer.getCurrency(), errors);
            if (gift != null) {
                gifts.add(gift);
                rowNumbers.add(i + 1);
            }
        }
        if (errors.isEmpty()) {
            FieldErrors rules = new FieldErrors();
            for (int i = 0; i < gifts.size(); i++) {
                IntermediaryTransfer.checkGift(rules, gifts.get(i), rowNumbers.get(i), transfer.getReceivedDate());
            }
            try {
                rules.throwIfAny();
            } catch (InvalidFieldsException e) {
                for (BusinessException b : e.errors()) {
                    Object[] args = b.arguments();
                    errors.add(new RowError(((Number) args[0]).intValue(), "A", HEADERS[0], b.messageKey(),
                            java.util.Arrays.stream(args).map(String::valueOf).toList()));
                }
            }
        }
        if (!errors.isEmpty()) {
            errors.sort(RowError.IN_SHEET_ORDER);
            return new Result(0, false, null, List.copyOf(errors), transfer.getVersion());
        }
        ImportedFile batch = new ImportedFile(KIND, fileName == null || fileName.isBlank() ? "statement" : fileName.trim(),
                sha256, gifts.size(), gifts.size(), clock.instant(), caller.name());
        try {
            em.persist(batch);
            em.flush();
        } catch (PersistenceException e) {
            // The same file imported by someone else a moment ago: the unique key on (kind, SHA-256) said so.
            throw new BusinessException(FIELD, "import.file.importedMeanwhile");
        }
        transfer.addGifts(gifts, batch.getId(), Map.of());
        em.flush();
        audit.record(AuditAction.CREATE, "ImportBatch", batch.getId(), Changes.of().value("kind", KIND)
                .value("transfer", transferId).value("file", batch.getFileName()).value("sha256", sha256)
                .value("gifts", gifts.size()).toString());
        return new Result(gifts.size(), false, null, List.of(), transfer.getVersion());
    }

    private static void checkHeader(String[] header, List<RowError> errors) {
        for (int c = 0; c < HEADERS.length; c++) {
            String found = c < header.length && header[c] != null ? header[c].trim().toLowerCase(Locale.ROOT) : "";
            if (!found.equals(HEADERS[c])) {
                errors.add(new RowError(1, XlsxReading.letters(c), HEADERS[c], "giftImport.header",
                        List.of(XlsxReading.letters(c), HEADERS[c], found)));
            }
        }
    }

    /** One data row as a gift, or null (with its errors added) when a cell cannot be read. */
    private static GiftInput gift(String[] cells, int row, String currency, List<RowError> errors) {
        int before = errors.size();
        String name = cell(cells, 0);
        GiverKind kind = null;
        String kindText = cell(cells, 1);
        if (kindText == null) {
            errors.add(error(row, 1, "giftImport.kind", ""));
        } else {
            kind = switch (kindText.toLowerCase(Locale.ROOT)) {
                case "person", "personne" -> GiverKind.PERSON;
                case "company", "entreprise" -> GiverKind.COMPANY;
                case "foundation", "fondation" -> GiverKind.FOUNDATION;
                default -> null;
            };
            if (kind == null) {
                errors.add(error(row, 1, "giftImport.kind", kindText));
            }
        }
        Boolean anonymous = yesNo(cell(cells, 2), false);
        if (anonymous == null) {
            errors.add(error(row, 2, "giftImport.yesNo", cell(cells, 2)));
        }
        Boolean named = yesNo(cell(cells, 3), false);
        if (named == null) {
            errors.add(error(row, 3, "giftImport.yesNo", cell(cells, 3)));
        }
        BigDecimal amount = null;
        String amountText = cell(cells, 4);
        if (amountText == null) {
            errors.add(error(row, 4, "giftImport.amount", ""));
        } else {
            try {
                amount = new BigDecimal(amountText.replace(" ", "").replace("\u00a0", ""));
                if (amount.stripTrailingZeros().scale() > org.trustfund.money.CurrencyUnits.of(currency)) {
                    errors.add(error(row, 4, "giftImport.amountDecimals", amountText, currency));
                    amount = null;
                } else {
                    amount = amount.setScale(Math.max(0, org.trustfund.money.CurrencyUnits.of(currency)),
                            java.math.RoundingMode.UNNECESSARY);
                }
            } catch (NumberFormatException | ArithmeticException e) {
                errors.add(error(row, 4, "giftImport.amount", amountText));
            }
        }
        LocalDate given = null;
        String dateText = cell(cells, 5);
        if (dateText != null) {
            try {
                given = LocalDate.parse(dateText);
            } catch (DateTimeParseException e) {
                errors.add(error(row, 5, "giftImport.date", dateText));
            }
        }
        if (errors.size() > before) {
            return null;
        }
        boolean isAnonymous = anonymous;
        return new GiftInput(isAnonymous ? blankToNull(name) : name, kind, isAnonymous, !isAnonymous && named, amount,
                given, null);
    }

    private static RowError error(int row, int column, String key, String... args) {
        List<String> all = new ArrayList<>();
        all.add(String.valueOf(row));
        all.addAll(List.of(args));
        return new RowError(row, XlsxReading.letters(column), HEADERS[column], key, all);
    }

    private static Boolean yesNo(String text, boolean empty) {
        if (text == null) {
            return empty;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "yes", "y", "true", "1", "oui" -> true;
            case "no", "n", "false", "0", "non" -> false;
            default -> null;
        };
    }

    private static String cell(String[] cells, int column) {
        if (column >= cells.length || cells[column] == null || cells[column].isBlank()) {
            return null;
        }
        return cells[column].trim();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** The file's rows as text, whether xlsx or CSV; empty rows left out. */
    static List<String[]> read(byte[] content) {
        return RowsFile.read(content, FIELD, HEADERS.length, MAX_ROWS, "giftImport.notCsv");
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
