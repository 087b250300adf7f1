package org.trustfund.web.recognition;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;
import org.trustfund.recognition.Givers;
import org.trustfund.recognition.GiversList;
import org.trustfund.reference.Fund;
import org.trustfund.reference.ReferenceData;
import org.trustfund.web.platform.Messages;

/**
 * Backs {@code /finance/givers.xhtml?fund=&year=}: the givers' list of a fund and year. Fund and year are in the
 * address (Show reloads the page with them), so the list can be bookmarked and the Back button shows the previous one.
 */
@Named
@ViewScoped
public class GiversPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @EJB
    private GiversList givers;

    @EJB
    private ReferenceData reference;

    private List<Fund> funds = List.of();
    private Long fundId;
    private Integer year;
    private Givers list;

    @PostConstruct
    void load() {
        funds = reference.funds();
        Map<String, String> params = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        String fund = params.get("fund");
        if (fund != null && fund.matches("\\d{1,18}")) {
            long id = Long.parseLong(fund);
            fundId = funds.stream().map(Fund::getId).filter(f -> f == id).findFirst().orElse(null);
        }
        if (fundId == null && !funds.isEmpty()) {
            fundId = funds.get(0).getId();
        }
        year = LocalDate.now(Clock.systemUTC()).getYear();
        String y = params.get("year");
        if (y != null && y.matches("\\d{4}")) {
            year = Integer.parseInt(y);
        }
        if (fundId != null) {
            try {
                list = givers.of(fundId, year);
            } catch (RuntimeException e) {
                Messages.showFailure(e, "givers");
            }
        }
    }

    /** Show: the same page with the fund and year in its address. */
    public String show() {
        return "/finance/givers?faces-redirect=true&fund=" + fundId + "&year=" + year;
    }

    /** The list as xlsx, asked of the service again (its role check and the year's check apply to the file too). */
    public StreamedContent getExport() {
        // A form posted without the menus' values (a script, a bookmark) gets the defaults the page opens with.
        if (fundId == null && !funds.isEmpty()) {
            fundId = funds.get(0).getId();
        }
        if (year == null) {
            year = LocalDate.now(Clock.systemUTC()).getYear();
        }
        if (fundId == null) {
            return null;
        }
        try {
            givers.of(fundId, year);
        } catch (RuntimeException e) {
            Messages.showFailure(e, "givers");
            return null;
        }
        Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
        long fund = fundId;
        int wanted = year;
        String code = funds.stream().filter(f -> f.getId().equals(fundId)).map(Fund::getCode).findFirst().orElse("fund");
        return DefaultStreamedContent.builder().contentType(XLSX)
                .name(("givers-" + code + "-" + year).replaceAll("[^A-Za-z0-9._-]", "_") + ".xlsx")
                .writer(out -> {
                    try {
                        givers.export(fund, wanted, locale, out);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }).build();
    }

    /** The years of the chosen fund, newest first. */
    public List<Integer> getYears() {
        int first = funds.stream().filter(f -> f.getId().equals(fundId)).findFirst()
                .map(f -> f.getStartDate().getYear()).orElse(LocalDate.now(Clock.systemUTC()).getYear());
        List<Integer> years = new ArrayList<>();
        for (int y = LocalDate.now(Clock.systemUTC()).getYear(); y >= first; y--) {
            years.add(y);
        }
        return years;
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

    public Integer getYear() {
        return year;
    }

    public void setYear(Integer year) {
        this.year = year;
    }

    public Givers getList() {
        return list;
    }

    /**
     * The page title. Asked first, in the head, it creates the page's bean there: what the address gets wrong is then
     * said in the page's messages, which are written before the list.
     */
    public String getTitle() {
        return Messages.text("givers.pageTitle");
    }
}
