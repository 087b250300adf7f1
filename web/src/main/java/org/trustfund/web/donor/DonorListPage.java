package org.trustfund.web.donor;

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
import org.primefaces.model.StreamedContent;
import org.trustfund.web.platform.ExcelDownload;
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
    /** The table's sort as last loaded, for the export: it lists the rows in the order the table shows them. */
    private DonorQuery.Sort shownSort = DonorQuery.Sort.NAME;
    private boolean shownDescending;

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
            shownSort = query.sort();
            shownDescending = query.descending();
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

    @PostConstruct
    void init() {
        countries = reference.countries();
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
        DonorQuery query = new DonorQuery(name, group, countryCode, shownSort, shownDescending);
        DonorService service = donors;
        return ExcelDownload.of("donors", (locale, out) -> service.export(query, locale, out));
    }

    public void clear() {
        name = null;
        group = null;
        countryCode = null;
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
}
