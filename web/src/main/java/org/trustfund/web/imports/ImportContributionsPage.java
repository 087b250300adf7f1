package org.trustfund.web.imports;

import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;
import org.primefaces.model.file.UploadedFile;
import org.trustfund.contribution.imports.ContributionImport;
import org.trustfund.contribution.imports.ImportResult;
import org.trustfund.contribution.imports.ImportSummary;
import org.trustfund.contribution.imports.RowError;
import org.trustfund.web.platform.Messages;

/**
 * Backs the contribution import page: hands the uploaded file to the import service and shows what became
 * of it (counts, or every problem by row and column), offers the template, and lists recent imports.
 */
@Named
@ViewScoped
public class ImportContributionsPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    /** The upload limit, also enforced by the container (web.xml) and the service. */
    public static final long MAX_BYTES = 10L * 1024 * 1024;

    @EJB
    private ContributionImport imports;

    /** Only for the request that carries it: an uploaded file is not kept in the view. */
    private transient UploadedFile file;
    private ImportResult result;
    private List<ImportSummary> recent;

    public void upload() {
        UploadedFile uploaded = file;
        file = null;
        result = null;
        recent = null;
        if (uploaded == null || uploaded.getSize() == 0) {
            Messages.errorAt("import:file", "import.file.required");
            FacesContext.getCurrentInstance().validationFailed();
            return;
        }
        try {
            result = imports.importFile(uploaded.getFileName(), uploaded.getContent());
        } catch (RuntimeException e) {
            Messages.showFailure(e, "import");
            return;
        }
    }

    /** What became of the file, in one sentence. */
    public String getSummary() {
        if (result == null) {
            return "";
        }
        return switch (result.outcome()) {
            case IMPORTED -> Messages.text("import.result.imported", result.recorded(), result.alreadyImported());
            case FILE_ALREADY_IMPORTED -> Messages.text("import.result.imported", 0, result.alreadyImported()) + " "
                    + Messages.text("import.result.fileAlreadyImported", utc(result.previousImportAt()),
                    result.previousImportBy());
            case REJECTED -> Messages.text("import.result.rejected", result.errorCount(), result.rows());
        };
    }

    public StreamedContent getTemplate() {
        Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
        byte[] template = imports.template(locale);
        return DefaultStreamedContent.builder()
                .name(Messages.text("import.template.fileName"))
                .contentType(XLSX)
                .contentLength((long) template.length)
                .stream(() -> new ByteArrayInputStream(template))
                .build();
    }

    /** A problem in the reader's language. */
    public String problem(RowError error) {
        return Messages.text(error.messageKey(), error.argsArray());
    }

    /** The column as the user finds it in the file: letters, and the header written above. */
    public String column(RowError error) {
        if (error.column().isEmpty()) {
            return error.header();
        }
        return error.header().isEmpty() ? error.column() : error.column() + " · " + error.header();
    }

    public String utc(Instant instant) {
        return instant == null ? "" : UTC.format(instant);
    }

    /** A certifying officer certifies what still waits in an imported file (the service takes a thousand at a time). */
    public void certify(ImportSummary summary) {
        try {
            ContributionImport.CertifiedBatch done = imports.certifyBatch(summary.file().getId());
            Messages.info("import.certify.done", done.certified(), summary.file().getFileName(), done.stillWaiting());
        } catch (RuntimeException e) {
            Messages.showFailure(e, "recentForm");
        }
        recent = null;
    }

    public List<ImportSummary> getRecentImports() {
        if (recent == null) {
            recent = imports.recentImports(10);
        }
        return recent;
    }

    public UploadedFile getFile() {
        return file;
    }

    public void setFile(UploadedFile file) {
        this.file = file;
    }

    public ImportResult getResult() {
        return result;
    }

    public long getMaxBytes() {
        return MAX_BYTES;
    }
}
