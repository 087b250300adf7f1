package org.trustfund.web.reference;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.primefaces.PrimeFaces;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.StreamedContent;
import org.primefaces.model.file.UploadedFile;
import org.trustfund.reference.AcceptedCurrency;
import org.trustfund.reference.ExchangeRate;
import org.trustfund.reference.RateFileProblem;
import org.trustfund.reference.RateFileReader;
import org.trustfund.reference.RateFileTemplate;
import org.trustfund.reference.RateImport;
import org.trustfund.reference.RateRow;
import org.trustfund.reference.ReferenceData;
import org.trustfund.web.platform.Messages;

/**
 * Backs the operational rates page: rates newest first (paged in the database, optionally of one currency),
 * adding a rate, correcting one that no transaction has used, and importing a file of rates.
 */
@Named
@ViewScoped
public class RatesPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int TEMPLATE_LINES = 6;

    @EJB
    private ReferenceData referenceData;

    private List<AcceptedCurrency> currencies;
    private String filterCurrency;

    /** Which rates of the page shown are used: one query per page, not one per row. */
    private final Set<Long> usedOnPage = new HashSet<>();

    private final LazyDataModel<ExchangeRate> rates = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return Math.toIntExact(referenceData.countRates(filterCurrency));
        }

        @Override
        public List<ExchangeRate> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                Map<String, FilterMeta> filterBy) {
            List<ExchangeRate> page = referenceData.rates(filterCurrency, first, pageSize);
            usedOnPage.clear();
            usedOnPage.addAll(referenceData.usedRateIds(page.stream().map(ExchangeRate::getId).toList()));
            return page;
        }

        @Override
        public String getRowKey(ExchangeRate rate) {
            return String.valueOf(rate.getId());
        }

        @Override
        @SuppressWarnings("unchecked")
        public ExchangeRate getRowData(String rowKey) {
            return getWrappedData() == null ? null : ((List<ExchangeRate>) getWrappedData()).stream()
                    .filter(r -> String.valueOf(r.getId()).equals(rowKey)).findFirst().orElse(null);
        }
    };

    // New rate: the currency stays chosen after adding, for entering a series.
    private String newCurrency;
    private LocalDate newEffectiveDate;
    private BigDecimal newUnitsPerUsd;

    // Correction
    private Long correctId;
    private long correctVersion;
    private String correctCurrency;
    private LocalDate correctDate;
    private BigDecimal correctUnitsPerUsd;
    private boolean correctUsed;

    // Import: the file lives for one request only; the outcome stays on the page.
    private transient UploadedFile file;
    private RateImport lastImport;
    private String lastImportFile;

    @PostConstruct
    void load() {
        currencies = referenceData.currencies().stream()
                .filter(c -> !AcceptedCurrency.USD.equals(c.getCode())).toList();
        // Linked from the currencies page as rates.xhtml?currency=EUR; anything else shows every currency.
        String asked = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("currency");
        if (asked != null && currencies.stream().anyMatch(c -> c.getCode().equals(asked))) {
            filterCurrency = asked;
            newCurrency = asked;
        } else if (asked != null && !asked.isBlank()) {
            Messages.error("wl.param.invalid", "currency", asked);
        }
    }

    /** After the currency filter changes: the address shows it (see ListParameters). */
    public void filtered() {
        org.trustfund.web.platform.ListParameters.of().put("currency", filterCurrency).show();
    }

    public void add() {
        if (newCurrency == null || newCurrency.isBlank()) {
            Messages.errorAt("newRate:currency", "rates.currency.required");
            FacesContext.getCurrentInstance().validationFailed();
            return;
        }
        try {
            ExchangeRate added = referenceData.addRate(new RateRow(newCurrency, newEffectiveDate, newUnitsPerUsd));
            Messages.info("rate.added", added.getCurrency(), added.getEffectiveDate().toString());
            newEffectiveDate = null;
            newUnitsPerUsd = null;
        } catch (RuntimeException e) {
            Messages.showFailure(e, "newRate");
        }
    }

    public boolean isUsed(ExchangeRate rate) {
        return usedOnPage.contains(rate.getId());
    }

    public void startCorrect(ExchangeRate rate) {
        correctId = rate.getId();
        correctVersion = rate.getVersion();
        correctCurrency = rate.getCurrency();
        correctDate = rate.getEffectiveDate();
        correctUnitsPerUsd = rate.getUnitsPerUsd().stripTrailingZeros();
        // Asked again: a transaction may have used it since the page was shown.
        correctUsed = referenceData.isRateUsed(rate.getId());
    }

    public void saveCorrection() {
        try {
            referenceData.correctRate(correctId, correctVersion, correctUnitsPerUsd);
            Messages.info("rate.corrected", correctCurrency, correctDate.toString());
        } catch (RuntimeException e) {
            Messages.showFailure(e, "correctRate");
        }
    }

    /** Opens the import dialog afresh, without the problems of an earlier file. */
    public void startImport() {
        lastImport = null;
        lastImportFile = null;
    }

    public void importFile() {
        lastImport = null;
        lastImportFile = null;
        if (file == null || file.getFileName() == null || file.getFileName().isBlank()) {
            Messages.errorAt("import:file", "rate.file.choose");
            FacesContext.getCurrentInstance().validationFailed();
            return;
        }
        String name = file.getFileName();
        byte[] content;
        try (InputStream in = file.getInputStream()) {
            // One byte more than allowed is enough to know a file is too large; the rest is never read.
            content = in.readNBytes(RateFileReader.MAX_BYTES + 1);
        } catch (IOException e) {
            Messages.errorAt("import:file", "rate.file.unreadable");
            FacesContext.getCurrentInstance().validationFailed();
            return;
        } finally {
            file = null;
        }
        try {
            RateImport result = referenceData.importRateFile(name, content);
            if (result.isRejected()) {
                lastImport = result;
                lastImportFile = name;
                Messages.error("rate.import.rejected", name, result.problems().size());
            } else {
                Messages.info("rate.import.done", result.added(), result.alreadyThere());
                // The view closes the dialog on this; a refused file keeps it open with its problems.
                PrimeFaces.current().ajax().addCallbackParam("imported", true);
            }
        } catch (RuntimeException e) {
            Messages.showFailure(e, "import");
        }
    }

    /** A problem of the last rejected file, in the reader's language. */
    public String problemText(RateFileProblem problem) {
        return Messages.text(problem.messageKey(), problem.arguments().toArray());
    }

    public StreamedContent getXlsxTemplate() {
        List<String> lines = IntStream.rangeClosed(1, TEMPLATE_LINES)
                .mapToObj(i -> Messages.text("rates.template.line" + i)).toList();
        byte[] workbook = RateFileTemplate.xlsx(Messages.text("rates.template.sheet"), lines);
        return DefaultStreamedContent.builder().name(RateFileTemplate.XLSX_NAME).contentType(RateFileTemplate.XLSX_TYPE)
                .contentLength((long) workbook.length).stream(() -> new ByteArrayInputStream(workbook)).build();
    }

    public StreamedContent getCsvTemplate() {
        byte[] csv = RateFileTemplate.csv();
        return DefaultStreamedContent.builder().name(RateFileTemplate.CSV_NAME).contentType(RateFileTemplate.CSV_TYPE)
                .contentLength((long) csv.length).stream(() -> new ByteArrayInputStream(csv)).build();
    }

    public long getMaxFileBytes() {
        return RateFileReader.MAX_BYTES;
    }

    public List<AcceptedCurrency> getCurrencies() {
        return currencies;
    }

    public LazyDataModel<ExchangeRate> getRates() {
        return rates;
    }

    public String getFilterCurrency() {
        return filterCurrency;
    }

    public void setFilterCurrency(String filterCurrency) {
        this.filterCurrency = filterCurrency;
    }

    public String getNewCurrency() {
        return newCurrency;
    }

    public void setNewCurrency(String newCurrency) {
        this.newCurrency = newCurrency;
    }

    public LocalDate getNewEffectiveDate() {
        return newEffectiveDate;
    }

    public void setNewEffectiveDate(LocalDate newEffectiveDate) {
        this.newEffectiveDate = newEffectiveDate;
    }

    public BigDecimal getNewUnitsPerUsd() {
        return newUnitsPerUsd;
    }

    public void setNewUnitsPerUsd(BigDecimal newUnitsPerUsd) {
        this.newUnitsPerUsd = newUnitsPerUsd;
    }

    public String getCorrectCurrency() {
        return correctCurrency;
    }

    public LocalDate getCorrectDate() {
        return correctDate;
    }

    public boolean isCorrectUsed() {
        return correctUsed;
    }

    public BigDecimal getCorrectUnitsPerUsd() {
        return correctUnitsPerUsd;
    }

    public void setCorrectUnitsPerUsd(BigDecimal correctUnitsPerUsd) {
        this.correctUnitsPerUsd = correctUnitsPerUsd;
    }

    public UploadedFile getFile() {
        return file;
    }

    public void setFile(UploadedFile file) {
        this.file = file;
    }

    public RateImport getLastImport() {
        return lastImport;
    }

    public String getLastImportFile() {
        return lastImportFile;
    }

    /** The page's view action: creating the bean reads the address (see the @PostConstruct method); nothing more. */
    public void open() {
        // Reading happens on construction.
    }
}
