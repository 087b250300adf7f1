package org.trustfund.ledger;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.trustfund.donor.StakeholderGroup;
import org.trustfund.security.Roles;

/**
 * A fund's figures per year in US dollars, for staff's charts: what was pledged, agreed and received, and revenue
 * by stakeholder group. Agreed, received and revenue come from the ledger (what the statements say); pledged from
 * the pledges themselves, since an unsigned pledge posts nothing, converted at the rate in force on the day it was
 * pledged. Each is one aggregate over the fund's journals (index on fund and date).
 */
@Stateless
@RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR})
public class FundFigures {

    @PersistenceContext
    private EntityManager em;

    public FundFigures() {
    }

    /** For tests and the benchmark outside the container. */
    public FundFigures(EntityManager em) {
        this.em = em;
    }

    /** One year's pledged, agreed and received amounts in US dollars. */
    public record YearTotals(int year, BigDecimal pledged, BigDecimal agreed, BigDecimal received) {
    }

    /** Every year from {@code fromYear} to {@code toYear}, oldest first; a year without activity has zeros. */
    public List<YearTotals> byYear(long fundId, int fromYear, int toYear) {
        Map<Integer, BigDecimal[]> years = new TreeMap<>();
        for (int year = fromYear; year <= toYear; year++) {
            BigDecimal zero = BigDecimal.ZERO.setScale(2);
            years.put(year, new BigDecimal[] {zero, zero, zero});
        }
        LocalDate from = LocalDate.of(fromYear, 1, 1);
        LocalDate to = LocalDate.of(toYear, 12, 31);
        // A pledge in a currency without a rate on its day (none recorded yet) cannot be converted: left out
        // rather than counted at a made-up rate.
        @SuppressWarnings("unchecked")
        List<Object[]> pledged = em.createNativeQuery("SELECT YEAR(p.pledged_on), SUM(CASE WHEN p.currency = 'USD'"
                        + " THEN p.amount ELSE p.amount / (SELECT r.units_per_usd FROM exchange_rate r WHERE"
                        + " r.currency = p.currency AND r.effective_date <= p.pledged_on ORDER BY r.effective_date DESC"
                        + " LIMIT 1) END) FROM pledge p WHERE p.fund_id = ? AND p.pledged_on BETWEEN ? AND ?"
                        + " GROUP BY YEAR(p.pledged_on)")
                .setParameter(1, fundId).setParameter(2, from).setParameter(3, to).getResultList();
        for (Object[] row : pledged) {
            years.get(((Number) row[0]).intValue())[0] = usd(row[1]);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> ledger = em.createNativeQuery("SELECT YEAR(j.event_date),"
                        + " SUM(CASE WHEN l.account = 'CONTRIBUTIONS_RECEIVABLE' AND j.event_type IN"
                        + " ('AGREEMENT_SIGNED', 'PLEDGE_REVISED') THEN l.debit - l.credit ELSE 0 END),"
                        + " SUM(CASE WHEN l.account = 'CASH' THEN l.debit - l.credit ELSE 0 END)"
                        + " FROM journal j JOIN journal_line l ON l.journal_id = j.id"
                        + " WHERE j.fund_id = ? AND j.event_date BETWEEN ? AND ?"
                        + " AND l.account IN ('CONTRIBUTIONS_RECEIVABLE', 'CASH') GROUP BY YEAR(j.event_date)")
                .setParameter(1, fundId).setParameter(2, from).setParameter(3, to).getResultList();
        for (Object[] row : ledger) {
            BigDecimal[] totals = years.get(((Number) row[0]).intValue());
            totals[1] = usd(row[1]);
            totals[2] = usd(row[2]);
        }
        List<YearTotals> out = new ArrayList<>();
        years.forEach((year, t) -> out.add(new YearTotals(year, t[0], t[1], t[2])));
        return out;
    }

    /**
     * Contribution revenue (monetary and in kind, net of reversals) recognised in a year, per donor stakeholder
     * group; every group present, zero when it gave nothing.
     */
    public Map<StakeholderGroup, BigDecimal> revenueByGroup(long fundId, int year) {
        Map<StakeholderGroup, BigDecimal> out = new EnumMap<>(StakeholderGroup.class);
        for (StakeholderGroup group : StakeholderGroup.values()) {
            out.put(group, BigDecimal.ZERO.setScale(2));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT d.stakeholder_group, SUM(l.credit - l.debit)"
                        + " FROM journal j JOIN journal_line l ON l.journal_id = j.id JOIN donor d0 ON d0.id = j.donor_id"
                        + " JOIN donor d ON d.id = COALESCE(d0.merged_into_id, d0.id)"
                        + " WHERE j.fund_id = ? AND j.event_date BETWEEN ? AND ?"
                        + " AND l.account IN ('CONTRIBUTION_REVENUE', 'IN_KIND_REVENUE') GROUP BY d.stakeholder_group")
                .setParameter(1, fundId).setParameter(2, LocalDate.of(year, 1, 1))
                .setParameter(3, LocalDate.of(year, 12, 31)).getResultList();
        for (Object[] row : rows) {
            out.put(StakeholderGroup.valueOf((String) row[0]), usd(row[1]));
        }
        return out;
    }

    private static BigDecimal usd(Object value) {
        return Ledger.toDecimal(value).setScale(2, RoundingMode.HALF_EVEN);
    }
}
