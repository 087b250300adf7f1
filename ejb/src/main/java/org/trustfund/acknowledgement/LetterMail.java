package org.trustfund.acknowledgement;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Date;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The e-mail that carries a letter: a short text in the letter's language and the PDF attached, from the address the
 * mail resource names. Sent with the resource's user and password when it has them.
 */
public final class LetterMail {

    private LetterMail() {
    }

    /**
     * What a claimed outbox message needs to be sent, read in the claiming transaction so that the sending itself
     * holds no database connection.
     */
    public record Envelope(long messageId, String recipient, String language, String reference, String fundName,
                           String donorName, boolean cancellation, byte[] pdf) {
    }

    /** Sends it and answers the message's Message-ID, the mark the receiving server logs. */
    public static String send(Session session, Envelope e) throws MessagingException {
        Locale locale = Locale.forLanguageTag(e.language());
        ResourceBundle texts = AcknowledgementLetter.texts(locale);
        MimeMessage message = new MimeMessage(session);
        InternetAddress from = InternetAddress.getLocalAddress(session);
        if (from != null) {
            message.setFrom(from);
        } else {
            message.setFrom();
        }
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(e.recipient(), true));
        String kind = e.cancellation() ? "mail.subject.cancellation" : "mail.subject";
        message.setSubject(MessageFormat.format(texts.getString(kind), e.reference(), e.fundName()),
                StandardCharsets.UTF_8.name());
        message.setSentDate(new Date());

        MimeBodyPart text = new MimeBodyPart();
        text.setText(MessageFormat.format(texts.getString(e.cancellation() ? "mail.body.cancellation" : "mail.body"),
                e.donorName(), e.reference(), e.fundName()), StandardCharsets.UTF_8.name());
        MimeBodyPart attachment = new MimeBodyPart();
        attachment.setDataHandler(new DataHandler(new ByteArrayDataSource(e.pdf(), "application/pdf")));
        attachment.setFileName(e.reference() + ".pdf");
        MimeMultipart parts = new MimeMultipart();
        parts.addBodyPart(text);
        parts.addBodyPart(attachment);
        message.setContent(parts);
        message.saveChanges();

        String user = session.getProperty("mail.smtp.user");
        String password = session.getProperty("mail.smtp.password");
        if (user != null && !user.isBlank() && password != null) {
            Transport.send(message, user, password);
        } else {
            Transport.send(message);
        }
        return message.getMessageID();
    }
}
