package org.trustfund.acknowledgement;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.apache.poi.xwpf.usermodel.Borders;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTR;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblPr;

/**
 * The letter as a Word document (Apache POI XWPF) for a donor who files or edits letters in Word: the same texts,
 * figures and order as the PDF of {@link AcknowledgementLetter}, whose wording and number formats it reuses. Every text
 * from a record or a template is a plain text run, so markup or a formula in it stays characters. In Arabic the
 * paragraphs and tables run right to left.
 */
public final class AcknowledgementDocx {

    /** The media type of a Word document (Office Open XML), for a download's Content-Type. */
    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /** The PDF's red for CANCELLED. */
    private static final String RED = "BB0000";

    /** Word sizes text in points; the PDF's sizes. */
    private static final double BODY = 10.5;

    private final AcknowledgementLetter letter;
    private final Locale locale;
    private final boolean rtl;

    public AcknowledgementDocx(Locale locale) {
        this.letter = new AcknowledgementLetter(locale);
        this.locale = locale;
        this.rtl = "ar".equals(locale.getLanguage());
    }

    /** @param thanks the fund's thank-you text in this language (plain text; line breaks kept) */
    public byte[] docx(Acknowledgement a, String thanks) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            String title = letter.title(a);
            var core = doc.getProperties().getCoreProperties();
            core.setTitle(title);
            core.setCreator("Trustfund");
            core.getUnderlyingProperties().setLanguageProperty(locale.toLanguageTag());

            run(paragraph(doc), a.getFund().getName(), 13, true, null);
            XWPFParagraph org = paragraph(doc);
            org.setSpacingAfter(560);
            run(org, letter.text("letter.administrator"), BODY, false, "444444");
            XWPFParagraph heading = paragraph(doc);
            heading.setSpacingAfter(200);
            run(heading, title, 14, true, null);

            table(doc, List.of(new AcknowledgementLetter.Line(letter.text("letter.number"), a.reference()),
                    new AcknowledgementLetter.Line(letter.text("letter.issuedOn"), letter.date(a.getIssuedOn())),
                    new AcknowledgementLetter.Line(letter.text("letter.donor"), AcknowledgementLetter.donorLine(a))));
            if (a.getKind() == AcknowledgementKind.LETTER && a.isCancelled()) {
                cancelledBox(doc, a);
            }
            if (a.getKind() == AcknowledgementKind.CANCELLATION) {
                run(paragraph(doc), letter.text("letter.cancellation.body", a.getCancels().reference(),
                        letter.date(a.getCancels().getIssuedOn())), BODY, false, null);
                run(paragraph(doc), letter.text("letter.cancellation.reason") + " " + a.getReason(), BODY, false, null);
            } else {
                run(paragraph(doc), letter.text("letter.received." + a.getReceiptKind().name()), BODY, false, null);
            }
            table(doc, letter.figures(a));
            if (a.getKind() == AcknowledgementKind.LETTER) {
                XWPFParagraph p = paragraph(doc);
                p.setSpacingBefore(340);
                p.setSpacingAfter(340);
                lines(p, thanks, BODY, false, null);
            }
            XWPFParagraph sign = paragraph(doc);
            sign.setSpacingBefore(900);
            lines(sign, String.join("\n", letter.text("letter.signature.line"), letter.text("letter.signature.title"),
                    a.getFund().getName()), BODY, false, null);

            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "CANCELLED on …" in red in a red box, the reason below it, as across the PDF. */
    private void cancelledBox(XWPFDocument doc, Acknowledgement a) {
        XWPFParagraph box = paragraph(doc);
        box.setBorderTop(Borders.SINGLE);
        box.setBorderBottom(Borders.SINGLE);
        box.setBorderLeft(Borders.SINGLE);
        box.setBorderRight(Borders.SINGLE);
        var edges = box.getCTPPr().getPBdr();
        for (var edge : List.of(edges.getTop(), edges.getBottom(), edges.getLeft(), edges.getRight())) {
            edge.setColor(RED);
            edge.setSz(java.math.BigInteger.valueOf(16));
        }
        box.setSpacingBefore(340);
        box.setSpacingAfter(340);
        XWPFRun head = run(box, letter.text("letter.cancelled", letter.date(a.getCancelledOn())), 14, true, RED);
        head.addBreak();
        run(box, a.getReason(), 14, true, RED);
    }

