package org.trustfund.web.ledger;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;
import org.trustfund.ledger.LedgerPeriod;
import org.trustfund.ledger.LedgerWorkbooks;
import org.trustfund.ledger.TrialBalance;
import org.trustfund.ledger.TrialBalanceReport;
import org.trustfund.reference.Fund;
import org.trustfund.reference.ReferenceData;
import org.trustfund.web.platform.Messages;
import org.trustfund.web.security.CurrentUser;

/**
 * Backs the trial balance ({@code ?fund=&from=&to=}, each optional): a fund and a period (the current year to today
 * unless chosen; a year picked fills both dates), every account's figures, and the same as an xlsx. Read-only:
 * the Back button and a second click only read again.
 */
@Named
@ViewScoped
public class TrialBalancePage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private TrialBalance trialBalance;

    @EJB
    private ReferenceData reference;

    @Inject
    private CurrentUser user;

    private List<Fund> funds = List.of();
    private Long fundId;
    private LocalDate from;
    private LocalDate to;
    private Integer year;
    private TrialBalanceReport report;

    @PostConstruct
    void load() {
        if (!LedgerReaders.admit()) {
            return;
        }
        funds = reference.funds();
        Map<String, String> params = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        String asked = params.get("fund");
        if (asked != null && asked.matches("\\d{1,18}")) {
            long id = Long.parseLong(asked);
            fundId = funds.stream().map(Fund::getId).filter(f -> f == id).findFirst().orElse(null);
        }
        from = date(params.get("from"), null);
        to = date(params.get("to"), null);
        show();
    }

    /** What is left open takes its default: the first fund, the current year up to today. */
    private void fillDefaults() {
        if (fundId == null && !funds.isEmpty()) {
            fundId = funds.get(0).getId();
        }
        Clock utc = Clock.systemUTC();
        from = from == null ? LedgerPeriod.defaultFrom(utc) : from;
        to = to == null ? LedgerPeriod.defaultTo(utc) : to;
    }

    private static LocalDate date(String text, LocalDate otherwise) {
        try {
            return text == null ? otherwise : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return otherwise;
        }
    }

    /** Reads the trial balance for the fund and dates as they are now. */
    public void show() {
        report = null;
        fillDefaults();
        if (fundId == null) {
            return;
        }
        try {
            report = trialBalance.of(fundId, from, to);
        } catch (RuntimeException e) {
            Messages.showFailure(e, "tb");
        }
    }

    /** A year picked: the whole year, or up to today for the current one. */
    public void yearPicked() {
        if (year != null) {
            LocalDate today = LocalDate.now(Clock.systemUTC());
            from = LocalDate.of(year, 1, 1);
            to = year == today.getYear() ? today : LocalDate.of(year, 12, 31);
            show();
        }
    }

    /** The years a fund has had, newest first, for the picker. */
    public List<Integer> getYears() {
        int first = funds.stream().filter(f -> f.getId().equals(fundId)).findFirst()
                .map(f -> f.getStartDate().getYear()).orElse(LocalDate.now(Clock.systemUTC()).getYear());
        List<Integer> years = new ArrayList<>();
        for (int y = LocalDate.now(Clock.systemUTC()).getYear(); y >= first; y--) {
            years.add(y);
        }
        return years;
    }

    /**
     * The trial balance of the fund and dates submitted with the button, as xlsx; null (the page shows why) if they
     * are refused.
     */
    public StreamedContent getExport() {
        fillDefaults();
        if (fundId == null) {
            return null;
        }
        TrialBalanceReport r;
        try {
            r = trialBalance.of(fundId, from, to);
        } catch (RuntimeException e) {
            Messages.showFailure(e, "tb");
            return null;
        }
        String by = user.getUsername();
        Instant at = Instant.now();
        Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
        return DefaultStreamedContent.builder().contentType(LedgerReaders.XLSX)
                .name(LedgerReaders.fileName("trial-balance", r.fundCode(), r.from(), r.to()))
                .writer(out -> {
                    try {
                        LedgerWorkbooks.trialBalance(r, key -> Messages.text(locale, key), by, at, out);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }).build();
    }

    public boolean isBalanced() {
        return report != null && report.totalDebits().compareTo(report.totalCredits()) == 0;
    }

    public List<Fund> getFunds() {
        return funds;
    }

    public Long getFundId() {
        return fundId;
    }

    public void setFundId(Long fundId) {
        this.fundId = fundId;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }

    public Integer getYear() {
        return year;
    }

    public void setYear(Integer year) {
        this.year = year;
    }

    public TrialBalanceReport getReport() {
        return report;
    }
}
