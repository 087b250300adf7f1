package org.trustfund.acknowledgement;

import com.openhtmltopdf.bidi.support.ICUBidiReorderer;
import com.openhtmltopdf.bidi.support.ICUBidiSplitter;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.ResourceBundle;
import org.trustfund.money.CurrencyUnits;

/**
 * The letter as a PDF a donor can file: the fund's name, the number, the date of issue, the donor, what was received
 * (amount in its currency and in US dollars with the rate and its date; or the gift in kind, its basis and value; or
 * the transfer's net and statement), the thank-you text, a signature block; "CANCELLED" across a letter whose receipt
 * was reversed, and for a notice the letter it cancels. Laid out as XHTML by openhtmltopdf over PDFBox with the
 * DejaVu Sans font embedded (Latin, Cyrillic, Greek and Arabic scripts; shaped right to left by ICU) and Droid Sans
 * Fallback for Chinese (and Japanese or Korean names). Every text that comes from a record or a template is escaped:
 * it is shown as written, never read as markup.
 */
public final class AcknowledgementLetter {

    private static final String BUNDLE = "org.trustfund.acknowledgement.letters";
    private static final String FONTS = "/org/trustfund/acknowledgement/fonts/";

    /** The documents' CSS font list: a glyph DejaVu lacks (Chinese) is taken from the fallback. */
    public static final String FONT_FAMILY = "'DejaVu Sans', 'Droid Sans Fallback'";

    private static final String CJK_FONT = "DroidSansFallbackFull.ttf";

    /** 4 MB read once, on the first document that needs it, rather than from the EAR on every letter. */
    private static volatile byte[] cjkFont;

    private final ResourceBundle texts;
    private final Locale locale;

    public AcknowledgementLetter(Locale locale) {
        this.locale = org.trustfund.reference.UnLanguage.forFigures(locale);
        this.texts = texts(locale);
    }

