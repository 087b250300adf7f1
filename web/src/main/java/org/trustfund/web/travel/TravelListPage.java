package org.trustfund.web.travel;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import org.trustfund.reference.ReferenceData;
import org.trustfund.travel.TravelQuery;
import org.trustfund.travel.TravelRequest;
import org.trustfund.travel.TravelService;
import org.trustfund.travel.TravelStatus;
import org.trustfund.web.contribution.Choice;
import org.trustfund.web.platform.ListParameters;
import org.trustfund.web.platform.Messages;
import org.trustfund.web.platform.PagedRows;

/**
 * Backs {@code /finance/travel.xhtml}: travel requests filtered by fund, programme, status, traveller and departure
 * date, or only the paid trips whose post-trip report is outstanding; the filters in the address, paged in the
 * database, newest departure first.
 */
@Named
@ViewScoped
public class TravelListPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private TravelService service;

    @EJB
    private ReferenceData referenceData;

    private Long fundId;
    private Long programmeId;
    private TravelStatus status;
    private String travellerName;
    private LocalDate from;
    private LocalDate to;
    private boolean reportsOutstanding;
    private long[] reports = {0, 0};
    private List<Choice<Long>> funds = List.of();
    private List<Choice<Long>> programmes = List.of();
    private TravelQuery shown;

    private final PagedRows<TravelRequest> rows = new PagedRows<>(() -> service.count(shown),
            (first, size) -> service.search(shown, first, size), TravelRequest::getId);

    @PostConstruct
    void readParameters() {
        funds = referenceData.funds().stream().map(f -> new Choice<>(f.getId(), f.getCode())).toList();
        programmes = service.programmes().stream().map(p -> new Choice<>(p.getId(),
                Messages.text("travel.programme." + p.getCode()))).toList();
        fundId = ListParameters.id("fund");
        programmeId = ListParameters.id("programme");
        status = ListParameters.choice("status", TravelStatus.class);
        travellerName = ListParameters.text("traveller");
        from = ListParameters.date("from");
        to = ListParameters.date("to");
        reportsOutstanding = "true".equals(ListParameters.text("reports"));
        if (from != null && to != null && from.isAfter(to)) {
            Messages.errorAt("filters:from", "period.reversed", from, to);
            from = null;
            to = null;
        }
        shown = new TravelQuery(fundId, programmeId, null, status, travellerName, from, to, reportsOutstanding);
        reports = service.reportsOutstandingAndOverdue();
    }

    public String apply() {
        return "/finance/travel?faces-redirect=true" + ListParameters.of().put("fund", fundId).put("programme", programmeId)
                .put("status", status).put("traveller", travellerName).put("from", from).put("to", to)
                .put("reports", reportsOutstanding ? "true" : null).query().replaceFirst("^\\?", "&");
    }

    public String clear() {
        return "/finance/travel?faces-redirect=true";
    }

    public String getTitle() {
        return Messages.text("tp.list.title");
    }

    public long getOutstandingReports() { return reports[0]; }
    public long getOverdueReports() { return reports[1]; }
    public PagedRows<TravelRequest> getRows() { return rows; }
    public List<Choice<Long>> getFunds() { return funds; }
    public List<Choice<Long>> getProgrammes() { return programmes; }
    public TravelStatus[] getStatuses() { return TravelStatus.values(); }
    public Long getFundId() { return fundId; }
    public void setFundId(Long fundId) { this.fundId = fundId; }
    public Long getProgrammeId() { return programmeId; }
    public void setProgrammeId(Long programmeId) { this.programmeId = programmeId; }
    public TravelStatus getStatus() { return status; }
    public void setStatus(TravelStatus status) { this.status = status; }
    public String getTravellerName() { return travellerName; }
    public void setTravellerName(String travellerName) { this.travellerName = travellerName; }
    public LocalDate getFrom() { return from; }
    public void setFrom(LocalDate from) { this.from = from; }
    public LocalDate getTo() { return to; }
    public void setTo(LocalDate to) { this.to = to; }
    public boolean isReportsOutstanding() { return reportsOutstanding; }
    public void setReportsOutstanding(boolean reportsOutstanding) { this.reportsOutstanding = reportsOutstanding; }
}
