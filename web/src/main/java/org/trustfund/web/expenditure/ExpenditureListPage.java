package org.trustfund.web.expenditure;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.trustfund.expenditure.Expenditure;
import org.trustfund.expenditure.ExpenditureCategory;
import org.trustfund.expenditure.ExpenditureQuery;
import org.trustfund.expenditure.ExpenditureService;
import org.trustfund.receipt.ReceiptStatus;
import org.trustfund.reference.ReferenceData;
import org.trustfund.web.contribution.Choice;
import org.trustfund.web.platform.ListParameters;
import org.trustfund.web.platform.Messages;
import org.trustfund.web.platform.PagedRows;

/**
 * Backs {@code /finance/expenditure.xhtml}: the fund's other expenditure filtered by fund, category, status and date
 * (in the address), paged in the database, newest first, with the certified total of the filter in US dollars.
 */
@Named
@ViewScoped
public class ExpenditureListPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private ExpenditureService service;

    @EJB
    private ReferenceData referenceData;

    private Long fundId;
    private ExpenditureCategory category;
    private ReceiptStatus status;
    private LocalDate from;
    private LocalDate to;
    private BigDecimal certified = BigDecimal.ZERO.setScale(2);
    private List<Choice<Long>> funds = List.of();
    private ExpenditureQuery shown;

    private final PagedRows<Expenditure> rows = new PagedRows<>(() -> service.count(shown),
            (first, size) -> service.search(shown, first, size), Expenditure::getId);

    @PostConstruct
    void readParameters() {
        funds = referenceData.funds().stream().map(f -> new Choice<>(f.getId(), f.getCode())).toList();
        fundId = ListParameters.id("fund");
        category = ListParameters.choice("category", ExpenditureCategory.class);
        status = ListParameters.choice("status", ReceiptStatus.class);
        from = ListParameters.date("from");
        to = ListParameters.date("to");
        if (from != null && to != null && from.isAfter(to)) {
            Messages.errorAt("filters:from", "period.reversed", from, to);
            from = null;
            to = null;
        }
        shown = new ExpenditureQuery(fundId, category, status, from, to);
        certified = service.certifiedUsd(shown);
    }

    public String apply() {
        return "/finance/expenditure?faces-redirect=true" + ListParameters.of().put("fund", fundId).put("category", category)
                .put("status", status).put("from", from).put("to", to).query().replaceFirst("^\\?", "&");
    }

    public String clear() {
        return "/finance/expenditure?faces-redirect=true";
    }

    public String getTitle() {
        return Messages.text("xp.list.title");
    }

    public BigDecimal getCertified() { return certified; }
    public PagedRows<Expenditure> getRows() { return rows; }
    public List<Choice<Long>> getFunds() { return funds; }
    public ExpenditureCategory[] getCategories() { return ExpenditureCategory.values(); }
    public ReceiptStatus[] getStatuses() { return ReceiptStatus.values(); }
    public Long getFundId() { return fundId; }
    public void setFundId(Long fundId) { this.fundId = fundId; }
    public ExpenditureCategory getCategory() { return category; }
    public void setCategory(ExpenditureCategory category) { this.category = category; }
    public ReceiptStatus getStatus() { return status; }
    public void setStatus(ReceiptStatus status) { this.status = status; }
    public LocalDate getFrom() { return from; }
    public void setFrom(LocalDate from) { this.from = from; }
    public LocalDate getTo() { return to; }
    public void setTo(LocalDate to) { this.to = to; }
}
