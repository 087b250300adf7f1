package org.trustfund.contribution.imports;

import java.io.Serializable;

/** An imported file as listed on the import page, with how many of its contributions await certification. */
public record ImportSummary(ImportedFile file, long awaitingCertification) implements Serializable {

    /** For the page (Jakarta EL 5 reads JavaBean getters, not record accessors). */
    public ImportedFile getFile() {
        return file;
    }

    public long getAwaitingCertification() {
        return awaitingCertification;
    }
}
