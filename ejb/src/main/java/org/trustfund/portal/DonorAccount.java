package org.trustfund.portal;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.trustfund.platform.AccessDeniedException;
import org.trustfund.security.Caller;
import org.trustfund.security.CallerAccess;
import org.trustfund.security.Roles;

/**
 * A donor's support year by year, in US dollars at the rates the fund used: cash contributions and gifts in kind
 * certified (a reversed one no longer counts), and the gifts credited to the donor through an intermediary (a soft
 * credit: the intermediary's transfer is the fund's income, so these are shown apart and never added to the given).
 */
@Stateless
@RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN, Roles.DONOR})
public class DonorAccount {

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    /** One year: cash and in kind given, and what was credited through intermediaries. */
    public record Year(int year, BigDecimal cashUsd, BigDecimal inKindUsd, BigDecimal creditedUsd)
            implements Serializable {

        public BigDecimal givenUsd() {
            return cashUsd.add(inKindUsd);
        }
    }

    /** A gift passed on by an intermediary and credited to this donor. */
    public record CreditedGift(LocalDate received, String intermediary, String giverName, BigDecimal usd)
            implements Serializable {
    }

    /** The years with any support, oldest first, and the gifts credited through intermediaries, newest first. */
    public record Summary(long donorId, List<Year> years, List<CreditedGift> credited) implements Serializable {

        public BigDecimal givenUsd() {
            return years.stream().map(Year::givenUsd).reduce(ZERO, BigDecimal::add);
        }
    }

    @PersistenceContext
    private EntityManager em;

    @Inject
    private CallerAccess access;

    public DonorAccount() {
    }

    /** For tests outside the container. */
    public DonorAccount(EntityManager em, Caller caller) {
        this.em = em;
        this.access = new CallerAccess(em, caller);
    }

    /** The donor a donor user is linked to; refused for an account linked to none. */
    @RolesAllowed(Roles.DONOR)
    public long ownDonorId() {
        return access.linkedDonor().orElseThrow(AccessDeniedException::new);
    }

    public Summary of(long donorId) {
        access.requireDonorAccess(donorId);
        Map<Integer, BigDecimal[]> byYear = new TreeMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> given = em.createNativeQuery("SELECT YEAR(x.day), SUM(x.cash), SUM(x.kind) FROM ("
                        + " SELECT c.received_date AS day, c.usd_amount AS cash, 0 AS kind FROM contribution c"
                        + "  WHERE c.donor_id = ? AND c.status = 'CERTIFIED'"
                        + " UNION ALL SELECT g.start_date, 0, g.usd_amount FROM in_kind_contribution g"
                        + "  WHERE g.donor_id = ? AND g.status = 'CERTIFIED') x GROUP BY YEAR(x.day)")
                .setParameter(1, donorId).setParameter(2, donorId).getResultList();
        for (Object[] r : given) {
            BigDecimal[] v = byYear.computeIfAbsent(((Number) r[0]).intValue(), y -> new BigDecimal[] {ZERO, ZERO, ZERO});
            v[0] = v[0].add(usd(r[1]));
            v[1] = v[1].add(usd(r[2]));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> gifts = em.createNativeQuery("SELECT t.received_date, d.name, g.giver_name, g.usd_amount"
                        + " FROM transfer_gift g JOIN intermediary_transfer t ON t.id = g.transfer_id"
                        + " JOIN intermediary i ON i.id = t.intermediary_id JOIN donor d ON d.id = i.donor_id"
                        + " WHERE g.giver_donor_id = ? AND t.status = 'CERTIFIED'"
                        + " ORDER BY t.received_date DESC, g.id DESC")
                .setParameter(1, donorId).getResultList();
        List<CreditedGift> credited = new ArrayList<>();
        for (Object[] r : gifts) {
            LocalDate day = r[0] instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) r[0];
            credited.add(new CreditedGift(day, (String) r[1], (String) r[2], usd(r[3])));
            BigDecimal[] v = byYear.computeIfAbsent(day.getYear(), y -> new BigDecimal[] {ZERO, ZERO, ZERO});
            v[2] = v[2].add(usd(r[3]));
        }
        List<Year> years = new ArrayList<>();
        byYear.forEach((y, v) -> years.add(new Year(y, v[0], v[1], v[2])));
        return new Summary(donorId, List.copyOf(years), List.copyOf(credited));
    }

    private static BigDecimal usd(Object v) {
        return v == null ? ZERO : new BigDecimal(v.toString()).setScale(2, java.math.RoundingMode.UNNECESSARY);
    }
}
