package org.trustfund.report;

import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.TreeMap;
import java.util.function.IntConsumer;
import org.trustfund.pledge.ReceivableRevaluation.Restatement;
import org.trustfund.reference.ExchangeRate;
import org.trustfund.reference.ExchangeRates;
import org.trustfund.spreadsheet.SheetWriter;

/**
 * What every sheet of one report shares: the fund and year, final or provisional, who asked and when, the language,
 * the ledger's totals for the year and the prior year (one aggregate query), the year-end revaluation preview of an
 * open year, the year-end rates, the exchange rates used by any figure (for the Exchange rates sheet), the totals the
 * reconciliation ties back, and a progress callback. Built by {@link AnnualReportWriter}; usable outside the container.
 */
public final class ReportContext {

    static final String BUNDLE = "org.trustfund.report.report";

    private final EntityManager em;
    private final long fundId;
    private final String fundCode;
    private final String fundName;
    private final LocalDate fundStart;
    private final int year;
    private final boolean provisional;
    private final Instant generatedAt;
    private final String generatedBy;
    private final Locale locale;
    private final ResourceBundle texts;
    private final LedgerTotals ledger;
    private final Map<Long, Restatement> preview;
    private final IntConsumer progress;
    private final ExchangeRates rates;
    private final Map<String, Optional<ExchangeRate>> yearEndRates = new HashMap<>();
    private final Map<String, RateUsed> ratesUsed = new TreeMap<>();
    private final Map<String, TotalCell> totals = new LinkedHashMap<>();
    private List<Contents> contents = List.of();
    private List<AnnualReportSection> sections = List.of();
    private String previewProblem;
    private LedgerSums ledgerSums;

    ReportContext(EntityManager em, Fund fund, int year, boolean provisional, Instant generatedAt, String generatedBy,
            Locale locale, LedgerTotals ledger, List<Restatement> preview, IntConsumer progress) {
        this.em = em;
        this.fundId = fund.id();
        this.fundCode = fund.code();
        this.fundName = fund.name();
        this.fundStart = fund.start();
        this.year = year;
        this.provisional = provisional;
        this.generatedAt = generatedAt;
        this.generatedBy = generatedBy;
        this.locale = locale;
        this.texts = texts(locale);
        this.ledger = ledger;
        Map<Long, Restatement> p = new LinkedHashMap<>();
        preview.forEach(r -> p.put(r.pledgeId(), r));
        this.preview = Collections.unmodifiableMap(p);
        this.progress = progress;
        this.rates = new ExchangeRates(em);
        preview.forEach(r -> rateUsed(r.rate(), "rates.use.yearEnd"));
    }

    /** The fund as the report needs it. */
    record Fund(long id, String code, String name, LocalDate start) {
    }

    /** A sheet in the cover's contents. */
    public record Contents(String title, String sheetName) {
    }

    /** A total cell a reconciliation row points at. */
    public record TotalCell(String sheetName, String cellRef, BigDecimal value) {
    }

    /** An exchange rate used by a figure, and what for. */
    public record RateUsed(String currency, LocalDate effectiveDate, BigDecimal unitsPerUsd, java.util.Set<String> uses) {
    }

