package org.trustfund.acknowledgement;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Locale;
import org.trustfund.audit.AuditAction;
import org.trustfund.audit.AuditLog;
import org.trustfund.platform.AccessDeniedException;
import org.trustfund.platform.Changes;
import org.trustfund.platform.UnknownRecordException;
import org.trustfund.receipt.ReceiptKind;
import org.trustfund.security.Caller;
import org.trustfund.security.CallerAccess;
import org.trustfund.security.Roles;

/**
 * Acknowledgement letters to read and download: staff see every one, a donor user only their own donor's (another
 * donor's id is refused as if the letter were someone else's, and the refusal is logged). Every download is audited.
 */
@Stateless
@RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN, Roles.DONOR})
public class AcknowledgementService {

    /** As many as a page or a call lists at once. */
    public static final int MAX = 500;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private CallerAccess access;

    @Inject
    private AuditLog audit;

    @Inject
    private Caller caller;

    public AcknowledgementService() {
    }

    /** For tests outside the container. */
    public AcknowledgementService(EntityManager em, Caller caller) {
        this.em = em;
        this.caller = caller;
        this.access = new CallerAccess(em, caller);
        this.audit = new AuditLog(new org.trustfund.audit.AuditRepository(em), caller);
    }

    public Acknowledgement find(long id) {
        Acknowledgement a = em.find(Acknowledgement.class, id);
        if (a == null) {
            throw new UnknownRecordException("acknowledgement.unknown", id);
        }
        requireAccess(a);
        return a;
    }

    /**
     * A donor user's letters and notices, newest first; staff get a donor's with {@code donorId}, or every donor's
     * with null.
     */
    public List<Acknowledgement> list(Long donorId) {
        java.util.Collection<Long> donors = donorId == null ? null : List.of(donorId);
        if (!access.isStaff()) {
            java.util.Set<Long> own = access.linkedDonors();
            if (own.isEmpty()) {
                throw new AccessDeniedException();
            }
            if (donorId != null && !own.contains(donorId)) {
                refused("donor " + donorId);
            }
            donors = donorId != null ? List.of(donorId) : own;
        }
        jakarta.persistence.TypedQuery<Acknowledgement> q = em.createQuery("SELECT a FROM Acknowledgement a"
                + " JOIN FETCH a.fund JOIN FETCH a.donor" + (donors == null ? "" : " WHERE a.donor.id IN :donors")
                + " ORDER BY a.issuedOn DESC, a.id DESC", Acknowledgement.class);
        if (donors != null) {
            q.setParameter("donors", donors);
        }
        return q.setMaxResults(MAX).getResultList();
    }

    /** The letter (and its cancellation notice, if any) of one receipt: staff only, for the receipt's page. */
    @RolesAllowed({Roles.FINANCE_OFFICER, Roles.CERTIFYING_OFFICER, Roles.AUDITOR, Roles.ADMIN})
    public List<Acknowledgement> ofReceipt(ReceiptKind kind, long sourceId) {
        return em.createQuery("SELECT a FROM Acknowledgement a WHERE a.receiptKind = :kind AND a.sourceId = :id"
                        + " ORDER BY a.id", Acknowledgement.class)
                .setParameter("kind", kind).setParameter("id", sourceId).getResultList();
    }

    /** The languages a thank-you text may be written in: the six of the United Nations. */
    public static final List<String> LANGUAGES = org.trustfund.reference.UnLanguage.codes();

    /** The PDF in the language asked for; the download is audited with who, which letter, format and language. */
    public byte[] pdf(long id, Locale locale) {
        Acknowledgement a = find(id);
        byte[] pdf = new AcknowledgementLetter(locale).pdf(a, thanks(a.getFund().getId(), locale));
        downloaded(a, "pdf", locale, pdf.length);
        return pdf;
    }

