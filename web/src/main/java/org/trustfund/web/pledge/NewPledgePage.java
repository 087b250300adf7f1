package org.trustfund.web.pledge;

import jakarta.ejb.EJB;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.trustfund.donor.Donor;
import org.trustfund.donor.DonorService;
import org.trustfund.money.Money;
import org.trustfund.platform.BusinessException;
import org.trustfund.pledge.Pledge;
import org.trustfund.pledge.PledgeInput;
import org.trustfund.pledge.PledgeService;
import org.trustfund.reference.AcceptedCurrency;
import org.trustfund.reference.Fund;
import org.trustfund.reference.ReferenceData;
import org.trustfund.web.platform.Messages;
import org.trustfund.security.Roles;
import org.trustfund.web.platform.Pages;

/** Backs the form for a donor's new pledge and its instalment schedule ({@code ?donor=}). */
@Named
@ViewScoped
public class NewPledgePage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private PledgeService pledges;

    @EJB
    private DonorService donors;

    @EJB
    private ReferenceData reference;

    private Long donorId;
    private Donor donor;
    private List<Fund> funds;
    private List<AcceptedCurrency> currencies;
    private Long fundId;
    private BigDecimal amount;
    private String currency = "USD";
    private String purpose;
    private Integer firstYear = LocalDate.now().getYear();
    private Integer lastYear = LocalDate.now().getYear();
    private LocalDate pledgedOn = LocalDate.now();
    private final ScheduleEditor schedule = new ScheduleEditor();
    /** The due dates "split evenly" proposes; null keeps the rows' dates. */
    private ScheduleEditor.Frequency frequency;

    /** Opens the form for the donor in {@code ?donor=}; a missing or unknown donor is a not-found page. */
    public void open() {
        if (FacesContext.getCurrentInstance().isPostback() || !Pages.requireRole(Roles.FINANCE_OFFICER)) {
            return;
        }
        if (donorId == null) {
            Pages.notFound();
            return;
        }
        Optional<Donor> found = donors.find(donorId);
        if (found.isEmpty()) {
            Pages.notFound();
            return;
        }
        donor = found.get();
        funds = reference.funds();
        currencies = reference.currencies();
        if (funds.size() == 1) {
            fundId = funds.get(0).getId();
        }
        schedule.add();
    }

    public void addInstalment() {
        schedule.add();
    }

    public void removeInstalment(ScheduleEditor.Row row) {
        schedule.remove(row);
    }

    /** Splits the amount over the rows; with a frequency chosen, first proposes the rows' due dates too. */
    public void splitEvenly() {
        schedule.proposeDates(frequency, firstYear, lastYear, pledgedOn);
        schedule.splitEvenly(amount, currency);
    }

    public ScheduleEditor.Frequency getFrequency() {
        return frequency;
    }

    public void setFrequency(ScheduleEditor.Frequency frequency) {
        this.frequency = frequency;
    }

    public ScheduleEditor.Frequency[] getFrequencies() {
        return ScheduleEditor.Frequency.values();
    }

    /** The locale's decimal and grouping marks, for the running total's script. */
    public java.text.DecimalFormatSymbols getNumberSymbols() {
        return java.text.DecimalFormatSymbols.getInstance(
                jakarta.faces.context.FacesContext.getCurrentInstance().getViewRoot().getLocale());
    }

    public void save() throws IOException {
        Pledge created;
        try {
            if (amount == null) {
                throw new BusinessException("amount", "amount.required");
            }
            Money total;
            try {
                total = Money.of(amount, currency);
            } catch (IllegalArgumentException e) {
                throw new BusinessException("amount", "amount.decimals", currency);
            }
            created = pledges.create(new PledgeInput(donorId, fundId == null ? 0 : fundId, total, purpose,
                    firstYear == null ? 0 : firstYear, lastYear == null ? 0 : lastYear, pledgedOn,
                    schedule.toLines(currency)));
        } catch (RuntimeException e) {
            Messages.showFailure(e, "pledge");
            return;
        }
        ExternalContext ec = FacesContext.getCurrentInstance().getExternalContext();
        ec.getFlash().setKeepMessages(true);
        Messages.info("pledge.created", created.getId());
        ec.redirect(ec.getRequestContextPath() + "/finance/pledge.xhtml?id=" + created.getId());
    }

    public Long getDonorId() {
        return donorId;
    }

    public void setDonorId(Long donorId) {
        this.donorId = donorId;
    }

    /** The id as it came in the address: anything but a record id opens the not-found page. */
    public String getDonorIdParameter() {
        return donorId == null ? null : donorId.toString();
    }

    public void setDonorIdParameter(String parameter) {
        this.donorId = Pages.recordId(parameter);
    }

    public Donor getDonor() {
        return donor;
    }

    public List<Fund> getFunds() {
        return funds;
    }

    public List<AcceptedCurrency> getCurrencies() {
        return currencies;
    }

    public Long getFundId() {
        return fundId;
    }

    public void setFundId(Long fundId) {
        this.fundId = fundId;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public void setAmount(BigDecimal amount) {
        this.amount = amount;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public String getPurpose() {
        return purpose;
    }

    public void setPurpose(String purpose) {
        this.purpose = purpose;
    }

    public Integer getFirstYear() {
        return firstYear;
    }

    public void setFirstYear(Integer firstYear) {
        this.firstYear = firstYear;
    }

    public Integer getLastYear() {
        return lastYear;
    }

    public void setLastYear(Integer lastYear) {
        this.lastYear = lastYear;
    }

    public LocalDate getPledgedOn() {
        return pledgedOn;
    }

    public void setPledgedOn(LocalDate pledgedOn) {
        this.pledgedOn = pledgedOn;
    }

    public ScheduleEditor getSchedule() {
        return schedule;
    }

    public BigDecimal getScheduleTotal() {
        return schedule.total();
    }
}