    /** A two-column table without borders: a label and its value per row. */
    private void table(XWPFDocument doc, List<AcknowledgementLetter.Line> lines) {
        XWPFTable table = doc.createTable(lines.size(), 2);
        table.removeBorders();
        if (rtl) {
            CTTblPr pr = table.getCTTbl().getTblPr() != null ? table.getCTTbl().getTblPr()
                    : table.getCTTbl().addNewTblPr();
            pr.addNewBidiVisual();
        }
        for (int i = 0; i < lines.size(); i++) {
            XWPFTableRow row = table.getRow(i);
            cell(row, 0, lines.get(i).label());
            cell(row, 1, lines.get(i).value());
        }
        // A paragraph after the table keeps the next table or text from joining it.
        paragraph(doc);
    }

    private void cell(XWPFTableRow row, int column, String text) {
        XWPFParagraph p = row.getCell(column).getParagraphs().get(0);
        direction(p);
        p.setSpacingAfter(40);
        run(p, text, BODY, false, null);
    }

    private XWPFParagraph paragraph(XWPFDocument doc) {
        XWPFParagraph p = doc.createParagraph();
        direction(p);
        return p;
    }

    private void direction(XWPFParagraph p) {
        if (rtl) {
            CTPPr pr = p.getCTP().isSetPPr() ? p.getCTP().getPPr() : p.getCTP().addNewPPr();
            pr.addNewBidi();
        }
    }

    /** Text with its line breaks as breaks within the paragraph (a Word text run holds no newline). */
    private void lines(XWPFParagraph p, String text, double size, boolean bold, String color) {
        String[] lines = (text == null ? "" : text).split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            XWPFRun r = run(p, lines[i], size, bold, color);
            if (i < lines.length - 1) {
                r.addBreak();
            }
        }
    }

    /** One plain text run: written as characters, never read as a field, markup or formula. */
    private XWPFRun run(XWPFParagraph p, String text, double size, boolean bold, String color) {
        XWPFRun r = p.createRun();
        r.setText(xmlChars(text));
        // Arabic text goes in a run marked right to left, so Word orders and shapes it as such, with the complex-script
        // weight and size (bCs, szCs), which Word draws Arabic with instead of b and sz. Latin runs stay as they are in
        // a right-to-left paragraph. Properties in the order of the first edition's schema (b, bCs, color, sz, szCs,
        // rtl), which older readers still insist on.
        boolean complex = rtl && text != null && java.text.Bidi.requiresBidi(text.toCharArray(), 0, text.length());
        CTR ctr = r.getCTR();
        org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr rpr = ctr.isSetRPr() ? ctr.getRPr()
                : ctr.addNewRPr();
        java.math.BigInteger halfPoints = java.math.BigInteger.valueOf(Math.round(size * 2));
        if (bold) {
            rpr.addNewB();
            if (complex) {
                rpr.addNewBCs();
            }
        }
        if (color != null) {
            rpr.addNewColor().setVal(color);
        }
        rpr.addNewSz().setVal(halfPoints);
        if (complex) {
            rpr.addNewSzCs().setVal(halfPoints);
            rpr.addNewRtl();
        }
        return r;
    }

    /**
     * The characters a Word text run holds: a line break within a one-line value (a reason typed on two lines) becomes
     * a space, and a control character XML cannot hold is dropped rather than corrupting the file.
     */
    private static String xmlChars(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().map(c -> c == 0xA || c == 0xD ? ' ' : c)
                .filter(c -> c == 0x9 || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000)
                .forEach(out::appendCodePoint);
        return out.toString();
    }
}
