package org.trustfund.closing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.trustfund.platform.BusinessException;
import org.trustfund.reference.Fund;

/** The closing rules of a fund's year, without a database. */
class FundYearTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2026-12-02");
    private static final Fund FUND = new Fund("CLT", "Closing test fund", LocalDate.parse("2024-01-01"),
            new BigDecimal("0.13"), NOW, "setup");

    @Test
    void theFirstYearOfTheFundClosesByProposalAndConfirmationOfAnotherPerson() {
        FundYear y = new FundYear(FUND, 2024);
        y.proposeClose(TODAY, null, false, List.of(), "fiona", NOW);
        assertEquals(YearStatus.CLOSE_PROPOSED, y.getStatus());
        assertEquals("fiona", y.getProposedBy());
        assertEquals("closing.confirm.ownProposal", refused(() -> y.confirmClose(null, false, List.of(), "fiona", NOW)).messageKey());
        y.confirmClose(null, false, List.of(), "carl", NOW);
        assertEquals(YearStatus.CLOSED, y.getStatus());
        assertEquals("carl", y.getClosedBy());
        assertEquals(List.of(YearAction.PROPOSE_CLOSE, YearAction.CONFIRM_CLOSE),
                y.getEvents().stream().map(FundYearEvent::getAction).toList());
        assertEquals("closing.confirm.notProposed", refused(() -> y.confirmClose(null, false, List.of(), "carla", NOW)).messageKey(),
                "a second confirmation is refused by the state");
    }

    @Test
    void aYearIsClosedOnlyOnceItHasEndedAndNotBeforeTheFundBegan() {
        BusinessException current = refused(() -> new FundYear(FUND, 2026).proposeClose(TODAY, closed(2025), false, List.of(), "fiona", NOW));
        assertEquals("closing.year.notEnded", current.messageKey());
        assertEquals(List.of("2026", "CLT"), List.of(current.arguments()));
        assertEquals("closing.year.beforeFund", refused(() -> new FundYear(FUND, 2023)).messageKey());
    }

    @Test
    void theYearBeforeMustBeClosedFirst() {
        FundYear y2025 = new FundYear(FUND, 2025);
        BusinessException e = refused(() -> y2025.proposeClose(TODAY, null, false, List.of(), "fiona", NOW));
        assertEquals("closing.earlierYearOpen", e.messageKey());
        assertEquals("2024", e.arguments()[2]);
        FundYear proposed2024 = new FundYear(FUND, 2024);
        proposed2024.proposeClose(TODAY, null, false, List.of(), "fiona", NOW);
        assertEquals("closing.earlierYearOpen",
                refused(() -> y2025.proposeClose(TODAY, proposed2024, false, List.of(), "fiona", NOW)).messageKey(),
                "proposed is not closed");
        y2025.proposeClose(TODAY, closed(2024), false, List.of(), "fiona", NOW);
        assertEquals(YearStatus.CLOSE_PROPOSED, y2025.getStatus());
    }

    @Test
    void theFundsFirstClosingMayBeOfAnyEndedYear() {
        FundYear y2025 = new FundYear(FUND, 2025);
        y2025.proposeClose(TODAY, null, true, List.of(), "fiona", NOW);
        y2025.confirmClose(null, true, List.of(), "carl", NOW);
        assertEquals(YearStatus.CLOSED, y2025.getStatus());
    }

    @Test
    void contributionsAwaitingCertificationKeepTheYearOpenAndAreNamed() {
        FundYear y = new FundYear(FUND, 2024);
        BusinessException e = refused(() -> y.proposeClose(TODAY, null, false, List.of(17L, 23L), "fiona", NOW));
        assertEquals("closing.contributionsWaiting", e.messageKey());
        assertEquals("17, 23", e.arguments()[2]);
        y.proposeClose(TODAY, null, false, List.of(), "fiona", NOW);
        assertEquals("closing.contributionsWaiting",
                refused(() -> y.confirmClose(null, false, List.of(31L), "carl", NOW)).messageKey(), "checked again at confirmation");
        assertEquals(YearStatus.CLOSE_PROPOSED, y.getStatus());
    }

    @Test
    void aRejectedProposalLeavesTheYearOpenWithTheReasonKept() {
        FundYear y = new FundYear(FUND, 2024);
        y.proposeClose(TODAY, null, false, List.of(), "fiona", NOW);
        assertEquals("closing.reason.required", refused(() -> y.reject(YearStatus.CLOSE_PROPOSED, "  ", "carl", NOW)).messageKey());
        y.reject(YearStatus.CLOSE_PROPOSED, " Bank statement of December missing ", "carl", NOW);
        assertEquals(YearStatus.OPEN, y.getStatus());
        assertNull(y.getProposedBy());
        FundYearEvent last = y.getEvents().get(y.getEvents().size() - 1);
        assertEquals(YearAction.REJECT_CLOSE, last.getAction());
        assertEquals("Bank statement of December missing", last.getReason());
        assertEquals("closing.reject.nothingProposed", refused(() -> y.reject(YearStatus.CLOSE_PROPOSED, "again", "carl", NOW)).messageKey());
    }

    @Test
    void reopeningIsRequestedWithAReasonAndConfirmedByAnotherPersonLatestYearFirst() {
        FundYear y2024 = closed(2024);
        assertEquals("closing.reason.required", refused(() -> y2024.requestReopen(null, null, "fiona", NOW)).messageKey());
        assertEquals("closing.laterYearClosed",
                refused(() -> y2024.requestReopen(closed(2025), "Audit adjustment", "fiona", NOW)).messageKey());
        y2024.requestReopen(new FundYear(FUND, 2025), "Audit adjustment", "fiona", NOW);
        assertEquals(YearStatus.REOPEN_PROPOSED, y2024.getStatus());
        assertEquals(true, y2024.getStatus().refusesPostings(), "closed until the reopening is confirmed");
        assertEquals("closing.reopen.ownRequest", refused(() -> y2024.confirmReopen(null, "fiona", NOW)).messageKey());
        y2024.confirmReopen(null, "carl", NOW);
        assertEquals(YearStatus.OPEN, y2024.getStatus());
        assertEquals("carl", y2024.getReopenedBy());
        assertEquals(Optional.of("year"), refused(() -> y2024.confirmReopen(null, "carla", NOW)).field());
    }

    @Test
    void aRejectedReopeningLeavesTheYearClosed() {
        FundYear y = closed(2024);
        y.requestReopen(null, "Audit adjustment", "fiona", NOW);
        assertEquals("closing.reject.nothingProposed",
                refused(() -> y.reject(YearStatus.CLOSE_PROPOSED, "Wrong button", "carl", NOW)).messageKey());
        y.reject(YearStatus.REOPEN_PROPOSED, "The adjustment belongs in 2026", "carl", NOW);
        assertEquals(YearStatus.CLOSED, y.getStatus());
        assertNull(y.getReopenRequestedBy());
    }

    private static FundYear closed(int year) {
        FundYear y = new FundYear(FUND, year);
        FundYear previous = year == 2024 ? null : closed(year - 1);
        y.proposeClose(TODAY, previous, false, List.of(), "fiona", NOW);
        y.confirmClose(previous, false, List.of(), "carl", NOW);
        return y;
    }

    private static BusinessException refused(Runnable step) {
        return assertThrows(BusinessException.class, step::run);
    }
}
