package org.trustfund.web.expenditure;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.trustfund.expenditure.AvailableBalance;
import org.trustfund.expenditure.ExpenditureService;
import org.trustfund.expenditure.ProgrammeSupportCosts;
import org.trustfund.expenditure.PscCharge;
import org.trustfund.expenditure.PscRate;
import org.trustfund.reference.ReferenceData;
import org.trustfund.security.Roles;
import org.trustfund.web.contribution.Choice;
import org.trustfund.web.platform.ListParameters;
import org.trustfund.web.platform.Messages;

/**
 * Backs {@code /finance/psc.xhtml?fund=&year=}: the programme support cost of a fund's year — the year's expenditure,
 * the rate (the fund's, or the year's own with its reason), what is due, what is already charged and what a run would
 * post — with the period-end run (idempotent: a second run posts nothing), the charges posted and their reversal, the
 * year's rate, and the fund's balance available for new commitments.
 */
@Named
@ViewScoped
public class PscPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private ExpenditureService service;

    @EJB
    private ReferenceData referenceData;

    private Long fundId;
    private int year = LocalDate.now().getYear();
    private List<Choice<Long>> funds = List.of();
    private ProgrammeSupportCosts.Computation computation;
    private List<PscCharge> charges = List.of();
    private Optional<PscRate> yearRate = Optional.empty();
    private AvailableBalance.Figures balance;

    private String rateText;
    private String rateReason;
    private Long reverseId;
    private String reason;

    @PostConstruct
    void load() {
        funds = referenceData.funds().stream().map(f -> new Choice<>(f.getId(), f.getCode())).toList();
        fundId = Optional.ofNullable(ListParameters.id("fund")).orElse(funds.isEmpty() ? null : funds.get(0).value());
        String y = ListParameters.text("year");
        if (y != null && y.matches("\\d{4}")) {
            year = Integer.parseInt(y);
        } else if (y != null) {
            Messages.errorAt("filters:year", "psc.year.future", y);
        }
        refresh();
    }

    private void refresh() {
        if (fundId == null) {
            return;
        }
        try {
            computation = service.pscFor(fundId, year);
            charges = service.pscCharges(fundId, year);
            yearRate = service.pscRate(fundId, year);
            balance = service.availableBalance(fundId);
        } catch (RuntimeException e) {
            computation = null;
            Messages.showFailure(e, "filters");
        }
    }

    private static boolean hasRole(String role) {
        return FacesContext.getCurrentInstance().getExternalContext().isUserInRole(role);
    }

    public boolean isCanRun() {
        return computation != null && (hasRole(Roles.FINANCE_OFFICER) || hasRole(Roles.CERTIFYING_OFFICER));
    }

    public boolean isCanReverse() {
        return hasRole(Roles.CERTIFYING_OFFICER);
    }

    public String show() {
        return address();
    }

    private String address() {
        return "/finance/psc?faces-redirect=true" + ListParameters.of().put("fund", fundId).put("year", year).query()
                .replaceFirst("^\\?", "&");
    }

    private String done(String key, Object... args) {
        Messages.info(key, args);
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
        return address();
    }

    public String run() {
        try {
            Optional<PscCharge> posted = service.runPsc(fundId, year);
            return posted.isPresent()
                    ? done("psc.page.ran", contributionUsd(posted.get().getAmountUsd()), String.valueOf(year))
                    : done("psc.page.nothing", String.valueOf(year));
        } catch (RuntimeException e) {
            Messages.showFailure(e, "run");
            return null;
        }
    }

    public String reverse() {
        PscCharge charge = charges.stream().filter(c -> c.getId().equals(reverseId)).findFirst().orElse(null);
        if (charge == null) {
            Messages.error("psc.unknown", String.valueOf(reverseId));
            return null;
        }
        try {
            service.reversePsc(charge.getId(), charge.getVersion(), reason);
            return done("psc.page.reversed", charge.getId());
        } catch (RuntimeException e) {
            Messages.showFailure(e, "reverse");
            return null;
        }
    }

    public String setRate() {
        BigDecimal rate = null;
        if (rateText != null && !rateText.isBlank()) {
            try {
                // Typed as a percentage, as officers speak of it: 13 or 13.5 (or 13,5).
                rate = new BigDecimal(rateText.strip().replace(',', '.').replace("%", "").strip()).movePointLeft(2);
            } catch (NumberFormatException e) {
                Messages.errorAt("rateForm:rate", "psc.rate.invalid");
                FacesContext.getCurrentInstance().validationFailed();
                return null;
            }
        }
        try {
            service.setPscRate(fundId, year, rate, rateReason, yearRate.map(PscRate::getVersion).orElse(0L));
            return done("psc.page.rateSet", String.valueOf(year));
        } catch (RuntimeException e) {
            Messages.showFailure(e, "rate");
            return null;
        }
    }

    private static String contributionUsd(BigDecimal v) {
        return org.trustfund.web.contribution.Amounts.money(org.trustfund.money.Money.of(v.setScale(2), "USD"),
                org.trustfund.web.platform.Numbers.locale());
    }

    public String percent(BigDecimal rate) {
        return rate == null ? "—" : rate.movePointRight(2).stripTrailingZeros().toPlainString() + " %";
    }

    public String getTitle() {
        return Messages.text("psc.page.title");
    }

    public List<Choice<Long>> getFunds() { return funds; }
    public Long getFundId() { return fundId; }
    public void setFundId(Long fundId) { this.fundId = fundId; }
    public int getYear() { return year; }
    public void setYear(int year) { this.year = year; }
    public ProgrammeSupportCosts.Computation getComputation() { return computation; }
    public List<PscCharge> getCharges() { return charges; }
    public PscRate getYearRate() { return yearRate.orElse(null); }
    public AvailableBalance.Figures getBalance() { return balance; }
    public String getRateText() { return rateText; }
    public void setRateText(String rateText) { this.rateText = rateText; }
    public String getRateReason() { return rateReason; }
    public void setRateReason(String rateReason) { this.rateReason = rateReason; }
    public Long getReverseId() { return reverseId; }
    public void setReverseId(Long reverseId) { this.reverseId = reverseId; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
}
