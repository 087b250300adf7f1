package org.trustfund.report;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;
import org.trustfund.security.Caller;
import org.trustfund.security.Roles;

/**
 * The annual financial report of a fund and year as an xlsx workbook, for finance staff and auditors (never donors
 * nor administrators). Reads only, outside a transaction: a large year's queries should not hold one open for minutes.
 */
@Stateless
@RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AnnualReport {

    @PersistenceContext
    private EntityManager em;

    @Inject
    @Any
    private Instance<AnnualReportSection> sections;

    @Inject
    private Caller caller;

    /**
     * Checks that the report can be made (the fund exists, the year is from its start to now) before anything is
     * streamed, so the caller can answer with an error instead of half a file.
     *
     * @return the file name to offer, e.g. {@code IGF-annual-report-2025.xlsx}
     */
    public String fileName(long fundId, int year) {
        ReportContext.Fund fund = writer().requireReportable(fundId, year);
        return fund.code().replaceAll("[^A-Za-z0-9_-]", "_") + "-annual-report-" + year + ".xlsx";
    }

    /** Writes the whole workbook in the caller's language (French or English), reporting progress in percent. */
    public void write(long fundId, int year, Locale locale, OutputStream out, IntConsumer progress) throws IOException {
        writer().write(new AnnualReportWriter.Request(fundId, year, locale, caller.name(), false), out, progress);
    }

    private AnnualReportWriter writer() {
        List<AnnualReportSection> all = new ArrayList<>();
        sections.forEach(all::add);
        return new AnnualReportWriter(em, all);
    }

}
