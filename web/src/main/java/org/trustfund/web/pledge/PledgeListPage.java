package org.trustfund.web.pledge;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.event.data.SortEvent;
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
import org.trustfund.web.platform.ListParameters;
import org.trustfund.web.platform.Messages;

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
    /** The query of the rows last shown, for the export: the same filters and order, whatever was typed since. */
    private PledgeQuery shown;
    /** The sort the address asked for or the user clicked; null for the default, newest pledged first. */
    private SortMeta sortBy;

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
            shown = query;
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
        donorName = ListParameters.text("donorName");
        Long fund = ListParameters.id("fund");
        if (fund != null && funds.stream().anyMatch(f -> f.value().equals(fund))) {
            fundId = fund;
        } else if (fund != null) {
            Messages.error("wl.param.invalid", "fund", fund);
        }
        status = ListParameters.choice("status", PledgeStatus.class);
        String c = ListParameters.text("currency");
        if (c != null && currencies.contains(c.toUpperCase(java.util.Locale.ROOT))) {
            currency = c.toUpperCase(java.util.Locale.ROOT);
        } else if (c != null) {
            Messages.error("wl.param.invalid", "currency", c);
        }
        sortBy = ListParameters.sort("donor", "status", "pledgedOn");
        shown = query(sortBy);
    }

    /** After Filter or Clear: the address shows the filters now applied. */
    public void apply() {
        PledgeQuery q = query(sortBy);
        ListParameters.of().put("donorName", q.donorName()).put("fund", q.fundId()).put("status", q.status())
                .put("currency", q.currency()).sort(switch (q.sort()) {
                    case DONOR -> "donor";
                    case STATUS -> "status";
                    default -> "pledgedOn";
                }, q.descending(), "pledgedOn", true).show();
    }

    public void sorted(SortEvent event) {
        sortBy = event.getSortBy().values().stream().filter(m -> m.getOrder() != SortOrder.UNSORTED).findFirst()
                .orElse(null);
        apply();
    }

    /** The table's first sort: the one the address asked for, else newest pledged first. */
    public SortMeta getSortBy() {
        return sortBy != null ? sortBy : SortMeta.builder().field("pledgedOn").order(SortOrder.DESCENDING).build();
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
        PledgeQuery query = shown;
        PledgeService service = pledges;
        return ExcelDownload.of("pledges", (locale, out) -> service.export(query, locale, out));
    }

    public void clear() {
        donorName = null;
        fundId = null;
        status = null;
        currency = null;
        apply();
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

    /** The page's view action: creating the bean reads the address (see the @PostConstruct method); nothing more. */
    public void open() {
        // Reading happens on construction.
    }
}
