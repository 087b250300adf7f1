package org.trustfund.closing;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.trustfund.platform.BusinessException;
import org.trustfund.reference.Fund;

/**
 * One year of one fund and where its closing stands. Lifecycle: open (no record yet, or reopened) → a finance
 * officer {@link #proposeClose proposes} closing a year that has ended, once the year before it is closed and no
 * contribution dated in it awaits certification → a certifying officer who did not propose
 * {@link #confirmClose confirms} (the service posts the year-end revaluation first) or {@link #reject rejects}
 * with a reason → closed: nothing is posted with a date in it. Reopening the same way: a finance officer
 * {@link #requestReopen requests} it with a reason, once no later year is closed or proposed for closing, and a
 * certifying officer who did not request it confirms or rejects. Every step is kept as a {@link FundYearEvent}.
 */
@Entity
@Table(name = "fund_year")
@NamedQuery(name = "FundYear.find", query = "SELECT y FROM FundYear y WHERE y.fund.id = :fund AND y.fiscalYear = :year")
@NamedQuery(name = "FundYear.ofFund", query = "SELECT y FROM FundYear y WHERE y.fund.id = :fund ORDER BY y.fiscalYear")
public class FundYear {

    static final int MAX_REASON = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "fund_id", nullable = false, updatable = false)
    private Fund fund;

    @Column(name = "year", nullable = false, updatable = false)
    private int fiscalYear;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 20)
    private YearStatus status;

    @Column(name = "proposed_by", length = 100)
    private String proposedBy;

    @Column(name = "proposed_at")
    private Instant proposedAt;

    @Column(name = "closed_by", length = 100)
    private String closedBy;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "reopen_requested_by", length = 100)
    private String reopenRequestedBy;

    @Column(name = "reopen_requested_at")
    private Instant reopenRequestedAt;

    @Column(name = "reopen_reason", length = MAX_REASON)
    private String reopenReason;

    @Column(name = "reopened_by", length = 100)
    private String reopenedBy;

    @Column(name = "reopened_at")
    private Instant reopenedAt;

    @OneToMany(mappedBy = "fundYear", cascade = CascadeType.PERSIST)
    @OrderBy("id")
    private List<FundYearEvent> events = new ArrayList<>();

    @Version
    private long version;

    protected FundYear() {
    }

    /** An open year of the fund; refuses a year before the fund began. */
    public FundYear(Fund fund, int fiscalYear) {
        this.fund = Objects.requireNonNull(fund);
        if (fiscalYear < startYear()) {
            throw new BusinessException("year", "closing.year.beforeFund", String.valueOf(fiscalYear), fund.getCode(),
                    String.valueOf(startYear()));
        }
        this.fiscalYear = fiscalYear;
        this.status = YearStatus.OPEN;
    }

    /**
     * A finance officer proposes to close the year.
     *
     * @param previous the fund's record of the year before, or null if it has none (then it is open)
     * @param firstClosing no year of the fund is closed yet: this closing may be of any year that has ended, and
     *        closes the years before it with it (a fund older than the system need not close them one by one)
     * @param waiting ids of contributions dated in the year, or before it, that still await certification
     */
    public void proposeClose(LocalDate today, FundYear previous, boolean firstClosing, List<Long> waiting, String by,
            Instant at) {
        requireStatus(YearStatus.OPEN, "closing.propose.notOpen");
        if (fiscalYear >= today.getYear()) {
            throw new BusinessException("year", "closing.year.notEnded", year(), fund.getCode());
        }
        requireCloseable(previous, firstClosing, waiting);
        status = YearStatus.CLOSE_PROPOSED;
        proposedBy = by;
        proposedAt = at;
        closedBy = null;
        closedAt = null;
        record(YearAction.PROPOSE_CLOSE, by, at, null);
    }

    /**
     * Whether a certifying officer may confirm the proposed closing now, checked again at confirmation since the
     * year before may have been reopened, or contributions recorded, after the proposal.
     */
    public void requireConfirmable(FundYear previous, boolean firstClosing, List<Long> waiting, String by) {
        requireStatus(YearStatus.CLOSE_PROPOSED, "closing.confirm.notProposed");
        if (by.equals(proposedBy)) {
            throw new BusinessException("closing.confirm.ownProposal");
        }
        requireCloseable(previous, firstClosing, waiting);
    }

    /** Confirms the proposed closing (after the year-end revaluation is posted): the year is closed. */
    public void confirmClose(FundYear previous, boolean firstClosing, List<Long> waiting, String by, Instant at) {
        requireConfirmable(previous, firstClosing, waiting, by);
        status = YearStatus.CLOSED;
        closedBy = by;
        closedAt = at;
        record(YearAction.CONFIRM_CLOSE, by, at, null);
    }

    /**
     * A certifying officer rejects the proposal waiting on the year, with a reason.
     *
     * @param pending the proposal meant: {@link YearStatus#CLOSE_PROPOSED} or {@link YearStatus#REOPEN_PROPOSED}
     */
    public void reject(YearStatus pending, String reason, String by, Instant at) {
        if (status != pending) {
            throw new BusinessException("year", "closing.reject.nothingProposed", year(), fund.getCode());
        }
        String why = requireReason(reason);
        if (status == YearStatus.CLOSE_PROPOSED) {
            status = YearStatus.OPEN;
            proposedBy = null;
            proposedAt = null;
            record(YearAction.REJECT_CLOSE, by, at, why);
        } else if (status == YearStatus.REOPEN_PROPOSED) {
            status = YearStatus.CLOSED;
            reopenRequestedBy = null;
            reopenRequestedAt = null;
            reopenReason = null;
            record(YearAction.REJECT_REOPEN, by, at, why);
        } else {
            throw new BusinessException("year", "closing.reject.nothingProposed", year(), fund.getCode());
        }
    }

    /**
     * A finance officer asks to reopen the closed year, saying why.
     *
     * @param next the fund's record of the year after, or null if it has none (then it is open)
     */
    public void requestReopen(FundYear next, String reason, String by, Instant at) {
        requireStatus(YearStatus.CLOSED, "closing.reopen.notClosed");
        String why = requireReason(reason);
        requireNextOpen(next);
        status = YearStatus.REOPEN_PROPOSED;
        reopenRequestedBy = by;
        reopenRequestedAt = at;
        reopenReason = why;
        reopenedBy = null;
        reopenedAt = null;
        record(YearAction.REQUEST_REOPEN, by, at, why);
    }

    /** A certifying officer who did not request it confirms the reopening: postings dated in the year are accepted again. */
    public void confirmReopen(FundYear next, String by, Instant at) {
        requireStatus(YearStatus.REOPEN_PROPOSED, "closing.reopen.notRequested");
        if (by.equals(reopenRequestedBy)) {
            throw new BusinessException("closing.reopen.ownRequest");
        }
        requireNextOpen(next);
        status = YearStatus.OPEN;
        reopenedBy = by;
        reopenedAt = at;
        proposedBy = null;
        proposedAt = null;
        record(YearAction.CONFIRM_REOPEN, by, at, reopenReason);
    }

    private void requireCloseable(FundYear previous, boolean firstClosing, List<Long> waiting) {
        if (fiscalYear > startYear() && !firstClosing && (previous == null || previous.status != YearStatus.CLOSED)) {
            throw new BusinessException("year", "closing.earlierYearOpen", year(), fund.getCode(),
                    String.valueOf(fiscalYear - 1));
        }
        if (!waiting.isEmpty()) {
            throw new BusinessException("year", "closing.contributionsWaiting", year(), fund.getCode(),
                    waiting.stream().map(String::valueOf).collect(Collectors.joining(", ")));
        }
    }

    private void requireNextOpen(FundYear next) {
        if (next != null && next.status != YearStatus.OPEN) {
            throw new BusinessException("year", "closing.laterYearClosed", year(), fund.getCode(),
                    String.valueOf(fiscalYear + 1));
        }
    }

    private void requireStatus(YearStatus expected, String key) {
        if (status != expected) {
            throw new BusinessException("year", key, year(), fund.getCode());
        }
    }

    private static String requireReason(String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new BusinessException("reason", "closing.reason.required");
        }
        if (why.length() > MAX_REASON) {
            throw new BusinessException("reason", "closing.reason.tooLong", String.valueOf(MAX_REASON));
        }
        return why;
    }

    private void record(YearAction action, String by, Instant at, String reason) {
        events.add(new FundYearEvent(this, action, status, at, by, reason));
    }

    private int startYear() {
        return fund.getStartDate().getYear();
    }

    /** The year as text: as a number, MessageFormat would write 2025 as "2,025". */
    private String year() {
        return String.valueOf(fiscalYear);
    }

    public Long getId() {
        return id;
    }

    public Fund getFund() {
        return fund;
    }

    public int getFiscalYear() {
        return fiscalYear;
    }

    public YearStatus getStatus() {
        return status;
    }

    public String getProposedBy() {
        return proposedBy;
    }

    public Instant getProposedAt() {
        return proposedAt;
    }

    public String getClosedBy() {
        return closedBy;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public String getReopenRequestedBy() {
        return reopenRequestedBy;
    }

    public Instant getReopenRequestedAt() {
        return reopenRequestedAt;
    }

    public String getReopenReason() {
        return reopenReason;
    }

    public String getReopenedBy() {
        return reopenedBy;
    }

    public Instant getReopenedAt() {
        return reopenedAt;
    }

    public List<FundYearEvent> getEvents() {
        return Collections.unmodifiableList(events);
    }

    public long getVersion() {
        return version;
    }
}
