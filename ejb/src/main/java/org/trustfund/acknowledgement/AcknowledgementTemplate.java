package org.trustfund.acknowledgement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import org.trustfund.platform.BusinessException;

/** A fund's thank-you text in one language, plain text kept as written. */
@Entity
@Table(name = "acknowledgement_template")
@IdClass(AcknowledgementTemplate.Key.class)
public class AcknowledgementTemplate {

    /** Long enough for a page of thanks, short enough to stay a letter. */
    public static final int MAX_LENGTH = 4000;

    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private long fundId;
        private String language;

        public Key() {
        }

        public Key(long fundId, String language) {
            this.fundId = fundId;
            this.language = language;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.fundId == fundId && Objects.equals(k.language, language);
        }

        @Override
        public int hashCode() {
            return Objects.hash(fundId, language);
        }
    }

    @Id
    @Column(name = "fund_id", nullable = false, updatable = false)
    private long fundId;

    @Id
    @Column(name = "language", nullable = false, updatable = false, length = 8)
    private String language;

    @Column(name = "body", nullable = false)
    private String body;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false, length = 100)
    private String updatedBy;

    @Version
    private long version;

    protected AcknowledgementTemplate() {
    }

    AcknowledgementTemplate(long fundId, String language, String body, Instant at, String by) {
        this.fundId = fundId;
        this.language = language;
        change(body, at, by);
    }

    /** The text as the administrator typed it, line breaks kept; blank or too long is refused at the field. */
    final void change(String newBody, Instant at, String by) {
        this.body = check(newBody);
        this.updatedAt = at;
        this.updatedBy = by;
    }

    static String check(String body) {
        if (body == null || body.isBlank()) {
            throw new BusinessException("body", "ack.template.required");
        }
        String text = body.strip().replace("\r\n", "\n");
        if (text.length() > MAX_LENGTH) {
            throw new BusinessException("body", "ack.template.tooLong", MAX_LENGTH);
        }
        return text;
    }

    public long getFundId() { return fundId; }
    public String getLanguage() { return language; }
    public String getBody() { return body; }
    public Instant getUpdatedAt() { return updatedAt; }
    public String getUpdatedBy() { return updatedBy; }
    public long getVersion() { return version; }
}
