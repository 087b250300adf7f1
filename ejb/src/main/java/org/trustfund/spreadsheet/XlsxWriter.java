package org.trustfund.spreadsheet;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * One xlsx being written. Sheets stream: only the last {@link #ROWS_IN_MEMORY} rows of each are in memory, the
 * rest are in a temporary file until {@link #write}; so {@link #close} must run (try-with-resources) to delete
 * them. Text is written inline (no shared-strings table, which would hold every distinct text in memory).
 *
 * <p>Charts need POI's non-streaming drawing API: {@link #xssf()} gives the underlying workbook; the
 * {@code XSSFSheet} behind a streamed sheet is {@code xssf().getSheet(name)}.
 */
public final class XlsxWriter implements AutoCloseable {

    static final int ROWS_IN_MEMORY = 200;

    private final SXSSFWorkbook workbook;
    private final Styles styles;
    private final List<SheetWriter> sheets = new ArrayList<>();
    private String title = "";

    private XlsxWriter() {
        workbook = new SXSSFWorkbook(new XSSFWorkbook(), ROWS_IN_MEMORY, false, false);
        styles = new Styles(workbook);
    }

    public static XlsxWriter create() {
        return new XlsxWriter();
    }

    /** The file's document properties (File → Properties), and the title printed in each sheet's header. */
    public XlsxWriter properties(String title, String subject, String author, String keywords) {
        this.title = title == null ? "" : title;
        POIXMLProperties.CoreProperties core = workbook.getXSSFWorkbook().getProperties().getCoreProperties();
        core.setTitle(title);
        core.setSubjectProperty(subject);
        core.setCreator(author);
        core.setKeywords(keywords);
        workbook.getXSSFWorkbook().getProperties().getExtendedProperties().setApplication("Trustfund");
        return this;
    }

    /** A new streamed sheet, after the ones made before it. */
    public SheetWriter sheet(String name) {
        String safe = safeSheetName(name);
        SXSSFSheet sheet = workbook.createSheet(safe);
        SheetWriter writer = new SheetWriter(this, sheet);
        sheets.add(writer);
        return writer;
    }

    /**
     * A sheet name Excel accepts and this workbook does not have yet: at most 31 characters, none of {@code []:*?/\},
     * not empty; a clash gets " (2)".
     */
    String safeSheetName(String name) {
        String base = WorkbookUtil.createSafeSheetName(name == null || name.isBlank() ? "Sheet" : name.strip(), '_');
        String candidate = base;
        for (int n = 2; workbook.getSheet(candidate) != null; n++) {
            String suffix = " (" + n + ")";
            candidate = base.substring(0, Math.min(base.length(), 31 - suffix.length())) + suffix;
        }
        return candidate;
    }

    public XSSFWorkbook xssf() {
        return workbook.getXSSFWorkbook();
    }

    public Styles styles() {
        return styles;
    }

    String title() {
        return title;
    }

    /** Writes the file: widths, filters and print areas are settled first, then the streamed rows are copied in. */
    public void write(OutputStream out) throws IOException {
        for (SheetWriter sheet : sheets) {
            sheet.finish();
        }
        workbook.write(out);
    }

    /** Deletes the temporary files of the streamed rows. */
    @Override
    public void close() {
        workbook.dispose();
        try {
            workbook.close();
        } catch (IOException e) {
            // Nothing was opened from a file: closing cannot lose data.
        }
    }
}
