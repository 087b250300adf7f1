package org.trustfund.web.acknowledgement;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.trustfund.recognition.Givers;
import org.trustfund.recognition.GiversList;
import org.trustfund.recognition.GiversList.PublicFund;

/**
 * Backs {@code /public/supporters.xhtml?fund=&year=}, open to anyone: who supports a fund in a year, as the IGF
 * recognizes its donors on its website. Donors who gave directly with their stakeholder group, those who gave in kind
 * (host countries among them), and the givers through intermediaries who agreed to be named, with the channel; the
 * others counted, never named. Certified records only; each one's USD amount only if the fund's setting shows amounts. The answer carries an ETag of what it shows and may
 * be cached for five minutes; a reader who has it gets 304.
 */
@Named
@RequestScoped
public class PublicSupportersPage {

    static final String CACHE_CONTROL = "public, max-age=300";

    /** The six UN languages, in the order the page lists them. */
    static final List<Locale> LANGUAGES = java.util.Arrays.stream(org.trustfund.reference.UnLanguage.values())
            .map(org.trustfund.reference.UnLanguage::locale).toList();

    /**
     * The page's language: the one named by {@code ?lang=} if it is a UN language, else the reader's first choice among
     * them (Accept-Language, weights honoured), else English. A header that cannot be read counts as none.
     */
    static Locale language(String asked, String acceptLanguage) {
        if (asked != null) {
            for (Locale l : LANGUAGES) {
                if (l.getLanguage().equals(asked)) {
                    return l;
                }
            }
        }
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            try {
                Locale found = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), LANGUAGES);
                if (found != null) {
                    return found;
                }
            } catch (IllegalArgumentException e) {
                // Not a valid header: the page in English, as without one.
            }
        }
        return Locale.ENGLISH;
    }

    @EJB
    private GiversList givers;

    private List<PublicFund> funds = List.of();
    private PublicFund fund;
    private int year;
    private Givers list;
    private Locale locale = Locale.ENGLISH;
    private String asked;

    @PostConstruct
    void load() {
        FacesContext fc = FacesContext.getCurrentInstance();
        ExternalContext ec = fc.getExternalContext();
        String lang = ec.getRequestParameterMap().get("lang");
        locale = org.trustfund.reference.UnLanguage.forFigures(language(lang,
                ec.getRequestHeaderMap().get("Accept-Language")));
        // Kept on the page's links only when the reader chose it: otherwise their browser's choice goes on deciding.
        asked = lang != null && locale.getLanguage().equals(lang) ? lang : null;
        funds = givers.publicFunds();
        String code = ec.getRequestParameterMap().get("fund");
        fund = funds.stream().filter(f -> f.code().equalsIgnoreCase(code == null ? "" : code.strip())).findFirst()
                .orElse(funds.isEmpty() ? null : funds.get(0));
        int thisYear = LocalDate.now().getYear();
        String y = ec.getRequestParameterMap().get("year");
        year = y != null && y.matches("\\d{4}") ? Integer.parseInt(y) : thisYear;
        if (fund == null) {
            return;
        }
        if (year < fund.startYear() || year > thisYear) {
            year = thisYear;
        }
        list = givers.published(fund.id(), year);
        String etag = "\"" + fingerprint(locale.getLanguage()) + "\"";
        ec.setResponseHeader("ETag", etag);
        ec.setResponseHeader("Cache-Control", CACHE_CONTROL);
        ec.setResponseHeader("Vary", "Accept-Language");
        if (etag.equals(ec.getRequestHeaderMap().get("If-None-Match"))) {
            ec.setResponseStatus(HttpServletResponse.SC_NOT_MODIFIED);
            fc.responseComplete();
        }
    }

    /** What the page shows, hashed: the same page in the same language has the same tag. */
    private String fingerprint(String language) {
        StringBuilder s = new StringBuilder().append(language).append('|').append(fund.id()).append('|').append(year)
                .append('|').append(funds.size()).append('|').append(fund.amounts());
        for (Givers.Giver g : list.named()) {
            s.append('|').append(g.name()).append('\u0000').append(g.group()).append('\u0000').append(g.channel())
                    .append('\u0000').append(g.inKindUsd().signum());
            if (fund.amounts()) {
                s.append('\u0000').append(g.cashUsd().toPlainString()).append('\u0000').append(g.inKindUsd().toPlainString())
                        .append('\u0000').append(g.throughChannelUsd().toPlainString());
            }
        }
        s.append('|').append(list.notNamedCount());
        list.channels().forEach(c -> s.append('|').append(c.name()).append('\u0000').append(c.givers()));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(s.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Donors who gave cash directly. */
    public List<Givers.Giver> getDonors() {
        return list == null ? List.of() : list.named().stream().filter(g -> g.channel() == null
                && g.cashUsd().signum() > 0).toList();
    }

    /** Donors who gave in kind (host countries' venues among them). */
    public List<Givers.Giver> getInKind() {
        return list == null ? List.of() : list.named().stream().filter(g -> g.channel() == null
                && g.inKindUsd().signum() > 0).toList();
    }

    /** Givers through an intermediary who agreed to be named. */
    public List<Givers.Giver> getThroughChannels() {
        return list == null ? List.of() : list.named().stream().filter(g -> g.channel() != null).toList();
    }

    public List<Integer> getYears() {
        if (fund == null) {
            return List.of();
        }
        return IntStream.rangeClosed(fund.startYear(), LocalDate.now().getYear()).boxed()
                .sorted(java.util.Comparator.reverseOrder()).toList();
    }

    /** A USD amount as the page writes it: grouped, two decimals, in the page's language. */
    public String usd(java.math.BigDecimal amount) {
        java.text.NumberFormat f = java.text.NumberFormat.getNumberInstance(locale);
        f.setMinimumFractionDigits(2);
        f.setMaximumFractionDigits(2);
        return "USD " + f.format(amount);
    }

    public Locale getLocale() { return locale; }

    /** Arabic is written right to left. */
    public boolean isRtl() { return "ar".equals(locale.getLanguage()); }

    /** The language the reader chose with {@code ?lang=}, or null. */
    public String getAsked() { return asked; }

    public List<Locale> getLanguages() { return LANGUAGES; }

    /** A language's name in that language, as a reader looking for their own would recognise it. */
    public String nameOf(Locale language) {
        String name = language.getDisplayLanguage(language);
        return name.substring(0, 1).toUpperCase(language) + name.substring(1);
    }

    public boolean isAmounts() { return fund != null && fund.amounts(); }
    public List<PublicFund> getFunds() { return funds; }
    public PublicFund getFund() { return fund; }
    public int getYear() { return year; }
    public Givers getList() { return list; }
}
