package org.trustfund.web.contribution;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.primefaces.event.data.SortEvent;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;
import org.primefaces.model.StreamedContent;
import org.trustfund.contribution.Contribution;
import org.trustfund.contribution.ContributionQuery;
import org.trustfund.contribution.ContributionService;
import org.trustfund.contribution.ContributionStatus;
import org.trustfund.donor.DonorService;
import org.trustfund.reference.AcceptedCurrency;
import org.trustfund.reference.ReferenceData;
import org.trustfund.web.platform.ExcelDownload;
import org.trustfund.web.platform.ListParameters;
import org.trustfund.web.platform.Messages;

/**
 * Backs the contribution list: filters above a lazy table whose paging, filtering and sorting happen in
 * the database. {@code ?status=RECORDED} opens it as the certifier's queue, {@code ?donor=<id>} shows one
 * donor's contributions.
 */
@Named
@ViewScoped
public class ContributionListPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private ContributionService contributions;

    @EJB
    private DonorService donors;

    @EJB
    private ReferenceData referenceData;

    private Long donorId;
    private String donorLabel;
    private String donorName;
    private ContributionStatus status;
    private String currency;
    private LocalDate from;
    private LocalDate to;
    private List<String> currencies;
    /** The query of the rows last shown, for the export: the same filters and order, whatever was typed since. */
    private ContributionQuery shown;
    /** The sort the address asked for or the user clicked; null for the default, newest received first. */
    private SortMeta sortBy;

    private final LazyDataModel<Contribution> rows = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        /** The filters the last count was made for, and its result. */
        private ContributionQuery counted;
        private int count;

        /**
         * Counts again only when the filters change: paging and sorting keep the count, which at a few hundred
         * thousand contributions costs more than the page itself. Opening the page again counts afresh.
         */
        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            ContributionQuery filters = query(null);
            if (!filters.equals(counted)) {
                count = Math.toIntExact(contributions.count(filters));
                counted = filters;
            }
            return count;
        }

        @Override
        public List<Contribution> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                Map<String, FilterMeta> filterBy) {
            SortMeta sort = sortBy.values().stream().filter(s -> s.getOrder() != SortOrder.UNSORTED).findFirst().orElse(null);
            ContributionQuery query = query(sort);
            shown = query;
            return contributions.search(query, first, pageSize);
        }

        @Override
        public String getRowKey(Contribution c) {
            return String.valueOf(c.getId());
        }

        @Override
        public Contribution getRowData(String rowKey) {
            return null;
        }
    };

    /**
     * Reads the filters and sort from the address (see {@link ListParameters}): {@code ?status=RECORDED} is the
     * certifier's queue, {@code ?donor=<id>} one donor's contributions.
     */
    @PostConstruct
    void readParameters() {
        status = ListParameters.choice("status", ContributionStatus.class);
        Long d = ListParameters.id("donor");
        if (d != null) {
            donors.find(d).ifPresent(donor -> {
                donorId = donor.getId();
                donorLabel = donor.getName();
            });
        }
        donorName = ListParameters.text("donorName");
        currencies = referenceData.currencies().stream().map(AcceptedCurrency::getCode).toList();
        String c = ListParameters.text("currency");
        if (c != null && currencies.contains(c.toUpperCase(java.util.Locale.ROOT))) {
            currency = c.toUpperCase(java.util.Locale.ROOT);
        } else if (c != null) {
            Messages.error("wl.param.invalid", "currency", c);
        }
        from = ListParameters.date("from");
        to = ListParameters.date("to");
        if (from != null && to != null && from.isAfter(to)) {
            Messages.errorAt("contributions:from", "period.reversed", from, to);
            from = null;
            to = null;
        }
        sortBy = ListParameters.sort("receivedDate", "donor", "usdAmount", "status");
        shown = query(sortBy);
    }

    /** After Filter, Clear or "show all donors": the address shows the filters now applied. */
    public void apply() {
        ContributionQuery q = query(sortBy);
        ListParameters.of().put("donor", q.donorId()).put("donorName", q.donorName()).put("status", q.status())
                .put("currency", q.currency()).put("from", q.from()).put("to", q.to())
                .sort(field(q.sort()), q.descending(), "receivedDate", true).show();
    }

    public void sorted(SortEvent event) {
        sortBy = event.getSortBy().values().stream().filter(m -> m.getOrder() != SortOrder.UNSORTED).findFirst()
                .orElse(null);
        apply();
    }

    private static String field(ContributionQuery.Sort sort) {
        return switch (sort) {
            case DONOR -> "donor";
            case AMOUNT_USD -> "usdAmount";
            case STATUS -> "status";
            default -> "receivedDate";
        };
    }

    /** The table's first sort: the one the address asked for, else newest received first. */
    public SortMeta getSortBy() {
        return sortBy != null ? sortBy
                : SortMeta.builder().field("receivedDate").order(SortOrder.DESCENDING).build();
    }

    ContributionQuery query(SortMeta sort) {
        ContributionQuery.Sort by = ContributionQuery.Sort.RECEIVED;
        boolean descending = true;
        if (sort != null) {
            by = switch (sort.getField()) {
                case "donor" -> ContributionQuery.Sort.DONOR;
                case "usdAmount" -> ContributionQuery.Sort.AMOUNT_USD;
                case "status" -> ContributionQuery.Sort.STATUS;
                default -> ContributionQuery.Sort.RECEIVED;
            };
            descending = sort.getOrder() == SortOrder.DESCENDING;
        }
        return new ContributionQuery(donorId, donorName, status, currency, from, to, by, descending);
    }

    /** The rows the filters select, in the table's order, as an xlsx streamed to the browser. */
    public StreamedContent getExport() {
        ContributionQuery query = shown;
        ContributionService service = contributions;
        return ExcelDownload.of("contributions", (locale, out) -> service.export(query, locale, out));
    }

    public void clear() {
        donorName = null;
        status = null;
        currency = null;
        from = null;
        to = null;
        apply();
    }

    /** Drops the {@code ?donor=} restriction. */
    public void showAllDonors() {
        donorId = null;
        donorLabel = null;
        apply();
    }

    /** The certifier's queue: only recorded contributions, waiting for a second person. */
    public boolean isCertifierQueue() {
        return status == ContributionStatus.RECORDED;
    }

    public LazyDataModel<Contribution> getRows() {
        return rows;
    }

    public ContributionStatus[] getStatuses() {
        return ContributionStatus.values();
    }

    public List<String> getCurrencies() {
        return currencies;
    }

    public Long getDonorId() {
        return donorId;
    }

    public String getDonorLabel() {
        return donorLabel;
    }

    public String getDonorName() {
        return donorName;
    }

    public void setDonorName(String donorName) {
        this.donorName = donorName;
    }

    public ContributionStatus getStatus() {
        return status;
    }

    public void setStatus(ContributionStatus status) {
        this.status = status;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
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

    /** The page's view action: creating the bean reads the address (see the @PostConstruct method); nothing more. */
    public void open() {
        // Reading happens on construction.
    }
}