    /** The letter texts; a language without its own file gets English, never the server's default locale. */
    public static ResourceBundle texts(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale, AcknowledgementLetter.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The default thank-you text of a language, where no template was saved for the fund. */
    public static String defaultThanks(Locale locale) {
        return texts(locale).getString("letter.thanks");
    }

    /** @param thanks the fund's thank-you text in this language (plain text; line breaks kept) */
    public byte[] pdf(Acknowledgement a, String thanks) {
        return render(xhtml(a, thanks));
    }

    /**
     * Any of the fund's documents as a PDF: XHTML laid out by openhtmltopdf with the DejaVu fonts embedded (Latin,
     * Cyrillic, Greek, Arabic with its bidi), as the letters are, and the Chinese font where the text has such glyphs
     * (only then: parsing it costs more than the rest of a letter, and a subset of it is embedded).
     */
    public static byte[] render(String xhtml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(() -> font("DejaVuSans.ttf"), "DejaVu Sans", 400, BaseRendererBuilder.FontStyle.NORMAL, true);
            builder.useFont(() -> font("DejaVuSans-Bold.ttf"), "DejaVu Sans", 700, BaseRendererBuilder.FontStyle.NORMAL,
                    true);
            if (needsCjkFont(xhtml)) {
                byte[] cjk = cjkFont();
                builder.useFont(() -> new java.io.ByteArrayInputStream(cjk), "Droid Sans Fallback", 400,
                        BaseRendererBuilder.FontStyle.NORMAL, true);
            }
            builder.useUnicodeBidiSplitter(new ICUBidiSplitter.ICUBidiSplitterFactory());
            builder.useUnicodeBidiReorderer(new ICUBidiReorderer());
            builder.withHtmlContent(xhtml, null);
            builder.withProducer("Trustfund");
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Whether a text has Han, kana, Hangul or CJK punctuation, none of which DejaVu Sans draws. */
    static boolean needsCjkFont(String text) {
        return text.codePoints().anyMatch(c -> {
            Character.UnicodeScript script = Character.UnicodeScript.of(c);
            if (script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                    || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL
                    || script == Character.UnicodeScript.BOPOMOFO) {
                return true;
            }
            Character.UnicodeBlock block = Character.UnicodeBlock.of(c);
            return block == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                    || block == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS;
        });
    }

    private static byte[] cjkFont() {
        byte[] bytes = cjkFont;
        if (bytes == null) {
            try (InputStream in = font(CJK_FONT)) {
                bytes = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            cjkFont = bytes;
        }
        return bytes;
    }

    private static InputStream font(String name) {
        InputStream in = AcknowledgementLetter.class.getResourceAsStream(FONTS + name);
        if (in == null) {
            throw new IllegalStateException("font missing from the build: " + name);
        }
        return in;
    }

    /** The letter's XHTML; public for the preview of a template on a page. */
    public String xhtml(Acknowledgement a, String thanks) {
        StringBuilder h = new StringBuilder(4096);
        boolean rtl = "ar".equals(locale.getLanguage());
        h.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"")
                .append(esc(locale.getLanguage())).append("\"").append(rtl ? " dir=\"rtl\"" : "").append("><head><title>")
                .append(esc(title(a))).append("</title><style>")
                .append("@page { size: A4; margin: 25mm 22mm; }")
                .append("body { font-family: ").append(FONT_FAMILY)
                .append("; font-size: 10.5pt; line-height: 1.45; color: #111; }")
                .append(".fund { font-weight: bold; font-size: 13pt; }")
                .append(".org { color: #444; margin-bottom: 14mm; }")
                .append("table.meta td { padding: 1pt 8pt 1pt 0; vertical-align: top; }")
                .append(".figures td { padding: 2pt 10pt 2pt 0; }")
                .append(".cancelled { border: 2pt solid #b00; color: #b00; font-weight: bold; font-size: 14pt;"
                        + " padding: 4pt 8pt; margin: 6mm 0; }")
                .append(".thanks { white-space: pre-wrap; margin: 6mm 0; }")
                .append(".sign { margin-top: 16mm; }")
                .append("</style></head><body>");
        h.append("<div class=\"fund\">").append(esc(a.getFund().getName())).append("</div>");
        h.append("<div class=\"org\">").append(esc(text("letter.administrator"))).append("</div>");
        h.append("<h1 style=\"font-size: 14pt\">").append(esc(title(a))).append("</h1>");
        h.append("<table class=\"meta\">");
        row(h, text("letter.number"), a.reference());
        row(h, text("letter.issuedOn"), date(a.getIssuedOn()));
        row(h, text("letter.donor"), donorLine(a));
        h.append("</table>");
        if (a.getKind() == AcknowledgementKind.LETTER && a.isCancelled()) {
            h.append("<div class=\"cancelled\">").append(esc(text("letter.cancelled", date(a.getCancelledOn()))))
                    .append("<br/>").append(esc(a.getReason())).append("</div>");
        }
        if (a.getKind() == AcknowledgementKind.CANCELLATION) {
            h.append("<p>").append(esc(text("letter.cancellation.body", a.getCancels().reference(),
                    date(a.getCancels().getIssuedOn())))).append("</p>");
            h.append("<p>").append(esc(text("letter.cancellation.reason"))).append(" ").append(esc(a.getReason()))
                    .append("</p>");
        } else {
            h.append("<p>").append(esc(text("letter.received." + a.getReceiptKind().name()))).append("</p>");
        }
        h.append("<table class=\"figures\">");
        received(h, a);
        h.append("</table>");
        if (a.getKind() == AcknowledgementKind.LETTER) {
            h.append("<div class=\"thanks\">").append(esc(thanks)).append("</div>");
        }
        h.append("<div class=\"sign\">").append(esc(text("letter.signature.line"))).append("<br/>")
                .append(esc(text("letter.signature.title"))).append("<br/>").append(esc(a.getFund().getName()))
                .append("</div>");
        h.append("</body></html>");
        return h.toString();
    }

    private void received(StringBuilder h, Acknowledgement a) {
        for (Line line : figures(a)) {
            row(h, line.label(), line.value());
        }
    }

    /** A label and its value, as the letter's tables show them (plain text, not yet escaped). */
    record Line(String label, String value) {
    }

    /** What was received, row by row: the same rows in the PDF and in the Word document. */
    java.util.List<Line> figures(Acknowledgement a) {
        java.util.List<Line> rows = new java.util.ArrayList<>();
        if (a.getReceivedOn() != null) {
            rows.add(new Line(text("letter.receivedOn"), date(a.getReceivedOn())));
        }
        if (a.getDescription() != null) {
            rows.add(new Line(text("letter.description"), a.getDescription()));
        }
        if (a.getChannel() != null) {
            rows.add(new Line(text("letter.channel"), a.getChannel()));
        }
        if (a.getAmount() != null) {
            rows.add(new Line(text(a.getReceiptKind() == org.trustfund.receipt.ReceiptKind.TRANSFER ? "letter.net"
                    : a.getReceiptKind() == org.trustfund.receipt.ReceiptKind.IN_KIND ? "letter.value"
                    : "letter.amount"), money(a.getAmount(), a.getCurrency())));
        }
        if (a.getValuationBasis() != null) {
            rows.add(new Line(text("letter.basis"), text("letter.basis." + a.getValuationBasis())));
        }
        rows.add(new Line(text("letter.usd"), money(a.getUsdAmount(), "USD")));
        if (a.getUnitsPerUsd() != null && !"USD".equals(a.getCurrency())) {
            rows.add(new Line(text("letter.rate"), text("letter.rate.value", rate(a.getUnitsPerUsd()),
                    a.getCurrency(), a.getRateDate() == null ? "" : date(a.getRateDate()))));
        }
        return rows;
    }

    /** The donor as the letter names them: the donor's name, and the contact person's if there is one. */
    static String donorLine(Acknowledgement a) {
        return a.getDonor().getName()
                + (a.getDonor().getContactName() == null ? "" : " — " + a.getDonor().getContactName());
    }

    String title(Acknowledgement a) {
        return text(a.getKind() == AcknowledgementKind.CANCELLATION ? "letter.title.cancellation" : "letter.title");
    }

    private void row(StringBuilder h, String label, String value) {
        h.append("<tr><td>").append(esc(label)).append("</td><td>").append(esc(value)).append("</td></tr>");
    }

    private String money(BigDecimal amount, String currency) {
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        int digits = CurrencyUnits.of(currency);
        f.setMinimumFractionDigits(digits);
        f.setMaximumFractionDigits(digits);
        return f.format(amount) + " " + currency;
    }

    /** A rate in the letter's language, with as many decimals as it has (at most six). */
    private String rate(BigDecimal unitsPerUsd) {
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMinimumFractionDigits(Math.max(0, unitsPerUsd.stripTrailingZeros().scale()));
        f.setMaximumFractionDigits(6);
        return f.format(unitsPerUsd);
    }

    String date(LocalDate d) {
        return d.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale));
    }

    String text(String key, Object... args) {
        String pattern = texts.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    /** XML text: markup characters as entities, and characters XML cannot hold dropped. */
    public static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                            || c >= 0x10000) {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }
}
