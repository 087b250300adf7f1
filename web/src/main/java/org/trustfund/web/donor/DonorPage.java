package org.trustfund.web.donor;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.trustfund.audit.AuditEntry;
import org.trustfund.audit.AuditLog;
import org.trustfund.contribution.Contribution;
import org.trustfund.contribution.ContributionQuery;
import org.trustfund.contribution.ContributionService;
import org.trustfund.donor.Donor;
import org.trustfund.donor.DonorService;
import org.trustfund.money.Money;
import org.trustfund.platform.UnknownRecordException;
import org.trustfund.pledge.PledgeService;
import org.trustfund.pledge.PledgeSummary;
import org.trustfund.reference.DevelopmentStatus;
import org.trustfund.reference.ReferenceData;
import org.trustfund.web.platform.Pages;

/**
 * Backs a donor's page: who they are, their pledges with what is paid and outstanding, their
 * contributions, and the history of changes to the donor record.
 */
@Named
@ViewScoped
public class DonorPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private DonorService donors;

    @EJB
    private PledgeService pledgeService;

    @EJB
    private ContributionService contributionService;

    @EJB
    private AuditLog auditLog;

    @EJB
    private org.trustfund.inkind.InKindService inKindService;

    @EJB
    private ReferenceData referenceData;

    private Long id;
    private Donor donor;
    private List<PledgeSummary> pledges;
    private List<Contribution> contributions;
    private List<org.trustfund.inkind.InKindContribution> inKind;
    private List<AuditEntry> history;
    private List<Money> heldUnapplied;
    private DevelopmentStatus countryStatus;

    /** Opens the page; a missing or unknown id is a not-found page. */
    public void open() {
        Pages.openRecord(id, this::load);
    }

    public void load() {
        donor = donors.find(id).orElseThrow(() -> new UnknownRecordException("donor.unknown", id));
        pledges = pledgeService.summariesForDonor(id);
        contributions = contributionService.search(new ContributionQuery(id, null, null, null, null, null,
                ContributionQuery.Sort.RECEIVED, true), 0, 200);
        inKind = inKindService.search(org.trustfund.inkind.InKindQuery.all().withDonor(id), 0, 200);
        history = auditLog.historyOf("Donor", id, 50);
        heldUnapplied = contributionService.heldUnappliedOfDonor(id);
        countryStatus = referenceData.developmentStatusOn(donor.getCountry().getCode(), LocalDate.now(ZoneOffset.UTC))
                .orElse(null);
    }

    /** What the donor's certified contributions hold as unapplied receipts, per currency. */
    public List<Money> getHeldUnapplied() {
        return heldUnapplied;
    }

    /** The development status of the donor's country today. */
    public DevelopmentStatus getCountryStatus() {
        return countryStatus;
    }

    /** Outstanding per currency, never added across currencies. */
    public Map<String, Money> getOutstandingByCurrency() {
        Map<String, Money> totals = new TreeMap<>();
        for (PledgeSummary p : pledges) {
            Money owed = p.outstanding();
            if (owed.isPositive()) {
                totals.merge(owed.currencyCode(), owed, Money::plus);
            }
        }
        return totals;
    }

    public List<Money> getOutstanding() {
        return List.copyOf(getOutstandingByCurrency().values());
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    /** The id as it came in the address: anything but a record id opens the not-found page. */
    public String getIdParameter() {
        return id == null ? null : id.toString();
    }

    public void setIdParameter(String parameter) {
        this.id = Pages.recordId(parameter);
    }

    /** The day the donor was merged into another, in UTC, as the audit log shows dates. */
    public String getMergedOn() {
        return donor == null || donor.getMergedAt() == null ? null
                : java.time.LocalDate.ofInstant(donor.getMergedAt(), java.time.ZoneOffset.UTC).toString();
    }

    public Donor getDonor() {
        return donor;
    }

    public List<PledgeSummary> getPledges() {
        return pledges;
    }

    /** The donor's in-kind support, newest first (goods recognized, services disclosed). */
    public List<org.trustfund.inkind.InKindContribution> getInKind() {
        return inKind;
    }

    public List<Contribution> getContributions() {
        return contributions;
    }

    public List<AuditEntry> getHistory() {
        return history;
    }
}
