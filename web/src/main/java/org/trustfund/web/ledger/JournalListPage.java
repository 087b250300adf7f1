package org.trustfund.web.ledger;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.event.data.SortEvent;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;
import org.primefaces.model.StreamedContent;
import org.trustfund.donor.DonorService;
import org.trustfund.ledger.Account;
import org.trustfund.ledger.JournalEvent;
import org.trustfund.ledger.JournalQuery;
import org.trustfund.ledger.JournalService;
import org.trustfund.ledger.JournalSummary;
import org.trustfund.ledger.LedgerPeriod;
import org.trustfund.ledger.LedgerWorkbooks;
import org.trustfund.reference.Fund;
import org.trustfund.reference.ReferenceData;
import org.trustfund.web.donor.DonorChoice;
import org.trustfund.web.donor.DonorPicker;
import org.trustfund.web.platform.ListParameters;
import org.trustfund.web.platform.Messages;
import org.trustfund.web.security.CurrentUser;

/**
 * Backs the journal list: filters (fund, account, donor, event, dates; from the address too, as the trial balance
 * links here with {@code ?fund=&account=&from=&to=}) above a lazy table paged and sorted in the database, and an
 * export of every line of the journals the filters select, in the table's order.
 */
@Named
@ViewScoped
public class JournalListPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private JournalService journals;

    @EJB
    private ReferenceData reference;

    @EJB
    private DonorService donors;

    @Inject
    private CurrentUser user;

    private List<Fund> funds = List.of();
    private Long fundId;
    private Account account;
    private DonorChoice donor;
    private JournalEvent event;
    private LocalDate from;
    private LocalDate to;
    private DonorPicker donorPicker;
    /** The order the table was last loaded in, for the export. */
    private JournalQuery.Sort sort = JournalQuery.Sort.EVENT_DATE;
    private boolean descending = true;

    private final LazyDataModel<JournalSummary> rows = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        private JournalQuery counted;
        private int count;

        /** Counts again only when the filters change: paging and sorting keep the count. */
        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            JournalQuery q = query().sortedBy(JournalQuery.Sort.ID, false);
            if (!q.equals(counted)) {
                try {
                    count = Math.toIntExact(journals.count(q));
                } catch (RuntimeException e) {
                    Messages.showFailure(e, "journals");
                    count = 0;
                }
                counted = q;
            }
            return count;
        }

        @Override
        public List<JournalSummary> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                Map<String, FilterMeta> filterBy) {
            SortMeta s = sortBy.values().stream().filter(m -> m.getOrder() != SortOrder.UNSORTED).findFirst().orElse(null);
            sort = s != null && "id".equals(s.getField()) ? JournalQuery.Sort.ID : JournalQuery.Sort.EVENT_DATE;
            descending = s == null || s.getOrder() == SortOrder.DESCENDING;
            try {
                return journals.search(query(), first, pageSize);
            } catch (RuntimeException e) {
                Messages.showFailure(e, "journals");
                return List.of();
            }
        }

        @Override
        public String getRowKey(JournalSummary j) {
            return String.valueOf(j.id());
        }

        @Override
        public JournalSummary getRowData(String rowKey) {
            return null;
        }
    };

    /** Reads the filters in the address; one not understood is ignored. */
    @PostConstruct
    void load() {
        if (!LedgerReaders.admit()) {
            return;
        }
        funds = reference.funds();
        donorPicker = new DonorPicker(donors);
        Map<String, String> params = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        String f = params.get("fund");
        if (f != null && f.matches("\\d{1,18}")) {
            long id = Long.parseLong(f);
            fundId = funds.stream().map(Fund::getId).filter(x -> x == id).findFirst().orElse(null);
        }
        if (fundId == null && !funds.isEmpty()) {
            fundId = funds.get(0).getId();
        }
        account = constant(Account.class, params.get("account"));
        event = constant(JournalEvent.class, params.get("event"));
        String d = params.get("donor");
        if (d != null && d.matches("\\d{1,18}")) {
            donor = donorPicker.choice(Long.valueOf(d));
        }
        Clock utc = Clock.systemUTC();
        from = date(params.get("from"), LedgerPeriod.defaultFrom(utc));
        to = date(params.get("to"), LedgerPeriod.defaultTo(utc));
        SortMeta s = ListParameters.sort("eventDate", "id");
        if (s != null) {
            sort = "id".equals(s.getField()) ? JournalQuery.Sort.ID : JournalQuery.Sort.EVENT_DATE;
            descending = s.getOrder() == SortOrder.DESCENDING;
        }
    }

    /** After Filter or Clear: the address shows the filters now applied (see ListParameters). */
    public void apply() {
        ListParameters.of().put("fund", fundId).put("account", account).put("donor", donor == null ? null : donor.id())
                .put("event", event).put("from", from).put("to", to)
                .sort(sort == JournalQuery.Sort.ID ? "id" : "eventDate", descending, "eventDate", true).show();
    }

    public void sorted(SortEvent e) {
        SortMeta s = e.getSortBy().values().stream().filter(m -> m.getOrder() != SortOrder.UNSORTED).findFirst().orElse(null);
        sort = s != null && "id".equals(s.getField()) ? JournalQuery.Sort.ID : JournalQuery.Sort.EVENT_DATE;
        descending = s == null || s.getOrder() == SortOrder.DESCENDING;
        apply();
    }

    /** The table's first sort: the one the address asked for, else newest first. */
    public SortMeta getSortBy() {
        return SortMeta.builder().field(sort == JournalQuery.Sort.ID ? "id" : "eventDate")
                .order(descending ? SortOrder.DESCENDING : SortOrder.ASCENDING).build();
    }

    private static <E extends Enum<E>> E constant(Class<E> type, String name) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        return null;
    }

    private static LocalDate date(String text, LocalDate otherwise) {
        try {
            return text == null ? otherwise : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return otherwise;
        }
    }

    JournalQuery query() {
        return new JournalQuery(fundId, account, donor == null ? null : donor.id(), event, from, to, sort, descending);
    }

    public void clear() {
        account = null;
        donor = null;
        event = null;
        from = null;
        to = null;
        apply();
    }

    /**
     * Every line of the journals the filters select, in the table's order, as xlsx with the filter on top; null (the
     * page says why) if the filters are refused. Rows are read and written in chunks while the file streams out.
     */
    public StreamedContent getExport() {
        JournalQuery q = query();
        try {
            journals.count(q); // the same checks as the export's, before anything is sent
        } catch (RuntimeException e) {
            Messages.showFailure(e, "journals");
            return null;
        }
        Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
        Function<String, String> text = key -> Messages.text(locale, key);
        String fundCode = funds.stream().filter(f -> f.getId().equals(fundId)).map(Fund::getCode).findFirst().orElse(null);
        List<String> filter = LedgerWorkbooks.filterLines(q, fundCode, donor == null ? null : donor.name(), text);
        String by = user.getUsername();
        Instant at = Instant.now();
        JournalService service = journals;
        return DefaultStreamedContent.builder().contentType(LedgerReaders.XLSX)
                .name(LedgerReaders.fileName("journals", fundCode, q.from(), q.to()))
                .writer(out -> {
                    try {
                        LedgerWorkbooks.journals(service, q, filter, text, by, at, out);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }).build();
    }

    public LazyDataModel<JournalSummary> getRows() {
        return rows;
    }

    public List<Fund> getFunds() {
        return funds;
    }

    public Account[] getAccounts() {
        return Account.values();
    }

    public JournalEvent[] getEvents() {
        return JournalEvent.values();
    }

    public DonorPicker getDonorPicker() {
        return donorPicker;
    }

    public Long getFundId() {
        return fundId;
    }

    public void setFundId(Long fundId) {
        this.fundId = fundId;
    }

    public Account getAccount() {
        return account;
    }

    public void setAccount(Account account) {
        this.account = account;
    }

    public DonorChoice getDonor() {
        return donor;
    }

    public void setDonor(DonorChoice donor) {
        this.donor = donor;
    }

    public JournalEvent getEvent() {
        return event;
    }

    public void setEvent(JournalEvent event) {
        this.event = event;
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
