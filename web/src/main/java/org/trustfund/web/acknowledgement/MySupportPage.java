package org.trustfund.web.acknowledgement;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.trustfund.contribution.Contribution;
import org.trustfund.contribution.ContributionQuery;
import org.trustfund.contribution.ContributionService;
import org.trustfund.inkind.InKindContribution;
import org.trustfund.inkind.InKindQuery;
import org.trustfund.inkind.InKindService;
import org.trustfund.pledge.PledgeService;
import org.trustfund.pledge.PledgeSummary;
import org.trustfund.portal.DonorAccount;
import org.trustfund.security.Roles;
import org.trustfund.web.platform.Charts;
import org.trustfund.web.platform.Messages;
import org.trustfund.web.platform.Pages;

/**
 * Backs {@code /app/my-support.xhtml}, for a donor user: everything the fund holds about their own support — given
 * by year (with a chart), pledges with what is paid, outstanding and overdue, contributions, gifts in kind, gifts
 * credited to them through intermediaries — and a link to their letters. Every read is the services' own, kept to
 * the user's donor.
 */
@Named
@ViewScoped
public class MySupportPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int MAX = 200;

    @EJB
    private DonorAccount account;

    @EJB
    private PledgeService pledges;

    @EJB
    private ContributionService contributions;

    @EJB
    private InKindService inKind;

    @EJB
    private org.trustfund.donor.DonorService donors;

    /** The donors the user acts for, when more than one (a ministry and its agency): the page switches between them. */
    private List<org.trustfund.donor.Donor> choices = List.of();

    private DonorAccount.Summary summary;
    private List<PledgeSummary> pledgeList = List.of();
    /** What certified contributions paid on each instalment, by instalment id. */
    private java.util.Map<Long, org.trustfund.money.Money> paid = java.util.Map.of();
    private List<Contribution> contributionList = List.of();
    private List<InKindContribution> inKindList = List.of();
    private String chart;
    private long donor;
    /** The statement's period: this calendar year so far unless the donor chooses another. */
    private java.time.LocalDate from = java.time.LocalDate.now().withDayOfYear(1);
    private java.time.LocalDate to = java.time.LocalDate.now();

    @PostConstruct
    void load() {
        if (!Pages.requireRole(Roles.DONOR)) {
            return;
        }
        try {
            donor = account.ownDonorId(org.trustfund.web.platform.ListParameters.id("donor"));
            choices = donors.ownDonors();
            summary = account.of(donor);
            pledgeList = pledges.summariesForDonor(donor);
            paid = pledges.paidByInstalmentOfDonor(donor);
            contributionList = contributions.search(new ContributionQuery(donor, null, null, null, null, null,
                    ContributionQuery.Sort.RECEIVED, true), 0, MAX);
            inKindList = inKind.search(InKindQuery.all().withDonor(donor), 0, MAX);
            chart = chart(summary);
        } catch (org.trustfund.platform.AccessDeniedException e) {
            summary = null;
            if (org.trustfund.web.platform.ListParameters.id("donor") != null) {
                Pages.forbidden();
            } else {
                Messages.error("ack.noDonor");
            }
        } catch (RuntimeException e) {
            summary = null;
            Messages.showFailure(e, "support");
        }
    }

    private static String chart(DonorAccount.Summary s) {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder cash = Json.createArrayBuilder();
        JsonArrayBuilder kind = Json.createArrayBuilder();
        for (DonorAccount.Year y : s.years()) {
            labels.add(String.valueOf(y.year()));
            cash.add(y.cashUsd());
            kind.add(y.inKindUsd());
        }
        JsonArrayBuilder datasets = Json.createArrayBuilder()
                .add(Charts.dataset(Messages.text("sup.cash"), cash, Charts.COLOURS[0]))
                .add(Charts.dataset(Messages.text("sup.inKind"), kind, Charts.COLOURS[1]));
        return Charts.bar(labels, datasets, Messages.text("sup.chart"), true);
    }

    /** The statement of account of the period, as an xlsx (refused, with a message, when the period is reversed). */
    public org.primefaces.model.StreamedContent getStatement() {
        DonorAccount statements = account;
        long id = donor;
        java.time.LocalDate first = from;
        java.time.LocalDate last = to;
        if (!periodIsSound()) {
            return null;
        }
        return org.trustfund.web.platform.ExcelDownload.of("statement",
                (locale, out) -> statements.statement(id, first, last, locale, out));
    }

    /** Both dates given and in order; otherwise said at the field, and nothing is downloaded. */
    private boolean periodIsSound() {
        if (from == null || to == null) {
            Messages.errorAt(from == null ? "statement:from" : "statement:to", "statement.period.required");
            return false;
        }
        if (from.isAfter(to)) {
            Messages.errorAt("statement:from", "period.reversed", from, to);
            return false;
        }
        return true;
    }

    /** The same statement as a PDF (the period checked as for the xlsx). */
    public org.primefaces.model.StreamedContent getStatementPdf() {
        DonorAccount statements = account;
        long id = donor;
        java.time.LocalDate first = from;
        java.time.LocalDate last = to;
        if (!periodIsSound()) {
            return null;
        }
        java.util.Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
        return org.primefaces.model.DefaultStreamedContent.builder()
                .name("statement-" + first + "-" + last + ".pdf")
                .contentType("application/pdf")
                .writer(out -> {
                    try {
                        out.write(statements.statementPdf(id, first, last, locale));
                    } catch (java.io.IOException e) {
                        // The client went away mid-download; nothing to show it.
                        throw new java.io.UncheckedIOException(e);
                    }
                })
                .build();
    }

    public java.time.LocalDate getFrom() { return from; }
    public void setFrom(java.time.LocalDate from) { this.from = from; }
    public java.time.LocalDate getTo() { return to; }
    public void setTo(java.time.LocalDate to) { this.to = to; }
    public DonorAccount.Summary getSummary() { return summary; }
    public List<PledgeSummary> getPledges() { return pledgeList; }
    public List<Contribution> getContributions() { return contributionList; }
    public List<InKindContribution> getInKind() { return inKindList; }
    public String getChart() { return chart; }
    public List<org.trustfund.donor.Donor> getChoices() { return choices; }
    public long getDonor() { return donor; }

    public org.trustfund.money.Money paidOn(org.trustfund.pledge.Instalment instalment) {
        return paid.getOrDefault(instalment.getId(), org.trustfund.money.Money.zero(instalment.getAmount().currency()));
    }

    public org.trustfund.money.Money openOn(org.trustfund.pledge.Instalment instalment) {
        return instalment.getAmount().minus(paidOn(instalment));
    }

    public boolean isOverdue(org.trustfund.pledge.Instalment instalment) {
        return instalment.overdue(java.time.LocalDate.now(), paidOn(instalment)).isPositive();
    }

    /**
     * Opens the page's view action: the bean is made (and its messages, e.g. an account linked to no donor, queued)
     * before the layout renders its message area, not after it when the content first names the bean.
     */
    public void open() {
        // Nothing more: making the bean was the point.
    }
}
