package org.trustfund.pledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trustfund.donor.Donor;
import org.trustfund.donor.DonorDetails;
import org.trustfund.donor.StakeholderGroup;
import org.trustfund.money.Money;
import org.trustfund.platform.BusinessException;
import org.trustfund.reference.Country;
import org.trustfund.reference.ExchangeRate;
import org.trustfund.reference.Fund;

/** The pledge's own rules, without a database: schedule, agreement, revision, overdue amounts. */
class PledgeTest {

    private static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");

    @Test
    void aScheduleMustAddUpToThePledgeToTheCent() {
        BusinessException e = assertThrows(BusinessException.class, () -> pledge("3000.00",
                line("2025-03-31", "1000.00"), line("2025-09-30", "1000.00"), line("2026-03-31", "999.99")));
        assertEquals("pledge.schedule.doesNotAddUp", e.messageKey());
        assertEquals(java.util.Optional.of("schedule"), e.field());
        assertEquals(List.of("EUR 2999.99", "EUR 3000.00"), List.of(e.arguments()));
    }

    @Test
    void aScheduleLineInAnotherCurrencyOrNotPositiveIsRefusedNamingTheLine() {
        BusinessException currency = assertThrows(BusinessException.class, () -> pledge("100.00",
                line("2025-03-31", "50.00"), new ScheduleLine(LocalDate.parse("2025-09-30"), Money.of("50.00", "USD"))));
        assertEquals("pledge.schedule.currency", currency.messageKey());
        assertEquals(2, currency.arguments()[0]);
        BusinessException zero = assertThrows(BusinessException.class, () -> pledge("100.00",
                line("2025-03-31", "100.00"), line("2025-09-30", "0.00")));
        assertEquals("pledge.schedule.amountNotPositive", zero.messageKey());
    }

    @Test
    void anAgreementCannotPrecedeThePledgeNorBeSignedTwice() {
        Pledge p = pledge("3000.00", line("2025-03-31", "1500.00"), line("2025-09-30", "1500.00"));
        BusinessException early = assertThrows(BusinessException.class,
                () -> p.signAgreement(LocalDate.parse("2025-01-09"), "STFA-1", eurRate()));
        assertEquals("pledge.agreement.beforePledge", early.messageKey());

        p.signAgreement(LocalDate.parse("2025-02-01"), " STFA-1 ", eurRate());
        assertEquals(PledgeStatus.AGREEMENT_SIGNED, p.getStatus());
        assertEquals("STFA-1", p.getAgreementReference());
        assertEquals("pledge.agreement.alreadySigned", assertThrows(BusinessException.class,
                () -> p.signAgreement(LocalDate.parse("2025-03-01"), "STFA-2", eurRate())).messageKey());
    }

    @Test
    void conditionsKeepRevenueDeferredUntilTheyAreMetAndNotBeforeTheAgreement() {
        Pledge unconditional = pledge("100.00", line("2025-03-31", "100.00"));
        unconditional.signAgreement(LocalDate.parse("2025-02-01"), "STFA-U", eurRate(), "  ");
        assertEquals(false, unconditional.isRevenueDeferred(), "blank conditions are no conditions");
        assertEquals("pledge.conditions.noneOpen", assertThrows(BusinessException.class,
                () -> unconditional.recordConditionsMet(LocalDate.parse("2025-03-01"))).messageKey());

        Pledge p = pledge("100.00", line("2025-03-31", "100.00"));
        p.signAgreement(LocalDate.parse("2025-02-01"), "STFA-C", eurRate(), " Annual report accepted ");
        assertTrue(p.isRevenueDeferred());
        assertEquals("Annual report accepted", p.getAgreementConditions());
        assertEquals("pledge.conditions.beforeAgreement", assertThrows(BusinessException.class,
                () -> p.recordConditionsMet(LocalDate.parse("2025-01-31"))).messageKey());
        p.recordConditionsMet(LocalDate.parse("2025-02-01"));
        assertEquals(false, p.isRevenueDeferred());
        assertEquals(LocalDate.parse("2025-02-01"), p.getConditionsMetOn());
    }