    /** The report texts; a language without its own file gets English, never the server's default locale. */
    public static ResourceBundle texts(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale, ReportContext.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public String text(String key, Object... args) {
        String pattern = texts.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    /**
     * The first rows of every sheet: its title with the fund and year, and PROVISIONAL on an open year's sheets (in
     * the title and in the printed header).
     */
    public void heading(SheetWriter sheet, String titleKey) {
        String title = text(titleKey);
        String status = text(provisional ? "status.provisional" : "status.final");
        sheet.title(title + (provisional ? " — " + status : ""));
        sheet.line(text("heading.fundYear", fundName, fundCode, String.valueOf(year)));
        if (provisional) {
            sheet.line(text("heading.provisional"));
        }
        sheet.line(text("heading.currency"));
        sheet.blankRow();
        sheet.print(fundCode + " — " + title + " " + year + (provisional ? " — " + status : ""));
    }

    public EntityManager em() {
        return em;
    }

    public long fundId() {
        return fundId;
    }

    public String fundCode() {
        return fundCode;
    }

    public String fundName() {
        return fundName;
    }

    public LocalDate fundStart() {
        return fundStart;
    }

    public int year() {
        return year;
    }

    public LocalDate yearStart() {
        return LocalDate.of(year, 1, 1);
    }

    public LocalDate yearEnd() {
        return LocalDate.of(year, 12, 31);
    }

    public boolean isProvisional() {
        return provisional;
    }

    public Instant generatedAt() {
        return generatedAt;
    }

    public String generatedBy() {
        return generatedBy;
    }

    public Locale locale() {
        return locale;
    }

    public LedgerTotals ledger() {
        return ledger;
    }

    /** The reconciliation's own reading of the ledger (one query, made when first asked). */
    public LedgerSums ledgerSums() {
        if (ledgerSums == null) {
            ledgerSums = LedgerSums.read(em, fundId, year);
        }
        return ledgerSums;
    }

    /** The restatements a year-end revaluation would post, by pledge; empty for a closed year (they are posted). */
    public Map<Long, Restatement> preview() {
        return preview;
    }

    /** The preview's unrealized gain (negative: loss), zero for a closed year. */
    public BigDecimal previewTotal() {
        return preview.values().stream().map(r -> r.gainOrLoss().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The operational rate in force on 31 December of the year, if any; recorded as used. */
    public Optional<ExchangeRate> yearEndRate(String currency) {
        Optional<ExchangeRate> rate = yearEndRates.computeIfAbsent(currency, c -> rates.inForce(c, yearEnd()));
        rate.ifPresent(r -> rateUsed(r, "rates.use.yearEnd"));
        return rate;
    }

    /** Records a rate as used by a figure of the workbook; {@code useKey} says for what (a bundle key). */
    public void rateUsed(String currency, LocalDate effectiveDate, BigDecimal unitsPerUsd, String useKey) {
        if (currency == null || "USD".equals(currency) || effectiveDate == null) {
            return;
        }
        ratesUsed.computeIfAbsent(currency + " " + effectiveDate, k -> new RateUsed(currency, effectiveDate, unitsPerUsd,
                new java.util.TreeSet<>())).uses().add(useKey);
    }

    public void rateUsed(ExchangeRate rate, String useKey) {
        rateUsed(rate.getCurrency(), rate.getEffectiveDate(), rate.getUnitsPerUsd(), useKey);
    }

    public List<RateUsed> ratesUsed() {
        return new ArrayList<>(ratesUsed.values());
    }

    /** Registers a total cell under a key, for the reconciliation and the cover. */
    public TotalCell total(String key, SheetWriter sheet, int row, int column, BigDecimal value) {
        TotalCell cell = new TotalCell(sheet.name(), SheetWriter.cellRef(row, column), value);
        totals.put(key, cell);
        return cell;
    }

    public Optional<TotalCell> total(String key) {
        return Optional.ofNullable(totals.get(key));
    }

    public List<Contents> contents() {
        return contents;
    }

    void contents(List<Contents> sheets) {
        this.contents = List.copyOf(sheets);
    }

    /** The sections of this workbook, in order (the reconciliation asks each for its rows). */
    public List<AnnualReportSection> sections() {
        return sections;
    }

    void sections(List<AnnualReportSection> written) {
        this.sections = List.copyOf(written);
    }

    /** Why the year-end revaluation preview could not be computed (a rate missing or stale), or null. */
    public String previewProblem() {
        return previewProblem;
    }

    void previewProblem(String problem) {
        this.previewProblem = problem;
    }

    /** Tells the caller how far the generation is, in percent. */
    public void progress(int percent) {
        progress.accept(Math.max(0, Math.min(100, percent)));
    }

    /** A formula's reference to a cell of another sheet: {@code 'Sheet name'!B12}. */
    public static String ref(String sheetName, String cellRef) {
        return "'" + sheetName.replace("'", "''") + "'!" + cellRef;
    }
}