    /** The same letter as a Word document (.docx), checked and audited as the PDF is. */
    public byte[] docx(long id, Locale locale) {
        Acknowledgement a = find(id);
        byte[] docx = new AcknowledgementDocx(locale).docx(a, thanks(a.getFund().getId(), locale));
        downloaded(a, "docx", locale, docx.length);
        return docx;
    }

    private void downloaded(Acknowledgement a, String format, Locale locale, int bytes) {
        audit.record(AuditAction.DOWNLOADED, Acknowledgements.ENTITY, a.getId(), Changes.of()
                .value("number", a.reference()).value("format", format).value("language", locale.getLanguage())
                .value("bytes", bytes).toString());
    }

    /** The fund's thank-you text in the letter's language, or the default text of that language. */
    String thanks(long fundId, Locale locale) {
        return thanks(em, fundId, locale);
    }

    static String thanks(EntityManager em, long fundId, Locale locale) {
        AcknowledgementTemplate t = em.find(AcknowledgementTemplate.class,
                new AcknowledgementTemplate.Key(fundId, locale.getLanguage()));
        return t != null ? t.getBody() : AcknowledgementLetter.defaultThanks(locale);
    }

    @RolesAllowed(Roles.ADMIN)
    public java.util.Optional<AcknowledgementTemplate> template(long fundId, String language) {
        return java.util.Optional.ofNullable(em.find(AcknowledgementTemplate.class,
                new AcknowledgementTemplate.Key(fundId, requireLanguage(language))));
    }

    /**
     * Saves a fund's thank-you text in a language (created with version 0, changed with the version read); the text is
     * plain and shown as written. Audited with the text before and after.
     */
    @RolesAllowed(Roles.ADMIN)
    public AcknowledgementTemplate saveTemplate(long fundId, String language, String body, long expectedVersion) {
        if (em.find(org.trustfund.reference.Fund.class, fundId) == null) {
            throw new UnknownRecordException("fund.unknown", fundId);
        }
        String lang = requireLanguage(language);
        AcknowledgementTemplate t = em.find(AcknowledgementTemplate.class, new AcknowledgementTemplate.Key(fundId, lang));
        java.time.Instant now = java.time.Instant.now();
        if (t == null) {
            org.trustfund.platform.ConcurrentChangeException.requireVersion(0, expectedVersion);
            t = new AcknowledgementTemplate(fundId, lang, body, now, caller.name());
            em.persist(t);
            em.flush();
            audit.record(AuditAction.CREATE, "AcknowledgementTemplate", fundId + "/" + lang,
                    Changes.of().value("body", t.getBody()).toString());
        } else {
            org.trustfund.platform.ConcurrentChangeException.requireVersion(t.getVersion(), expectedVersion);
            String before = t.getBody();
            t.change(body, now, caller.name());
            em.flush();
            audit.record(AuditAction.UPDATE, "AcknowledgementTemplate", fundId + "/" + lang,
                    Changes.of().field("body", before, t.getBody()).toString());
        }
        return t;
    }

    /** The text as a letter would show it, without saving: checked as a save would check it. */
    @RolesAllowed(Roles.ADMIN)
    public String previewTemplate(String body) {
        return AcknowledgementTemplate.check(body);
    }

    private static String requireLanguage(String language) {
        String lang = language == null ? "" : language.strip().toLowerCase(Locale.ROOT);
        if (!LANGUAGES.contains(lang)) {
            throw new org.trustfund.platform.BusinessException("language", "ack.template.language", language,
                    String.join(", ", LANGUAGES));
        }
        return lang;
    }

    private void requireAccess(Acknowledgement a) {
        if (access.isStaff()) {
            return;
        }
        if (!access.linkedDonors().contains(a.getDonor().getId())) {
            refused("acknowledgement " + a.getId());
        }
    }

    /** Logged where staff look (the audit log), then refused without saying whether the record exists. */
    private void refused(String what) {
        audit.recordAlone(caller.name(), AuditAction.ACCESS_REFUSED, Acknowledgements.ENTITY, null,
                "a donor user asked for " + what + " of another donor", null);
        throw new AccessDeniedException();
    }
}
