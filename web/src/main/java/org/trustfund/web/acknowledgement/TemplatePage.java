package org.trustfund.web.acknowledgement;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import org.trustfund.acknowledgement.AcknowledgementLetter;
import org.trustfund.acknowledgement.AcknowledgementService;
import org.trustfund.acknowledgement.AcknowledgementTemplate;
import org.trustfund.reference.ReferenceData;
import org.trustfund.security.Roles;
import org.trustfund.web.contribution.Choice;
import org.trustfund.web.platform.ListParameters;
import org.trustfund.web.platform.Messages;
import org.trustfund.web.platform.Pages;

/**
 * Backs {@code /admin/acknowledgement-template.xhtml?fund=&lang=}: an administrator writes a fund's thank-you text in
 * one of the six UN languages, previews it as the letter will show it (as plain text: markup and formula characters
 * stay what they are) and saves it; a text changed by someone else meanwhile is refused, never overwritten.
 */
@Named
@ViewScoped
public class TemplatePage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private AcknowledgementService service;

    @EJB
    private ReferenceData referenceData;

    private List<Choice<Long>> funds = List.of();
    private Long fundId;
    private String language = "en";
    private String body;
    private long version;
    private boolean saved;
    private String preview;

    @PostConstruct
    void load() {
        if (!Pages.requireRole(Roles.ADMIN)) {
            return;
        }
        funds = referenceData.funds().stream().map(f -> new Choice<>(f.getId(), f.getCode() + " – " + f.getName())).toList();
        fundId = ListParameters.id("fund");
        if (fundId == null && !funds.isEmpty()) {
            fundId = funds.get(0).value();
        }
        String lang = ListParameters.text("lang");
        if (lang != null && AcknowledgementService.LANGUAGES.contains(lang)) {
            language = lang;
        }
        read();
    }

    private void read() {
        if (fundId == null) {
            return;
        }
        try {
            java.util.Optional<AcknowledgementTemplate> t = service.template(fundId, language);
            saved = t.isPresent();
            version = t.map(AcknowledgementTemplate::getVersion).orElse(0L);
            body = t.map(AcknowledgementTemplate::getBody)
                    .orElse(AcknowledgementLetter.defaultThanks(Locale.forLanguageTag(language)));
        } catch (RuntimeException e) {
            Messages.showFailure(e, "template");
        }
    }

    public String show() {
        return address();
    }

    private String address() {
        return "/admin/acknowledgement-template?faces-redirect=true" + ListParameters.of().put("fund", fundId)
                .put("lang", language).query().replaceFirst("^\\?", "&");
    }

    public void previewText() {
        try {
            preview = service.previewTemplate(body);
        } catch (RuntimeException e) {
            preview = null;
            Messages.showFailure(e, "template");
        }
    }

    public String save() {
        try {
            service.saveTemplate(fundId, language, body, version);
        } catch (RuntimeException e) {
            Messages.showFailure(e, "template");
            return null;
        }
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
        Messages.info("ack.template.saved", language);
        return address();
    }

    public List<Choice<Long>> getFunds() { return funds; }
    public List<String> getLanguages() { return AcknowledgementService.LANGUAGES; }
    public Long getFundId() { return fundId; }
    public void setFundId(Long fundId) { this.fundId = fundId; }
    public String getLanguage() { return language; }
    public void setLanguage(String language) { this.language = language; }
    public String getBody() { return body; }
    public void setBody(String body) { this.body = body; }
    public boolean isSaved() { return saved; }
    public String getPreview() { return preview; }
}
