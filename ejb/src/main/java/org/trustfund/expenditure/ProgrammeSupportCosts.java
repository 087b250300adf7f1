package org.trustfund.expenditure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.trustfund.audit.AuditAction;
import org.trustfund.audit.AuditLog;
import org.trustfund.ledger.Account;
import org.trustfund.ledger.Journal;
import org.trustfund.ledger.JournalEvent;
import org.trustfund.ledger.Ledger;
import org.trustfund.money.Money;
import org.trustfund.platform.BusinessException;
import org.trustfund.platform.Changes;
import org.trustfund.platform.UnknownRecordException;
import org.trustfund.reference.AcceptedCurrency;
import org.trustfund.reference.Fund;
import org.trustfund.security.Caller;

/**
 * The UN's programme support cost on a fund's year: the year's rate (the fund's, or the one set for that year with a
 * reason) times the year's expenditure. A run posts what is due less what earlier runs posted, so running it twice
 * posts nothing the second time; a charge is undone by a reversal that names it. Year-end closing runs it at
 * 31 December. Not a role boundary itself: the services that call it are.
 */
@ApplicationScoped
public class ProgrammeSupportCosts {

    /**
     * The expenditure PSC is charged on: every expense but in-kind goods used (no cash was spent), pledge write-offs
     * (not spending) and PSC itself.
     */
    public static final Set<Account> BASE = Set.of(Account.TRAVEL_AND_FELLOWSHIPS, Account.STAFF_AND_CONSULTANTS,
            Account.CONTRACTUAL_SERVICES, Account.TRAVEL_OF_STAFF, Account.OPERATING_EXPENSES, Account.EQUIPMENT,
            Account.OTHER_EXPENSES);

    static final String ENTITY = "PscCharge";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Ledger ledger;

    @Inject
    private AuditLog audit;

    @Inject
    private Caller caller;

    private final Clock clock = Clock.systemUTC();

    protected ProgrammeSupportCosts() {
    }

    /** For tests outside the container. */
    public ProgrammeSupportCosts(EntityManager em, Caller caller) {
        this.em = em;
        this.caller = caller;
        this.ledger = new Ledger(em);
        this.audit = new AuditLog(new org.trustfund.audit.AuditRepository(em), caller);
    }

    /** A year's computation: base, rate (and the reason if it is not the fund's), due, already charged, to post. */
    public record Computation(long fundId, String fundCode, int year, BigDecimal base, BigDecimal rate, String rateReason,
            BigDecimal due, BigDecimal charged, BigDecimal toPost) {
    }

    public Computation compute(long fundId, int year) {
        Fund fund = fund(fundId, LockModeType.NONE);
        return compute(fund, year);
    }

    private Computation compute(Fund fund, int year) {
        String accounts = BASE.stream().map(a -> "'" + a.name() + "'").sorted().collect(Collectors.joining(", "));
        Object[] row = (Object[]) em.createNativeQuery("SELECT"
                        + " COALESCE(SUM(CASE WHEN l.account IN (" + accounts + ") THEN l.debit - l.credit END), 0),"
                        + " COALESCE(SUM(CASE WHEN l.account = 'PROGRAMME_SUPPORT_COSTS' THEN l.debit - l.credit END), 0)"
                        + " FROM journal j JOIN journal_line l ON l.journal_id = j.id"
                        + " WHERE j.fund_id = ? AND j.event_date BETWEEN ? AND ?")
                .setParameter(1, fund.getId()).setParameter(2, LocalDate.of(year, 1, 1))
                .setParameter(3, LocalDate.of(year, 12, 31)).getSingleResult();
        BigDecimal base = decimal(row[0]);
        BigDecimal charged = decimal(row[1]);
        PscRate set = rateOf(fund.getId(), year).orElse(null);
        BigDecimal rate = set == null ? fund.getPscRate() : set.getRate();
        // Rounded to the cent half up, as the UN's charge is; the run posts the difference so each cent is posted once.
        BigDecimal due = base.multiply(rate).setScale(2, RoundingMode.HALF_UP);
        return new Computation(fund.getId(), fund.getCode(), year, base, rate, set == null ? null : set.getReason(), due,
                charged, due.subtract(charged));
    }

    public Optional<PscRate> rateOf(long fundId, int year) {
        return em.createNamedQuery("PscRate.find", PscRate.class).setParameter("fund", fundId).setParameter("year", year)
                .getResultStream().findFirst();
    }

    /**
     * Posts what is due for the year less what is already charged, dated {@code date} (in the year). Empty when
     * nothing is left to post. The fund's row is locked first: two runs at once post once.
     */
    public Optional<PscCharge> charge(long fundId, int year, LocalDate date) {
        if (date.getYear() != year) {
            throw new IllegalArgumentException(date + " is not in " + year);
        }
        Fund fund = fund(fundId, LockModeType.PESSIMISTIC_WRITE);
        if (year < fund.getStartDate().getYear()) {
            throw new BusinessException("year", "closing.year.beforeFund", String.valueOf(year), fund.getCode(),
                    String.valueOf(fund.getStartDate().getYear()));
        }
        Computation c = compute(fund, year);
        if (c.toPost().signum() == 0) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        PscCharge charge = new PscCharge(fund, year, date, c.base(), c.rate(), c.due(), c.toPost(), null, null, now,
                caller.name());
        em.persist(charge);
        em.flush();
        Money usd = Money.of(c.toPost(), AcceptedCurrency.USD);
        ledger.post(Journal.builder(JournalEvent.PSC_CHARGED, fundId, null, date, PscCharge.SOURCE_TYPE, charge.getId(),
                        "Programme support cost " + year + ": " + c.rate().movePointRight(2).stripTrailingZeros()
                                .toPlainString() + " % of " + c.base().toPlainString() + " USD")
                .debit(Account.PROGRAMME_SUPPORT_COSTS, usd).credit(Account.CASH, usd).build(now, caller.name()));
        audit.record(AuditAction.CREATE, ENTITY, charge.getId(), Changes.of().value("fund", fund.getCode())
                .value("year", year).value("base", c.base()).value("rate", c.rate()).value("due", c.due())
                .value("alreadyCharged", c.charged()).value("posted", c.toPost()).toString());
        return Optional.of(charge);
    }