    @Test
    void aRevisionRewritesTheScheduleInPlaceAndKeepsItsHistory() {
        Pledge p = pledge("3000.00", line("2025-03-31", "1000.00"), line("2025-09-30", "1000.00"), line("2026-03-31", "1000.00"));
        Instalment first = p.getInstalments().get(0);

        p.revise(Money.of("2000.00", "EUR"), List.of(line("2025-03-31", "1000.00"), line("2025-12-31", "1000.00")),
                "Donor reduced the pledge", Map.of(), NOW, "officer");
        assertEquals(2, p.getInstalments().size(), "the third instalment is gone, nothing appended");
        assertTrue(first == p.getInstalments().get(0), "instalment 1 is the same record, rescheduled");
        assertEquals(LocalDate.parse("2025-12-31"), p.getInstalments().get(1).getDueDate());
        assertEquals(Money.of("2000.00", "EUR"), p.getAmount());

        p.revise(Money.of("2500.00", "EUR"), List.of(line("2025-03-31", "1000.00"), line("2025-12-31", "1000.00"),
                line("2026-06-30", "500.00")), "Donor added a third year", Map.of(), NOW, "officer");
        assertEquals(List.of(1, 2, 3), p.getInstalments().stream().map(Instalment::getSeq).toList());
        assertEquals(2, p.getRevisions().size());
        PledgeRevision last = p.getRevisions().get(1);
        assertEquals(new BigDecimal("2000.00"), last.getAmountBefore());
        assertEquals(new BigDecimal("2500.00"), last.getAmountAfter());
        assertEquals("Donor added a third year", last.getReason());
    }

    @Test
    void aRevisionCannotTakeAnInstalmentBelowWhatWasPaidOnIt() {
        Pledge p = pledge("3000.00", line("2025-03-31", "1000.00"), line("2025-09-30", "1000.00"), line("2026-03-31", "1000.00"));
        Map<Integer, Money> paid = Map.of(1, Money.of("1000.00", "EUR"), 3, Money.of("200.00", "EUR"));
        BusinessException below = assertThrows(BusinessException.class, () -> p.revise(Money.of("2600.00", "EUR"),
                List.of(line("2025-03-31", "800.00"), line("2025-09-30", "1000.00"), line("2026-03-31", "800.00")),
                "less", paid, NOW, "officer"));
        assertEquals("pledge.revise.belowPaid", below.messageKey());
        BusinessException removed = assertThrows(BusinessException.class, () -> p.revise(Money.of("2000.00", "EUR"),
                List.of(line("2025-03-31", "1000.00"), line("2025-09-30", "1000.00")), "shorter", paid, NOW, "officer"));
        assertEquals("pledge.revise.removesPaid", removed.messageKey());
        assertEquals(Money.of("3000.00", "EUR"), p.getAmount(), "a refused revision changes nothing");
        assertEquals(3, p.getInstalments().size());
    }

    @Test
    void overdueIsWhatFellDueAndIsUnpaidOnAnOpenPledge() {
        Pledge p = pledge("3000.00", line("2025-03-31", "1000.00"), line("2025-09-30", "1000.00"), line("2026-03-31", "1000.00"));
        Instalment first = p.getInstalments().get(0);
        Instalment second = p.getInstalments().get(1);
        Map<Instalment, Money> paid = Map.of(first, Money.of("1000.00", "EUR"), second, Money.of("400.00", "EUR"));
        Money none = Money.zero(p.getAmount().currency());
        LocalDate asOf = LocalDate.parse("2025-12-01");

        assertEquals(Money.of("600.00", "EUR"), p.overdue(asOf, i -> paid.getOrDefault(i, none)),
                "instalment 1 is paid, 600 of instalment 2 is open, instalment 3 is not yet due");
        assertEquals(Money.of("0.00", "EUR"), second.overdue(LocalDate.parse("2025-09-30"), Money.of("400.00", "EUR")),
                "not overdue on its due date");

        p.writeOff(LocalDate.parse("2025-12-15"), "Donor withdrew");
        assertEquals(none, p.overdue(asOf, i -> paid.getOrDefault(i, none)), "nothing is overdue on a written-off pledge");
    }

    private static Pledge pledge(String amount, ScheduleLine... schedule) {
        Country finland = new Country("FI", "Finland", "Europe", "Northern Europe");
        Donor donor = new Donor(new DonorDetails("Fictional Ministry", StakeholderGroup.GOVERNMENT, "FI", null, null, true),
                finland, NOW, "officer");
        Fund fund = new Fund("IGF", "Internet Governance Forum Trust Fund", LocalDate.parse("2006-01-01"),
                new BigDecimal("0.13"), NOW, "admin");
        return new Pledge(donor, fund, Money.of(amount, "EUR"), "Fellowships", 2025, 2026, LocalDate.parse("2025-01-10"),
                List.of(schedule), NOW, "officer");
    }

    private static ScheduleLine line(String due, String amount) {
        return new ScheduleLine(LocalDate.parse(due), Money.of(amount, "EUR"));
    }

    private static ExchangeRate eurRate() {
        return new ExchangeRate("EUR", LocalDate.parse("2025-02-01"), new BigDecimal("0.920000"), NOW, "admin");
    }
}
