package org.trustfund.ledger;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import org.trustfund.audit.AuditAction;
import org.trustfund.audit.AuditLog;
import org.trustfund.security.Roles;

/**
 * Proves the books are consistent, from the records and the ledger alone. Used by the tests after every
 * operation and by auditors as a page.
 */
@Stateless
@RolesAllowed({Roles.AUDITOR, Roles.ADMIN, Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER})
public class LedgerCheck {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AuditLog audit;

    private final Clock clock = Clock.systemUTC();

    protected LedgerCheck() {
    }

    /** For tests outside the container. */
    public LedgerCheck(EntityManager em) {
        this.em = em;
    }

    /** For tests outside the container, recording runs in {@code audit}. */
    public LedgerCheck(EntityManager em, AuditLog audit) {
        this.em = em;
        this.audit = audit;
    }

    /** A run someone asked for (the page): audited with its outcome, for the auditor's dashboard. */
    public LedgerCheckResult runAndRecord() {
        LedgerCheckResult result = run();
        audit.record(AuditAction.LEDGER_CHECKED, "Ledger", null, outcome(result));
        return result;
    }

    /** What the audit entry says of a run; the dashboard reads "consistent" back. */
    static String outcome(LedgerCheckResult result) {
        return (result.isConsistent() ? CONSISTENT : INCONSISTENT) + "; journals: " + result.journalCount()
                + "; lines: " + result.lineCount();
    }

    public static final String CONSISTENT = "consistent: true";
    public static final String INCONSISTENT = "consistent: false";

