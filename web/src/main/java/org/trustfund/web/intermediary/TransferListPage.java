package org.trustfund.web.intermediary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.primefaces.model.StreamedContent;
import org.trustfund.intermediary.IntermediaryService;
import org.trustfund.intermediary.IntermediaryTransfer;
import org.trustfund.intermediary.TransferQuery;
import org.trustfund.money.Money;
import org.trustfund.receipt.ReceiptStatus;
import org.trustfund.reference.ReferenceData;
import org.trustfund.web.contribution.Amounts;
import org.trustfund.web.contribution.Choice;
import org.trustfund.web.platform.ExcelDownload;
import org.trustfund.web.platform.ListParameters;
import org.trustfund.web.platform.Messages;
import org.trustfund.web.platform.PagedRows;
import org.trustfund.web.platform.Numbers;

/**
 * Backs {@code /finance/transfers.xhtml}: transfers filtered by intermediary, fund, status, pending or received and
 * received dates, all in the address ({@code ?intermediary=&fund=&status=&pending=&from=&to=}), paged in the database,
 * pending ones first; above them, what intermediaries reported but have not sent yet, which is not income.
 */
@Named
@ViewScoped
public class TransferListPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private IntermediaryService service;

    @EJB
    private ReferenceData referenceData;

    private Long intermediaryId;
    private Long fundId;
    private ReceiptStatus status;
    private String pending;
    private LocalDate from;
    private LocalDate to;
    private List<Choice<Long>> intermediaries = List.of();
    private List<Choice<Long>> funds = List.of();
    private TransferQuery shown;
    private int pendingCount;
    private String pendingGross = "";

    /** Read a page at a time with the filters of the address, in the service's order. */
    private final PagedRows<IntermediaryTransfer> rows = new PagedRows<>(() -> service.countTransfers(shown), (first, size) -> service.searchTransfers(shown, first, size), IntermediaryTransfer::getId);

    @PostConstruct
    void readParameters() {
        intermediaries = service.intermediaries().stream().map(i -> new Choice<>(i.getId(), i.getName())).toList();
        funds = referenceData.funds().stream().map(f -> new Choice<>(f.getId(), f.getCode())).toList();
        intermediaryId = ListParameters.id("intermediary");
        fundId = ListParameters.id("fund");
        status = ListParameters.choice("status", ReceiptStatus.class);
        pending = ListParameters.text("pending");
        if (pending != null && !pending.equals("yes") && !pending.equals("no")) {
            Messages.error("wl.param.invalid", "pending", pending);
            pending = null;
        }
        from = ListParameters.date("from");
        to = ListParameters.date("to");
        if (from != null && to != null && from.isAfter(to)) {
            Messages.errorAt("filters:from", "period.reversed", from, to);
            from = null;
            to = null;
        }
        shown = query();
        // What intermediaries reported and have not sent: per currency, never added across currencies.
        TransferQuery waiting = new TransferQuery(intermediaryId, fundId, null, true, null, null);
        Map<String, BigDecimal> gross = new TreeMap<>();
        List<IntermediaryTransfer> reported = service.searchTransfers(waiting, 0, 1000);
        for (IntermediaryTransfer t : reported) {
            if (t.getStatus() != ReceiptStatus.REVERSED) {
                pendingCount++;
                gross.merge(t.getCurrency(), t.getGross(), BigDecimal::add);
            }
        }
        pendingGross = String.join(", ", gross.entrySet().stream()
                .map(e -> Amounts.money(Money.of(e.getValue(), e.getKey()), Numbers.locale())).toList());
    }

    TransferQuery query() {
        return new TransferQuery(intermediaryId, fundId, status, pending == null ? null : pending.equals("yes"), from, to);
    }

    /** Filter: the same page with the filters in its address. */
    public String apply() {
        return "/finance/transfers?faces-redirect=true" + ListParameters.of().put("intermediary", intermediaryId)
                .put("fund", fundId).put("status", status).put("pending", pending).put("from", from).put("to", to)
                .query().replaceFirst("^\\?", "&");
    }

    public String clear() {
        return "/finance/transfers?faces-redirect=true";
    }

    public StreamedContent getExport() {
        TransferQuery query = shown;
        IntermediaryService s = service;
        return ExcelDownload.of("transfers", (locale, out) -> s.exportTransfers(query, locale, out));
    }

    public PagedRows<IntermediaryTransfer> getRows() {
        return rows;
    }

    public ReceiptStatus[] getStatuses() {
        return ReceiptStatus.values();
    }

    public List<Choice<Long>> getIntermediaries() {
        return intermediaries;
    }

    public List<Choice<Long>> getFunds() {
        return funds;
    }

    public int getPendingCount() {
        return pendingCount;
    }

    public String getPendingGross() {
        return pendingGross;
    }

    public String money(Money m) {
        return m == null ? "—" : Amounts.money(m, Numbers.locale());
    }

    public Long getIntermediaryId() {
        return intermediaryId;
    }

    public void setIntermediaryId(Long intermediaryId) {
        this.intermediaryId = intermediaryId;
    }

    public Long getFundId() {
        return fundId;
    }

    public void setFundId(Long fundId) {
        this.fundId = fundId;
    }

    public ReceiptStatus getStatus() {
        return status;
    }

    public void setStatus(ReceiptStatus status) {
        this.status = status;
    }

    public String getPending() {
        return pending;
    }

    public void setPending(String pending) {
        this.pending = pending;
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

    /**
     * The page title. Asked first, in the head, it creates the page's bean there: what the address gets wrong is then
     * said in the page's messages, which are written before the list.
     */
    public String getTitle() {
        return Messages.text("itm.list.title");
    }
}
