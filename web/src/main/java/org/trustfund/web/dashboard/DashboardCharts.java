package org.trustfund.web.dashboard;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.trustfund.donor.StakeholderGroup;
import org.trustfund.ledger.FundFigures;
import org.trustfund.reference.Fund;
import org.trustfund.reference.ReferenceData;
import org.trustfund.web.platform.Charts;
import org.trustfund.web.platform.Messages;
import org.trustfund.web.security.CurrentUser;

/**
 * The staff dashboard's charts for one fund: pledged, agreed and received over the last ten years, and the
 * chosen year's revenue by stakeholder group. Built as Chart.js configurations (PrimeFaces {@code p:chart}).
 */
@Named
@ViewScoped
public class DashboardCharts implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int YEARS = 10;
    private static final String[] COLOURS = Charts.COLOURS;

    @EJB
    private FundFigures figures;

    @EJB
    private ReferenceData reference;

    @Inject
    private CurrentUser currentUser;

    private List<Fund> funds = List.of();
    private Long fundId;
    private int year;
    private String byYear;
    private String byGroup;

    @PostConstruct
    void init() {
        year = LocalDate.now().getYear();
        if (isShown()) {
            funds = reference.funds();
            fundId = funds.isEmpty() ? null : funds.get(0).getId();
            refresh();
        }
    }

    /** Finance staff and auditors: the figures are the fund's books. */
    public boolean isShown() {
        return currentUser.hasRole("FINANCE_OFFICER") || currentUser.hasRole("CERTIFYING_OFFICER")
                || currentUser.hasRole("AUDITOR");
    }

    public void refresh() {
        if (fundId == null || funds.stream().noneMatch(f -> f.getId().equals(fundId))) {
            byYear = null;
            byGroup = null;
            return;
        }
        int last = LocalDate.now().getYear();
        List<FundFigures.YearTotals> totals = figures.byYear(fundId, last - YEARS + 1, last);
        byYear = barChart(totals);
        byGroup = groupChart(figures.revenueByGroup(fundId, year));
    }

    private String barChart(List<FundFigures.YearTotals> totals) {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder pledged = Json.createArrayBuilder();
        JsonArrayBuilder agreed = Json.createArrayBuilder();
        JsonArrayBuilder received = Json.createArrayBuilder();
        for (FundFigures.YearTotals t : totals) {
            labels.add(String.valueOf(t.year()));
            pledged.add(t.pledged());
            agreed.add(t.agreed());
            received.add(t.received());
        }
        JsonArrayBuilder datasets = Json.createArrayBuilder()
                .add(Charts.dataset(Messages.text("dashboard.chart.pledged"), pledged, COLOURS[0]))
                .add(Charts.dataset(Messages.text("dashboard.chart.agreed"), agreed, COLOURS[1]))
                .add(Charts.dataset(Messages.text("dashboard.chart.received"), received, COLOURS[2]));
        return Charts.bar(labels, datasets, Messages.text("dashboard.chart.byYear"), true);
    }

    private String groupChart(Map<StakeholderGroup, BigDecimal> revenue) {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder values = Json.createArrayBuilder();
        JsonArrayBuilder colours = Json.createArrayBuilder();
        int i = 0;
        for (Map.Entry<StakeholderGroup, BigDecimal> e : revenue.entrySet()) {
            labels.add(Messages.text("group." + e.getKey().name()));
            values.add(e.getValue());
            colours.add(COLOURS[i++ % COLOURS.length]);
        }
        JsonArrayBuilder datasets = Json.createArrayBuilder().add(Json.createObjectBuilder()
                .add("label", Messages.text("dashboard.chart.revenue")).add("data", values).add("backgroundColor", colours));
        return Charts.bar(labels, datasets, Messages.text("dashboard.chart.byGroup", String.valueOf(year)), false);
    }

    /** The years the revenue chart can show: the current one and the nine before it. */
    public List<Integer> getYears() {
        List<Integer> years = new ArrayList<>();
        for (int y = LocalDate.now().getYear(); y > LocalDate.now().getYear() - YEARS; y--) {
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

    public int getYear() {
        return year;
    }

    public void setYear(int year) {
        this.year = year;
    }

    public String getByYear() {
        return byYear;
    }

    public String getByGroup() {
        return byGroup;
    }
}
