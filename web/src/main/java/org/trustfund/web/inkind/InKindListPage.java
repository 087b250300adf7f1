package org.trustfund.web.inkind;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.primefaces.model.StreamedContent;
import org.trustfund.donor.DonorService;
import org.trustfund.inkind.InKindCategory;
import org.trustfund.inkind.InKindContribution;
import org.trustfund.inkind.InKindNature;
import org.trustfund.inkind.InKindQuery;
import org.trustfund.inkind.InKindService;
import org.trustfund.receipt.ReceiptStatus;
import org.trustfund.reference.ReferenceData;
import org.trustfund.web.contribution.Choice;
import org.trustfund.web.platform.ExcelDownload;
import org.trustfund.web.platform.ListParameters;
import org.trustfund.web.platform.Messages;
import org.trustfund.web.platform.PagedRows;

/**
 * Backs {@code /finance/in-kind.xhtml}: in-kind contributions filtered by donor, fund, goods or services, category,
 * status and first day, all in the address, paged in the database, newest first; above them the certified goods
 * (recognized) and services (disclosed) of the filter in US dollars, never added together.
 */
@Named
@ViewScoped
public class InKindListPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private InKindService service;

    @EJB
    private DonorService donors;

    @EJB
    private ReferenceData referenceData;

    private Long donorId;
    private String donorLabel;
    private String donorName;
    private Long fundId;
    private InKindNature nature;
    private InKindCategory category;
    private ReceiptStatus status;
    private LocalDate from;
    private LocalDate to;
    private List<Choice<Long>> funds = List.of();
    private InKindQuery shown;
    private Map<InKindNature, BigDecimal> totals = Map.of();

    /** Read a page at a time with the filters of the address, in the service's order. */
    private final PagedRows<InKindContribution> rows = new PagedRows<>(() -> service.count(shown), (first, size) -> service.search(shown, first, size), InKindContribution::getId);

    @PostConstruct
    void readParameters() {
        funds = referenceData.funds().stream().map(f -> new Choice<>(f.getId(), f.getCode())).toList();
        Long d = ListParameters.id("donor");
        if (d != null) {
            donors.find(d).ifPresent(donor -> {
                donorId = donor.getId();
                donorLabel = donor.getName();
            });
        }
        donorName = ListParameters.text("donorName");
        fundId = ListParameters.id("fund");
        nature = ListParameters.choice("nature", InKindNature.class);
        category = ListParameters.choice("category", InKindCategory.class);
        status = ListParameters.choice("status", ReceiptStatus.class);
        from = ListParameters.date("from");
        to = ListParameters.date("to");
        if (from != null && to != null && from.isAfter(to)) {
            Messages.errorAt("filters:from", "period.reversed", from, to);
            from = null;
            to = null;
        }
        shown = new InKindQuery(donorId, fundId, donorName, category, nature, status, from, to);
        totals = service.certifiedUsd(shown);
    }

    public String apply() {
        return "/finance/in-kind?faces-redirect=true" + ListParameters.of().put("donor", donorId).put("donorName", donorName)
                .put("fund", fundId).put("nature", nature).put("category", category).put("status", status)
                .put("from", from).put("to", to).query().replaceFirst("^\\?", "&");
    }

    public String clear() {
        return "/finance/in-kind?faces-redirect=true";
    }

    public StreamedContent getExport() {
        InKindQuery query = shown;
        InKindService s = service;
        return ExcelDownload.of("in-kind", (locale, out) -> s.export(query, locale, out));
    }

    public BigDecimal getRecognizedUsd() {
        return totals.get(InKindNature.GOODS);
    }

    public BigDecimal getDisclosedUsd() {
        return totals.get(InKindNature.SERVICES);
    }

    public PagedRows<InKindContribution> getRows() {
        return rows;
    }

    public List<Choice<Long>> getFunds() {
        return funds;
    }

    public InKindNature[] getNatures() {
        return InKindNature.values();
    }

    public InKindCategory[] getCategories() {
        return InKindCategory.values();
    }

    public ReceiptStatus[] getStatuses() {
        return ReceiptStatus.values();
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

    public Long getFundId() {
        return fundId;
    }

    public void setFundId(Long fundId) {
        this.fundId = fundId;
    }

    public InKindNature getNature() {
        return nature;
    }

    public void setNature(InKindNature nature) {
        this.nature = nature;
    }

    public InKindCategory getCategory() {
        return category;
    }

    public void setCategory(InKindCategory category) {
        this.category = category;
    }

    public ReceiptStatus getStatus() {
        return status;
    }

    public void setStatus(ReceiptStatus status) {
        this.status = status;
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
        return Messages.text("ik.list.title");
    }
}
