package org.trustfund.web.travel;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.primefaces.model.StreamedContent;
import org.trustfund.reference.ReferenceData;
import org.trustfund.travel.Participation;
import org.trustfund.web.contribution.Choice;
import org.trustfund.web.platform.Charts;
import org.trustfund.web.platform.ExcelDownload;
import org.trustfund.web.platform.ListParameters;
import org.trustfund.web.platform.Messages;

/**
 * Backs {@code /finance/participation.xhtml?year=&fund=}: who the fund's travel support reached in a year (funded
 * trips and US dollars by region, development status, gender, stakeholder group and programme), each grouping as a
 * table and a chart, and the same figures as an xlsx. The year defaults to the current one, as the API's does.
 */
@Named
@ViewScoped
public class ParticipationPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private Participation participation;

    @EJB
    private ReferenceData referenceData;

    private int year = LocalDate.now().getYear();
    private Long fundId;
    private List<Choice<Long>> funds = List.of();
    private Participation.Report report;
    private final Map<Participation.Dimension, String> charts = new EnumMap<>(Participation.Dimension.class);

    @PostConstruct
    void load() {
        funds = referenceData.funds().stream().map(f -> new Choice<>(f.getId(), f.getCode())).toList();
        fundId = ListParameters.id("fund");
        String y = ListParameters.text("year");
        if (y != null) {
            if (y.matches("\\d{4}")) {
                year = Integer.parseInt(y);
            } else {
                Messages.errorAt("filters:year", "travel.participation.year", y);
            }
        }
        try {
            report = participation.of(fundId, year);
            for (Participation.Dimension d : Participation.Dimension.values()) {
                charts.put(d, chart(d, report.rows().get(d)));
            }
        } catch (RuntimeException e) {
            report = null;
            Messages.showFailure(e, "filters");
        }
    }

    /** A group's label: a region is its own name; the other groupings are translated. */
    public String label(Participation.Dimension d, String key) {
        return d.labelPrefix() == null ? key : Messages.text(labelKey(d) + key);
    }

    private static String labelKey(Participation.Dimension d) {
        return switch (d) {
            case DEVELOPMENT_STATUS -> "country.status.";
            case GENDER -> "tp.gender.";
            case STAKEHOLDER_GROUP -> "group.";
            case PROGRAMME -> "travel.programme.";
            case REGION -> "";
        };
    }

    private String chart(Participation.Dimension d, List<Participation.Row> rows) {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder values = Json.createArrayBuilder();
        for (Participation.Row r : rows) {
            labels.add(label(d, r.key()));
            values.add(r.usd());
        }
        JsonArrayBuilder datasets = Json.createArrayBuilder().add(Charts.dataset("USD", values,
                Charts.COLOURS[d.ordinal() % Charts.COLOURS.length]));
        return Charts.bar(labels, datasets, Messages.text("tp.part.dimension." + d.name()), false);
    }

    public String show() {
        return "/finance/participation?faces-redirect=true" + ListParameters.of().put("year", year).put("fund", fundId)
                .query().replaceFirst("^\\?", "&");
    }

    public StreamedContent getExport() {
        Participation p = participation;
        Long fund = fundId;
        int y = year;
        return ExcelDownload.of("participation", (locale, out) -> p.export(fund, y, locale, out));
    }

    public String getTitle() {
        return Messages.text("tp.part.title");
    }

    public List<Participation.Dimension> getDimensions() {
        return new ArrayList<>(List.of(Participation.Dimension.values()));
    }

    public String chartOf(Participation.Dimension d) {
        return charts.get(d);
    }

    public Participation.Report getReport() { return report; }
    public List<Choice<Long>> getFunds() { return funds; }
    public int getYear() { return year; }
    public void setYear(int year) { this.year = year; }
    public Long getFundId() { return fundId; }
    public void setFundId(Long fundId) { this.fundId = fundId; }
}
