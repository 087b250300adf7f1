package org.trustfund.web.donor;

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
import org.primefaces.model.StreamedContent;
import org.trustfund.web.platform.ExcelDownload;
import org.trustfund.web.platform.ListParameters;
import org.primefaces.model.SortOrder;
import org.trustfund.donor.Donor;
import org.trustfund.donor.DonorQuery;
import org.trustfund.donor.DonorService;
import org.trustfund.donor.StakeholderGroup;
import org.trustfund.reference.Country;
import org.trustfund.reference.ReferenceData;

/** Backs the donor list: filters and sort go to the database, one page of rows at a time. */
@Named
@ViewScoped
public class DonorListPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private DonorService donors;

    @EJB
    private ReferenceData reference;

    private String name;
    private StakeholderGroup group;
    private String countryCode;
    private List<Country> countries;
    /** The query of the rows last shown, for the export: the same filters and order, whatever was typed since. */
    private DonorQuery shown;
    /** The sort the address asked for, the table's first sort. */
    private SortMeta sortBy;

    private final LazyDataModel<Donor> model = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return Math.toIntExact(donors.count(query(null)));
        }

        @Override
        public List<Donor> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            SortMeta sort = sortBy.values().stream().findFirst().orElse(null);
            DonorQuery query = query(sort);
            shown = query;
            return donors.search(query, first, pageSize);
        }

        @Override
        public String getRowKey(Donor donor) {
            return String.valueOf(donor.getId());
        }

        @Override
        public Donor getRowData(String rowKey) {
            return null;
        }
    };

    /** Reads the filters and sort from the address (see {@link ListParameters}). */
    @PostConstruct
    void init() {
        countries = reference.countries();
        name = ListParameters.text("name");
        group = ListParameters.choice("group", StakeholderGroup.class);
        String country = ListParameters.text("country");
        if (country != null) {
            if (countries.stream().anyMatch(c -> c.getCode().equalsIgnoreCase(country))) {
                countryCode = country.toUpperCase(java.util.Locale.ROOT);
            } else {
                org.trustfund.web.platform.Messages.error("wl.param.invalid", "country", country);
            }
        }
        sortBy = ListParameters.sort("name", "stakeholderGroup", "country");
        shown = query(sortBy);
    }

    /** After Filter or Clear: the address shows the filters now applied. */
    public void apply() {
        showParameters(query(sortBy));
    }

    /** After a click on a column's header: the address shows the new sort. */
    public void sorted(SortEvent event) {
        sortBy = event.getSortBy().values().stream().filter(m -> m.getOrder() != SortOrder.UNSORTED).findFirst()
                .orElse(null);
        showParameters(query(sortBy));
    }

    private void showParameters(DonorQuery q) {
        ListParameters.of().put("name", q.name()).put("group", q.group()).put("country", q.countryCode())
                .sort(field(q.sort()), q.descending(), "name", false).show();
    }

    private static String field(DonorQuery.Sort sort) {
        return switch (sort) {
            case GROUP -> "stakeholderGroup";
            case COUNTRY -> "country";
            case CREATED -> "createdAt";
            default -> "name";
        };
    }

    /** The table's first sort: the one the address asked for, else by name. */
    public SortMeta getSortBy() {
        return sortBy != null ? sortBy : SortMeta.builder().field("name").order(SortOrder.ASCENDING).build();
    }

    private DonorQuery query(SortMeta sort) {
        DonorQuery.Sort by = DonorQuery.Sort.NAME;
        boolean descending = false;
        if (sort != null) {
            by = switch (sort.getField()) {
                case "stakeholderGroup" -> DonorQuery.Sort.GROUP;
                case "country" -> DonorQuery.Sort.COUNTRY;
                case "createdAt" -> DonorQuery.Sort.CREATED;
                default -> DonorQuery.Sort.NAME;
            };
            descending = sort.getOrder() == SortOrder.DESCENDING;
        }
        return new DonorQuery(name, group, countryCode, by, descending);
    }

    /** The donors the filters select, in the table's order, as an xlsx streamed to the browser. */
    public StreamedContent getExport() {
        DonorQuery query = shown;
        DonorService service = donors;
        return ExcelDownload.of("donors", (locale, out) -> service.export(query, locale, out));
    }

    public void clear() {
        name = null;
        group = null;
        countryCode = null;
        apply();
    }

    public LazyDataModel<Donor> getModel() {
        return model;
    }

    public StakeholderGroup[] getGroups() {
        return StakeholderGroup.values();
    }

    public List<Country> getCountries() {
        return countries;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public StakeholderGroup getGroup() {
        return group;
    }

    public void setGroup(StakeholderGroup group) {
        this.group = group;
    }

    public String getCountryCode() {
        return countryCode;
    }

    public void setCountryCode(String countryCode) {
        this.countryCode = countryCode;
    }

    /** The page's view action: creating the bean reads the address (see the @PostConstruct method); nothing more. */
    public void open() {
        // Reading happens on construction.
    }
}