    /** The date a run started by a person posts at: today in the current year, 31 December of an ended one. */
    public LocalDate runDate(int year) {
        LocalDate today = LocalDate.now(clock);
        if (year > today.getYear()) {
            throw new BusinessException("year", "psc.year.future", String.valueOf(year));
        }
        return year == today.getYear() ? today : LocalDate.of(year, 12, 31);
    }

    /** Undoes one charge (dated in its year, as a run of that year would be), keeping both. */
    public PscCharge reverse(long chargeId, long expectedVersion, String reason) {
        PscCharge original = em.find(PscCharge.class, chargeId);
        if (original == null) {
            throw new UnknownRecordException("psc.unknown", chargeId);
        }
        org.trustfund.platform.ConcurrentChangeException.requireVersion(original.getVersion(), expectedVersion);
        if (reason == null || reason.isBlank()) {
            throw new BusinessException("reason", "reason.required");
        }
        org.trustfund.platform.TextLimits.requireAtMost("reason", reason.strip(), 500);
        if (original.getReverses() != null) {
            throw new BusinessException("psc.reverse.reversal");
        }
        Long already = em.createQuery("SELECT COUNT(c) FROM PscCharge c WHERE c.reverses.id = :id", Long.class)
                .setParameter("id", chargeId).getSingleResult();
        if (already > 0) {
            throw new BusinessException("psc.reverse.already", chargeId);
        }
        Fund fund = fund(original.getFund().getId(), LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        LocalDate date = runDate(original.getYear());
        PscCharge reversal = new PscCharge(fund, original.getYear(), date, original.getBaseUsd(), original.getRate(),
                original.getDueUsd(), original.getAmountUsd().negate(), original, reason.strip(), now, caller.name());
        em.persist(reversal);
        em.flush();
        for (Journal posted : ledger.journalsOf(PscCharge.SOURCE_TYPE, chargeId)) {
            Journal.Builder undo = Journal.builder(JournalEvent.PSC_REVERSED, fund.getId(), null, date,
                    PscCharge.SOURCE_TYPE, reversal.getId(), "Reversal of PSC charge " + chargeId + ": " + reason.strip());
            for (org.trustfund.ledger.JournalLine line : posted.getLines()) {
                undo.debit(line.getAccount(), Money.of(line.getCredit().subtract(line.getDebit()), AcceptedCurrency.USD));
            }
            ledger.post(undo.build(now, caller.name()));
        }
        audit.record(AuditAction.CREATE, ENTITY, reversal.getId(), Changes.of().value("fund", fund.getCode())
                .value("year", original.getYear()).value("reverses", chargeId).value("amount", original.getAmountUsd())
                .value("reason", reason.strip()).toString());
        return reversal;
    }

    public List<PscCharge> charges(long fundId, int year) {
        return em.createQuery("SELECT c FROM PscCharge c WHERE c.fund.id = :fund AND c.year = :year ORDER BY c.id",
                PscCharge.class).setParameter("fund", fundId).setParameter("year", year).getResultList();
    }

    /** Sets (or changes) the rate of one year of a fund, with the reason for departing from the fund's rate. */
    public PscRate setRate(long fundId, int year, BigDecimal rate, String reason, long expectedVersion) {
        Fund fund = fund(fundId, LockModeType.NONE);
        if (year < fund.getStartDate().getYear()) {
            throw new BusinessException("year", "closing.year.beforeFund", String.valueOf(year), fund.getCode(),
                    String.valueOf(fund.getStartDate().getYear()));
        }
        PscRate existing = rateOf(fundId, year).orElse(null);
        Instant now = clock.instant();
        if (existing == null) {
            org.trustfund.platform.ConcurrentChangeException.requireVersion(0, expectedVersion);
            PscRate created = new PscRate(fund, year, rate, reason, now, caller.name());
            em.persist(created);
            em.flush();
            audit.record(AuditAction.CREATE, "PscRate", created.getId(), Changes.of().value("fund", fund.getCode())
                    .value("year", year).field("rate", fund.getPscRate(), created.getRate())
                    .value("reason", created.getReason()).toString());
            return created;
        }
        org.trustfund.platform.ConcurrentChangeException.requireVersion(existing.getVersion(), expectedVersion);
        BigDecimal before = existing.getRate();
        existing.set(rate, reason, now, caller.name());
        em.flush();
        audit.record(AuditAction.UPDATE, "PscRate", existing.getId(), Changes.of().value("fund", fund.getCode())
                .value("year", year).field("rate", before, existing.getRate()).value("reason", existing.getReason())
                .toString());
        return existing;
    }

    private Fund fund(long fundId, LockModeType lock) {
        Fund fund = em.find(Fund.class, fundId, lock);
        if (fund == null) {
            throw new UnknownRecordException("fund.unknown", fundId);
        }
        return fund;
    }

    private static BigDecimal decimal(Object value) {
        BigDecimal d = value == null ? BigDecimal.ZERO : value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
        return d.setScale(2, RoundingMode.UNNECESSARY);
    }
}
