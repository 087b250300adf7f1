package org.trustfund.web.pledge;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;
import org.primefaces.model.StreamedContent;
import org.trustfund.pledge.PledgeQuery;
import org.trustfund.pledge.PledgeRow;
import org.trustfund.pledge.PledgeService;
import org.trustfund.pledge.PledgeStatus;
import org.trustfund.reference.AcceptedCurrency;
import org.trustfund.reference.ReferenceData;
import org.trustfund.web.contribution.Choice;
import org.trustfund.web.platform.ExcelDownload;

/**
 * Backs the pledge list: every donor's pledges with what each still owes, filters above a lazy table whose
 * paging and sorting happen in the database, and its export.
 */
@Named
@ViewScoped
public class PledgeListPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private PledgeService pledges;

    @EJB
    private ReferenceData referenceData;

    private String donorName;
    private Long fundId;
    private PledgeStatus status;
    private String currency;
    private List<Choice<Long>> funds;
    private List<String> currencies;
    /** The table's sort as last loaded, for the export: it lists the rows in the order the table shows them. */
    private PledgeQuery.Sort shownSort = PledgeQuery.Sort.PLEDGED_ON;
    private boolean shownDescending = true;

    private final LazyDataModel<PledgeRow> rows = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return Math.toIntExact(pledges.count(query(null)));
        }

        @Override
        public List<PledgeRow> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            SortMeta sort = sortBy.values().stream().filter(s -> s.getOrder() != SortOrder.UNSORTED).findFirst().orElse(null);
            PledgeQuery query = query(sort);
            shownSort = query.sort();
            shownDescending = query.descending();
            return pledges.search(query, first, pageSize);
        }

        @Override
        public String getRowKey(PledgeRow row) {
            return String.valueOf(row.id());
        }

        @Override
        public PledgeRow getRowData(String rowKey) {
            return null;
        }
    };

    @PostConstruct
    void init() {
        funds = referenceData.funds().stream().map(f -> new Choice<>(f.getId(), f.getCode() + " – " + f.getName())).toList();
        currencies = referenceData.currencies().stream().map(AcceptedCurrency::getCode).toList();
    }

    private PledgeQuery query(SortMeta sort) {
        PledgeQuery.Sort by = PledgeQuery.Sort.PLEDGED_ON;
        boolean descending = true;
        if (sort != null) {
            by = switch (sort.getField()) {
                case "donor" -> PledgeQuery.Sort.DONOR;
                case "status" -> PledgeQuery.Sort.STATUS;
                default -> PledgeQuery.Sort.PLEDGED_ON;
            };
            descending = sort.getOrder() == SortOrder.DESCENDING;
        }
        return new PledgeQuery(donorName, fundId, status, currency, by, descending);
    }

    /** The pledges the filters select, in the table's order, as an xlsx streamed to the browser. */
    public StreamedContent getExport() {
        PledgeQuery filters = query(null);
        PledgeQuery query = new PledgeQuery(filters.donorName(), filters.fundId(), filters.status(), filters.currency(),
                shownSort, shownDescending);
        PledgeService service = pledges;
        return ExcelDownload.of("pledges", (locale, out) -> service.export(query, locale, out));
    }

    public void clear() {
        donorName = null;
        fundId = null;
        status = null;
        currency = null;
    }

    public LazyDataModel<PledgeRow> getRows() {
        return rows;
    }

    public PledgeStatus[] getStatuses() {
        return PledgeStatus.values();
    }

    public List<Choice<Long>> getFunds() {
        return funds;
    }

    public List<String> getCurrencies() {
        return currencies;
    }

    public String getDonorName() {
        return donorName;
    }

    public void setDonorName(String donorName) {
        this.donorName = donorName;
    }

    public Long getFundId() {
        return fundId;
    }

    public void setFundId(Long fundId) {
        this.fundId = fundId;
    }

    public PledgeStatus getStatus() {
        return status;
    }

    public void setStatus(PledgeStatus status) {
        this.status = status;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }
}
