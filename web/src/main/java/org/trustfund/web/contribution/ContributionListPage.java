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
    /** The table's sort as last loaded, for the export: it lists the rows in the order the table shows them. */
    private ContributionQuery.Sort shownSort = ContributionQuery.Sort.RECEIVED;
    private boolean shownDescending = true;

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
            shownSort = query.sort();
            shownDescending = query.descending();
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

    /** Reads the page's parameters; a parameter that is not understood is ignored, showing every contribution. */
    @PostConstruct
    void readParameters() {
        Map<String, String> params = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        String s = params.get("status");
        if (s != null) {
            for (ContributionStatus candidate : ContributionStatus.values()) {
                if (candidate.name().equals(s)) {
                    status = candidate;
                }
            }
        }
        String d = params.get("donor");
        if (d != null && d.matches("\\d{1,18}")) {
            donors.find(Long.parseLong(d)).ifPresent(donor -> {
                donorId = donor.getId();
                donorLabel = donor.getName();
            });
        }
        currencies = referenceData.currencies().stream().map(AcceptedCurrency::getCode).toList();
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
        ContributionQuery filters = query(null);
        ContributionQuery query = new ContributionQuery(filters.donorId(), filters.donorName(), filters.status(),
                filters.currency(), filters.from(), filters.to(), shownSort, shownDescending);
        ContributionService service = contributions;
        return ExcelDownload.of("contributions", (locale, out) -> service.export(query, locale, out));
    }

    public void clear() {
        donorName = null;
        status = null;
        currency = null;
        from = null;
        to = null;
    }

    /** Drops the {@code ?donor=} restriction. */
    public void showAllDonors() {
        donorId = null;
        donorLabel = null;
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
}
