package org.trustfund.web.platform;

import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Locale;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;
import org.trustfund.spreadsheet.ListExport;

/**
 * A list's "Export to Excel" as a {@code p:fileDownload}: the workbook is written straight to the response as it
 * is produced (no byte array of the whole file), under a name like {@code contributions-2026-12-02.xlsx}.
 */
public final class ExcelDownload {

    /** Writes the workbook in the page's language. */
    @FunctionalInterface
    public interface Export extends Serializable {
        void write(Locale locale, OutputStream out) throws IOException;
    }

    private ExcelDownload() {
    }

    public static StreamedContent of(String list, Export export) {
        FacesContext fc = FacesContext.getCurrentInstance();
        Locale locale = fc != null && fc.getViewRoot() != null ? fc.getViewRoot().getLocale() : Locale.ENGLISH;
        return DefaultStreamedContent.builder()
                .name(ListExport.fileName(list, Instant.now()))
                .contentType(ListExport.CONTENT_TYPE)
                .writer(out -> {
                    try {
                        export.write(locale, out);
                    } catch (IOException e) {
                        // The client went away mid-download; nothing to show it.
                        throw new UncheckedIOException(e);
                    }
                })
                .build();
    }
}