    @SuppressWarnings("unchecked")
    public LedgerCheckResult run() {
        long journals = ((Number) em.createNativeQuery("SELECT COUNT(*) FROM journal").getSingleResult()).longValue();
        long lines = ((Number) em.createNativeQuery("SELECT COUNT(*) FROM journal_line").getSingleResult()).longValue();

        List<LedgerCheckResult.UnbalancedJournal> unbalanced = ((List<Object[]>) em.createNativeQuery(
                        "SELECT j.id, COALESCE(SUM(l.debit), 0), COALESCE(SUM(l.credit), 0) FROM journal j"
                                + " LEFT JOIN journal_line l ON l.journal_id = j.id GROUP BY j.id"
                                + " HAVING COALESCE(SUM(l.debit), 0) <> COALESCE(SUM(l.credit), 0) OR COUNT(l.id) = 0")
                .getResultList()).stream()
                .map(r -> new LedgerCheckResult.UnbalancedJournal(((Number) r[0]).longValue(),
                        Ledger.toDecimal(r[1]), Ledger.toDecimal(r[2])))
                .toList();

        List<LedgerCheckResult.FundTotals> funds = ((List<Object[]>) em.createNativeQuery(
                        "SELECT f.id, f.code, COALESCE(SUM(l.debit), 0), COALESCE(SUM(l.credit), 0) FROM fund f"
                                + " LEFT JOIN journal j ON j.fund_id = f.id LEFT JOIN journal_line l ON l.journal_id = j.id"
                                + " GROUP BY f.id, f.code ORDER BY f.code")
                .getResultList()).stream()
                .map(r -> new LedgerCheckResult.FundTotals(((Number) r[0]).longValue(), (String) r[1],
                        Ledger.toDecimal(r[2]), Ledger.toDecimal(r[3])))
                .toList();

        // Expected receivable per signed pledge = agreed amount − certified applications (0 once written off).
        List<LedgerCheckResult.ReceivableMismatch> mismatches = ((List<Object[]>) em.createNativeQuery(
                        "SELECT p.id, p.donor_id, p.currency, e.expected, COALESCE(r.in_ledger, 0) FROM pledge p"
                                + " JOIN (SELECT p2.id, CASE WHEN p2.status = 'WRITTEN_OFF' THEN 0"
                                + "        ELSE p2.amount - COALESCE((SELECT SUM(a.amount) FROM contribution_application a"
                                + "          JOIN contribution c ON c.id = a.contribution_id"
                                + "          JOIN instalment i ON i.id = a.instalment_id"
                                + "          WHERE i.pledge_id = p2.id AND c.status = 'CERTIFIED'), 0) END AS expected"
                                + "      FROM pledge p2 WHERE p2.agreement_date IS NOT NULL) e ON e.id = p.id"
                                + " LEFT JOIN (SELECT pledge_id, SUM(currency_amount) AS in_ledger FROM journal_line"
                                + "      WHERE account = 'CONTRIBUTIONS_RECEIVABLE' AND pledge_id IS NOT NULL"
                                + "      GROUP BY pledge_id) r ON r.pledge_id = p.id"
                                + " WHERE e.expected <> COALESCE(r.in_ledger, 0)"
                                + " UNION ALL"
                                + " SELECT p.id, p.donor_id, p.currency, 0, SUM(l.currency_amount) FROM pledge p"
                                + " JOIN journal_line l ON l.pledge_id = p.id AND l.account = 'CONTRIBUTIONS_RECEIVABLE'"
                                + " WHERE p.agreement_date IS NULL GROUP BY p.id, p.donor_id, p.currency"
                                + " HAVING SUM(l.currency_amount) <> 0")
                .getResultList()).stream()
                .map(r -> new LedgerCheckResult.ReceivableMismatch(((Number) r[0]).longValue(),
                        ((Number) r[1]).longValue(), (String) r[2], Ledger.toDecimal(r[3]), Ledger.toDecimal(r[4])))
                .toList();

        // Deferred revenue (IPSAS 23) is held only while an agreement's conditions are pending, and never below none.
        List<LedgerCheckResult.DeferredRevenueMismatch> deferred = ((List<Object[]>) em.createNativeQuery(
                        "SELECT p.id, p.donor_id, p.currency,"
                                + " CASE WHEN p.agreement_conditions IS NOT NULL AND p.conditions_met_on IS NULL THEN 1 ELSE 0 END,"
                                + " -SUM(l.currency_amount) FROM pledge p"
                                + " JOIN journal_line l ON l.pledge_id = p.id AND l.account = 'DEFERRED_REVENUE'"
                                + " GROUP BY p.id, p.donor_id, p.currency, p.agreement_conditions, p.conditions_met_on"
                                + " HAVING -SUM(l.currency_amount) < 0 OR (-SUM(l.currency_amount) <> 0"
                                + "   AND (p.agreement_conditions IS NULL OR p.conditions_met_on IS NOT NULL))")
                .getResultList()).stream()
                .map(r -> new LedgerCheckResult.DeferredRevenueMismatch(((Number) r[0]).longValue(),
                        ((Number) r[1]).longValue(), (String) r[2], ((Number) r[3]).intValue() == 1, Ledger.toDecimal(r[4])))
                .toList();

        // Unapplied receipts held per contribution = its unapplied rest while certified and held, else none; read
        // from the contribution's journals. Only held contributions and those with such lines need looking at.
        List<LedgerCheckResult.UnappliedReceiptMismatch> unapplied = ((List<Object[]>) em.createNativeQuery(
                        "SELECT c.id, c.donor_id, c.currency, c.amount - COALESCE((SELECT SUM(a.amount)"
                                + "   FROM contribution_application a WHERE a.contribution_id = c.id), 0) AS expected,"
                                + " COALESCE((SELECT -SUM(l.currency_amount) FROM journal j JOIN journal_line l ON l.journal_id = j.id"
                                + "   WHERE j.source_type = 'Contribution' AND j.source_id = c.id"
                                + "   AND l.account = 'UNAPPLIED_RECEIPTS'), 0) AS in_ledger"
                                + " FROM contribution c WHERE c.unapplied_held AND c.status = 'CERTIFIED'"
                                + " HAVING expected <> in_ledger"
                                + " UNION ALL"
                                + " SELECT c.id, c.donor_id, c.currency, 0, -SUM(l.currency_amount) FROM journal j"
                                + " JOIN journal_line l ON l.journal_id = j.id AND l.account = 'UNAPPLIED_RECEIPTS'"
                                + " JOIN contribution c ON c.id = j.source_id"
                                + " WHERE j.source_type = 'Contribution' AND NOT (c.unapplied_held AND c.status = 'CERTIFIED')"
                                + " GROUP BY c.id, c.donor_id, c.currency HAVING SUM(l.currency_amount) <> 0")
                .getResultList()).stream()
                .map(r -> new LedgerCheckResult.UnappliedReceiptMismatch(((Number) r[0]).longValue(),
                        ((Number) r[1]).longValue(), (String) r[2], Ledger.toDecimal(r[3]), Ledger.toDecimal(r[4])))
                .toList();

        return new LedgerCheckResult(clock.instant(), journals, lines, unbalanced, funds, mismatches, deferred, unapplied);
    }
}
