package org.trustfund.web.intermediary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import org.trustfund.intermediary.GiftImport;
import org.trustfund.intermediary.IntermediaryService;
import org.trustfund.intermediary.IntermediaryTransfer;
import org.trustfund.contribution.imports.RowError;
import org.trustfund.security.Roles;
import org.trustfund.web.platform.Messages;
import org.trustfund.web.platform.Pages;

/**
 * Backs {@code /finance/import-gifts.xhtml?transfer=}: a finance officer uploads the intermediary's statement (xlsx or
 * CSV) and its gifts are added to the transfer, all or none; the rows in error are listed; the same file again adds
 * nothing and says so. The version of the transfer as the page was opened guards against a change meanwhile.
 */
@Named
@ViewScoped
public class ImportGiftsPage implements Serializable {

    private static final long serialVersionUID = 1L;
    /** As the service's own limit: a larger file is refused before it is read. */
    private static final int MAX_BYTES = 5 * 1024 * 1024;

    @EJB
    private GiftImport imports;

    @EJB
    private IntermediaryService service;

    private IntermediaryTransfer transfer;
    private long version;
    private transient Part file;
    private GiftImport.Result result;

    @PostConstruct
    void load() {
        if (!Pages.requireRole(Roles.FINANCE_OFFICER)) {
            return;
        }
        Long id = Pages.recordId(FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap()
                .get("transfer"));
        if (id == null) {
            Messages.error("transfer.unknown", "—");
            return;
        }
        try {
            transfer = service.findTransfer(id);
            version = transfer.getVersion();
        } catch (RuntimeException e) {
            Messages.showFailure(e, "import");
        }
    }

    public void upload() {
        Part uploaded = file;
        file = null;
        result = null;
        if (transfer == null) {
            return;
        }
        if (uploaded == null || uploaded.getSize() == 0) {
            Messages.errorAt("import:file", "import.file.required");
            FacesContext.getCurrentInstance().validationFailed();
            return;
        }
        if (uploaded.getSize() > MAX_BYTES) {
            Messages.errorAt("import:file", "import.file.tooLarge", MAX_BYTES / (1024 * 1024));
            FacesContext.getCurrentInstance().validationFailed();
            return;
        }
        try (InputStream in = uploaded.getInputStream()) {
            result = imports.importGifts(transfer.getId(), version, uploaded.getSubmittedFileName(), in.readAllBytes());
            version = result.transferVersion();
            if (result.alreadyImported()) {
                Messages.info("itm.imp.already", result.importedBefore().toString().replace('T', ' ').replaceAll("\\..*", ""));
            } else if (!result.isRejected()) {
                Messages.info("itm.imp.added", result.added());
            }
        } catch (IOException e) {
            Messages.errorAt("import:file", "import.file.notXlsx");
        } catch (RuntimeException e) {
            Messages.showFailure(e, "import");
        }
    }

    /** A row's problem in the reader's language. */
    public String problem(RowError e) {
        return Messages.text(e.messageKey(), e.args().toArray());
    }

    /** The page title; asked first, in the head, so a transfer that cannot be opened is said in the messages. */
    public String getTitle() {
        return Messages.text("itm.imp.title");
    }

    public IntermediaryTransfer getTransfer() {
        return transfer;
    }

    public GiftImport.Result getResult() {
        return result;
    }

    public Part getFile() {
        return file;
    }

    public void setFile(Part file) {
        this.file = file;
    }
}
