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
    private static final LocalDate TODAY = LocalDate.parse("2026-01-15");

    @Test
    void aScheduleMustAddUpToThePledgeToTheCent() {
        BusinessException e = assertThrows(BusinessException.class, () -> pledge("3000.00",
                line("2025-03-31", "1000.00"), line("2025-09-30", "1000.00"), line("2026-03-31", "999.99")));
        assertEquals("pledge.schedule.doesNotAddUp", e.messageKey());
        assertEquals(java.util.Optional.of("schedule"), e.field());
        assertEquals(List.of("EUR 2999.99", "EUR 3000.00"), List.of(e.arguments()));
    }

    @Test
    void everyBrokenFieldIsReportedAtOnceTheFirstFirst() {
        Country finland = new Country("FI", "Finland", "Europe", "Northern Europe");
        Donor donor = new Donor(new DonorDetails("Fictional Ministry", StakeholderGroup.GOVERNMENT, "FI", null, null, true,
                "en"), finland, NOW, "officer");
        Fund fund = new Fund("IGF", "Internet Governance Forum Trust Fund", LocalDate.parse("2006-01-01"),
                new BigDecimal("0.13"), NOW, "admin");
        BusinessException e = assertThrows(BusinessException.class, () -> new Pledge(donor, fund, Money.of("100.00", "EUR"),
                null, 2026, 2025, LocalDate.parse("2027-01-01"), List.of(line("2025-03-31", "99.00")), NOW, "officer"));
        assertEquals("pledge.years.order", e.messageKey(), "the first error is the one a single-error reader sees");
        List<String> keys = ((org.trustfund.platform.InvalidFieldsException) e).errors().stream()
                .map(x -> x.field().orElse("") + ":" + x.messageKey()).toList();
        assertEquals(List.of("lastYear:pledge.years.order", "pledgedOn:date.future", "schedule:pledge.schedule.doesNotAddUp"), keys);
    }

    @Test
    void aDonorsFieldsAreAllCheckedAtOnce() {
        BusinessException e = assertThrows(BusinessException.class, () -> new DonorDetails("N".repeat(201), null, " ",
                "C".repeat(201), "not an address", true, "de").validate());
        List<String> fields = ((org.trustfund.platform.InvalidFieldsException) e).errors().stream()
                .map(x -> x.field().orElse("")).toList();
        assertEquals(List.of("name", "stakeholderGroup", "country", "contactName", "contactEmail",
                "correspondenceLanguage"), fields);
        assertEquals("donor.name.tooLong", e.messageKey());
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
                () -> p.signAgreement(LocalDate.parse("2025-01-09"), "STFA-1", eurRate(), TODAY));
        assertEquals("pledge.agreement.beforePledge", early.messageKey());

        p.signAgreement(LocalDate.parse("2025-02-01"), " STFA-1 ", eurRate(), TODAY);
        assertEquals(PledgeStatus.AGREEMENT_SIGNED, p.getStatus());
        assertEquals("STFA-1", p.getAgreementReference());
        assertEquals("pledge.agreement.alreadySigned", assertThrows(BusinessException.class,
                () -> p.signAgreement(LocalDate.parse("2025-03-01"), "STFA-2", eurRate(), TODAY)).messageKey());
    }

    @Test
    void conditionsKeepRevenueDeferredUntilTheyAreMetAndNotBeforeTheAgreement() {
        Pledge unconditional = pledge("100.00", line("2025-03-31", "100.00"));
        unconditional.signAgreement(LocalDate.parse("2025-02-01"), "STFA-U", eurRate(), "  ", null, TODAY);
        assertEquals(false, unconditional.isRevenueDeferred(), "blank conditions are no conditions");
        assertEquals("pledge.conditions.noneOpen", assertThrows(BusinessException.class,
                () -> unconditional.recordConditionsMet(LocalDate.parse("2025-03-01"), TODAY)).messageKey());

        Pledge p = pledge("100.00", line("2025-03-31", "100.00"));
        p.signAgreement(LocalDate.parse("2025-02-01"), "STFA-C", eurRate(), " Annual report accepted ", null, TODAY);
        assertTrue(p.isRevenueDeferred());
        assertEquals("Annual report accepted", p.getAgreementConditions());
        assertEquals("pledge.conditions.beforeAgreement", assertThrows(BusinessException.class,
                () -> p.recordConditionsMet(LocalDate.parse("2025-01-31"), TODAY)).messageKey());
        p.recordConditionsMet(LocalDate.parse("2025-02-01"), TODAY);
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

        p.writeOff(LocalDate.parse("2025-12-15"), "Donor withdrew", TODAY);
        assertEquals(none, p.overdue(asOf, i -> paid.getOrDefault(i, none)), "nothing is overdue on a written-off pledge");
    }

    @Test
    void aPledgeIsNotDatedAfterTheDayItIsRecorded() {
        BusinessException e = assertThrows(BusinessException.class, () -> pledgeOn(LocalDate.parse("2026-01-16"),
                line("2025-03-31", "100.00")));
        assertEquals("date.future", e.messageKey());
        assertEquals(java.util.Optional.of("pledgedOn"), e.field());
        assertEquals("2026-01-15", pledgeOn(LocalDate.parse("2026-01-15"), line("2025-03-31", "100.00")).getCreatedAt()
                .toString().substring(0, 10), "today itself is fine");
    }

    @Test
    void everyInstalmentFallsDueWithinThePledgesYears() {
        BusinessException late = assertThrows(BusinessException.class, () -> pledge("200.00",
                line("2025-03-31", "100.00"), line("2027-01-01", "100.00")));
        assertEquals("pledge.schedule.outsideYears", late.messageKey());
        assertEquals(java.util.Optional.of("schedule"), late.field());
        assertEquals(List.of(2, "2027-01-01", "2025", "2026"), List.of(late.arguments()));
        BusinessException early = assertThrows(BusinessException.class, () -> pledge("100.00", line("2024-12-31", "100.00")));
        assertEquals(1, early.arguments()[0]);
        Pledge edges = pledge("200.00", line("2025-01-01", "100.00"), line("2026-12-31", "100.00"));
        BusinessException revised = assertThrows(BusinessException.class, () -> edges.revise(Money.of("200.00", "EUR"),
                List.of(line("2025-01-01", "100.00"), line("2031-06-30", "100.00")), "later", Map.of(), NOW, "officer"));
        assertEquals("pledge.schedule.outsideYears", revised.messageKey());
        assertEquals(2, edges.getInstalments().size());
        assertEquals(LocalDate.parse("2026-12-31"), edges.getInstalments().get(1).getDueDate(), "nothing changed");
    }

    @Test
    void anAgreementIsNotDatedInTheFuture() {
        Pledge p = pledge("100.00", line("2025-03-31", "100.00"));
        BusinessException e = assertThrows(BusinessException.class,
                () -> p.signAgreement(LocalDate.parse("2026-01-16"), "STFA-F", null, TODAY));
        assertEquals("date.future", e.messageKey());
        assertEquals(java.util.Optional.of("agreementDate"), e.field());
        assertEquals(PledgeStatus.PLEDGED, p.getStatus());
    }

    @Test
    void conditionsAreNotMetInTheFuture() {
        Pledge p = pledge("100.00", line("2025-03-31", "100.00"));
        p.signAgreement(LocalDate.parse("2025-02-01"), "STFA-C", eurRate(), "Report accepted", null, TODAY);
        BusinessException e = assertThrows(BusinessException.class,
                () -> p.recordConditionsMet(LocalDate.parse("2026-01-16"), TODAY));
        assertEquals("date.future", e.messageKey());
        assertEquals(java.util.Optional.of("conditionsMetOn"), e.field());
        assertTrue(p.isRevenueDeferred());
    }

    @Test
    void aWriteOffIsDatedBetweenTheAgreementOrPledgeAndToday() {
        Pledge unsigned = pledge("100.00", line("2025-03-31", "100.00"));
        assertEquals("pledge.writeOff.beforePledge", assertThrows(BusinessException.class,
                () -> unsigned.writeOff(LocalDate.parse("2025-01-09"), "Withdrew", TODAY)).messageKey());
        BusinessException future = assertThrows(BusinessException.class,
                () -> unsigned.writeOff(LocalDate.parse("2026-01-16"), "Withdrew", TODAY));
        assertEquals("date.future", future.messageKey());
        assertEquals(java.util.Optional.of("writtenOffOn"), future.field());
        Pledge signed = pledge("100.00", line("2025-03-31", "100.00"));
        signed.signAgreement(LocalDate.parse("2025-02-01"), "STFA-W", eurRate(), TODAY);
        assertEquals("pledge.writeOff.beforeAgreement", assertThrows(BusinessException.class,
                () -> signed.writeOff(LocalDate.parse("2025-01-31"), "Withdrew", TODAY)).messageKey());
        signed.writeOff(LocalDate.parse("2026-01-15"), "Withdrew", TODAY);
        assertEquals(PledgeStatus.WRITTEN_OFF, signed.getStatus());
    }

    @Test
    void anAgreementAtAStaleRateNeedsAReasonWhichIsKept() {
        Pledge p = pledge("100.00", line("2025-03-31", "100.00"));
        BusinessException e = assertThrows(BusinessException.class,
                () -> p.signAgreement(LocalDate.parse("2025-03-10"), "STFA-S", eurRate(), null, " ", TODAY));
        assertEquals("rate.stale", e.messageKey());
        assertEquals(java.util.Optional.of("agreementDate"), e.field());
        assertEquals(List.of("EUR", "2025-03", "2025-02-01"), List.of(e.arguments()));
        assertEquals(PledgeStatus.PLEDGED, p.getStatus());
        p.signAgreement(LocalDate.parse("2025-03-10"), "STFA-S", eurRate(), null, " March rate not published yet ", TODAY);
        assertEquals("March rate not published yet", p.getAgreementStaleRateReason());
        Pledge current = pledge("100.00", line("2025-03-31", "100.00"));
        current.signAgreement(LocalDate.parse("2025-02-20"), "STFA-T", eurRate(), null, "not needed", TODAY);
        assertEquals(null, current.getAgreementStaleRateReason(), "a rate of the month needs no reason");
    }

    private static Pledge pledge(String amount, ScheduleLine... schedule) {
        Country finland = new Country("FI", "Finland", "Europe", "Northern Europe");
        Donor donor = new Donor(new DonorDetails("Fictional Ministry", StakeholderGroup.GOVERNMENT, "FI", null, null, true,
                "en"), finland, NOW, "officer");
        Fund fund = new Fund("IGF", "Internet Governance Forum Trust Fund", LocalDate.parse("2006-01-01"),
                new BigDecimal("0.13"), NOW, "admin");
        return new Pledge(donor, fund, Money.of(amount, "EUR"), "Fellowships", 2025, 2026, LocalDate.parse("2025-01-10"),
                List.of(schedule), NOW, "officer");
    }

    private static Pledge pledgeOn(LocalDate pledgedOn, ScheduleLine... schedule) {
        Country finland = new Country("FI", "Finland", "Europe", "Northern Europe");
        Donor donor = new Donor(new DonorDetails("Fictional Ministry", StakeholderGroup.GOVERNMENT, "FI", null, null, true,
                "en"), finland, NOW, "officer");
        Fund fund = new Fund("IGF", "Internet Governance Forum Trust Fund", LocalDate.parse("2006-01-01"),
                new BigDecimal("0.13"), NOW, "admin");
        return new Pledge(donor, fund, Money.of("100.00", "EUR"), null, 2025, 2026, pledgedOn, List.of(schedule), NOW,
                "officer");
    }

    private static ScheduleLine line(String due, String amount) {
        return new ScheduleLine(LocalDate.parse(due), Money.of(amount, "EUR"));
    }

    private static ExchangeRate eurRate() {
        return new ExchangeRate("EUR", LocalDate.parse("2025-02-01"), new BigDecimal("0.920000"), NOW, "admin");
    }
}
