package org.trustfund.report;

import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;
import org.trustfund.closing.ClosedYears;
import org.trustfund.platform.BusinessException;
import org.trustfund.platform.UnknownRecordException;
import org.trustfund.pledge.ReceivableRevaluation;
import org.trustfund.pledge.ReceivableRevaluation.Restatement;
import org.trustfund.security.Caller;
import org.trustfund.spreadsheet.XlsxWriter;

/**
 * Writes a fund's annual report workbook from the sections given, in their order. Plain Java on an entity manager:
 * the service uses it in the container with the CDI sections, the tests and the benchmark outside it with
 * {@link #standardSections()}.
 */
public final class AnnualReportWriter {

    private final EntityManager em;
    private final List<AnnualReportSection> sections;
    private final Clock clock;

    /** What to write: fund, year, language, who asks, and whether only the cover, statements and reconciliation. */
    public record Request(long fundId, int year, Locale locale, String requestedBy, boolean statementOnly) {
    }

    public AnnualReportWriter(EntityManager em, List<AnnualReportSection> sections) {
        this(em, sections, Clock.systemUTC());
    }

    AnnualReportWriter(EntityManager em, List<AnnualReportSection> sections, Clock clock) {
        this.em = em;
        this.sections = sections.stream().sorted(Comparator.comparingInt(AnnualReportSection::order)).toList();
        this.clock = clock;
    }

    /** The sheets of the workbook as this issue defines them; a later section is added here and as a CDI bean. */
    public static List<AnnualReportSection> standardSections() {
        return List.of(new CoverSection(), new PerformanceSection(), new PositionSection(), new DonorStatusSection(),
                new PledgeSection(), new ContributionSection(), new InKindSection(),
                new IntermediarySection(), new TravelSection(), new ExpenditureSection(), new RatesSection(),
                new ReconciliationSection(), new ChartsSection(), new NotesSection());
    }

    /**
     * Checks the fund and the year: the report exists for the fund's years from its start to the current year.
     *
     * @throws BusinessException {@code fund.unknown}, {@code report.year.beforeStart}, {@code report.year.future}
     */
    public ReportContext.Fund requireReportable(long fundId, int year) {
        @SuppressWarnings("unchecked")
        List<Object[]> found = em.createNativeQuery("SELECT id, code, name, start_date FROM fund WHERE id = ?")
                .setParameter(1, fundId).getResultList();
        if (found.isEmpty()) {
            throw new UnknownRecordException("fund.unknown", fundId);
        }
        Object[] f = found.get(0);
        ReportContext.Fund fund = new ReportContext.Fund(Sql.integer(f[0]), (String) f[1], (String) f[2], Sql.date(f[3]));
        if (year < fund.start().getYear()) {
            throw new BusinessException("year", "report.year.beforeStart", String.valueOf(year), fund.code(),
                    String.valueOf(fund.start().getYear()));
        }
        if (year > LocalDate.now(clock).getYear()) {
            throw new BusinessException("year", "report.year.future", String.valueOf(year));
        }
        return fund;
    }

    /**
     * The context of a report: fund, year, final or provisional, the ledger's totals and the revaluation preview, read
     * but nothing written. The benchmark reads a report's data with it ({@link PledgeSection#read},
     * {@link ContributionSection#read}) to time the SQL apart from the sheets.
     */
    public ReportContext context(Request request, IntConsumer progress) {
        ReportContext.Fund fund = requireReportable(request.fundId(), request.year());
        progress.accept(1);
        boolean provisional = !new ClosedYears(em).isClosed(fund.id(), request.year());
        List<Restatement> preview = List.of();
        String previewProblem = null;
        if (provisional) {
            try {
                preview = new ReceivableRevaluation(em, reader(request.requestedBy()))
                        .preview(fund.id(), LocalDate.of(request.year(), 12, 31));
            } catch (BusinessException e) {
                // A rate of December missing or stale: the report still comes, saying the preview could not be made.
                previewProblem = e.arguments().length > 0 ? String.valueOf(e.arguments()[0]) : e.messageKey();
            }
        }
        LedgerTotals ledger = LedgerTotals.read(em, fund.id(), request.year());
        ReportContext ctx = new ReportContext(em, fund, request.year(), provisional, clock.instant(), request.requestedBy(),
                request.locale() == null ? Locale.ENGLISH : request.locale(), ledger, preview, progress);
        ctx.previewProblem(previewProblem);
        return ctx;
    }

    /** Writes the workbook to {@code out} (left open), telling {@code progress} the percentage done. */
    public void write(Request request, OutputStream out, IntConsumer progress) throws IOException {
        ReportContext ctx = context(request, progress);
        boolean provisional = ctx.isProvisional();
        List<AnnualReportSection> chosen = sections.stream()
                .filter(s -> !request.statementOnly() || s.inStatementOnly()).toList();
        List<ReportContext.Contents> contents = new ArrayList<>();
        for (AnnualReportSection s : chosen) {
            contents.add(new ReportContext.Contents(s.sheetName(ctx.locale()), s.sheetName(ctx.locale())));
        }
        ctx.contents(contents);
        ctx.sections(chosen);
        progress.accept(5);
        try (XlsxWriter xlsx = XlsxWriter.create()) {
            String title = ctx.text("document.title", ctx.fundCode(), String.valueOf(request.year()))
                    + (provisional ? " — " + ctx.text("status.provisional") : "");
            xlsx.properties(title, ctx.text("document.subject", ctx.fundName()), request.requestedBy(),
                    ctx.text("document.keywords", ctx.fundCode(), String.valueOf(request.year())));
            int done = 0;
            for (AnnualReportSection s : chosen) {
                s.write(ctx, xlsx);
                done++;
                progress.accept(5 + 85 * done / chosen.size());
            }
            xlsx.write(out);
        }
        progress.accept(100);
    }

    /** The preview reads only; it still takes a caller, for the audit log it never writes to. */
    private static Caller reader(String name) {
        return new Caller() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public boolean isInRole(String role) {
                return false;
            }
        };
    }
}
