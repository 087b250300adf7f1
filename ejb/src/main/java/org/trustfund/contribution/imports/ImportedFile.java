package org.trustfund.contribution.imports;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * A file that was imported: what kind, its name and SHA-256, how many rows it had and how many were added,
 * when and by whom. At most one per kind and content (the table's unique key), which is how importing the
 * same file again is recognized. Contributions it added point to it. Written once, never changed.
 */
@Entity
@Table(name = "import_batch")
@NamedQuery(name = "ImportedFile.findBySha256",
        query = "SELECT f FROM ImportedFile f WHERE f.kind = :kind AND f.fileSha256 = :sha256")
@NamedQuery(name = "ImportedFile.latest",
        query = "SELECT f FROM ImportedFile f WHERE f.kind = :kind ORDER BY f.importedAt DESC, f.id DESC")
public class ImportedFile implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The kind of a contribution import. */
    public static final String CONTRIBUTIONS = "CONTRIBUTIONS";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "kind", nullable = false, updatable = false, length = 30)
    private String kind;

    @Column(name = "file_name", nullable = false, updatable = false, length = 255)
    private String fileName;

    @Column(name = "file_sha256", nullable = false, updatable = false, length = 64)
    private String fileSha256;

    @Column(name = "row_count", nullable = false, updatable = false)
    private int rowCount;

    @Column(name = "added_count", nullable = false, updatable = false)
    private int addedCount;

    @Column(name = "imported_at", nullable = false, updatable = false)
    private Instant importedAt;

    @Column(name = "imported_by", nullable = false, updatable = false, length = 100)
    private String importedBy;

    @Version
    private long version;

    protected ImportedFile() {
    }

    public ImportedFile(String kind, String fileName, String fileSha256, int rowCount, int addedCount,
            Instant importedAt, String importedBy) {
        if (!Objects.requireNonNull(fileSha256, "fileSha256").matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("Not a SHA-256 in hex: " + fileSha256);
        }
        if (rowCount < 0 || addedCount < 0 || addedCount > rowCount) {
            throw new IllegalArgumentException("Added " + addedCount + " of " + rowCount + " rows");
        }
        this.kind = Objects.requireNonNull(kind, "kind");
        this.fileName = Objects.requireNonNull(fileName, "fileName");
        this.fileSha256 = fileSha256;
        this.rowCount = rowCount;
        this.addedCount = addedCount;
        this.importedAt = Objects.requireNonNull(importedAt, "importedAt");
        this.importedBy = Objects.requireNonNull(importedBy, "importedBy");
    }

    public Long getId() {
        return id;
    }

    public String getKind() {
        return kind;
    }

    public String getFileName() {
        return fileName;
    }

    public String getFileSha256() {
        return fileSha256;
    }

    public int getRowCount() {
        return rowCount;
    }

    public int getAddedCount() {
        return addedCount;
    }

    /** Rows of the file that were already recorded and so were skipped. */
    public int getSkippedCount() {
        return rowCount - addedCount;
    }

    public Instant getImportedAt() {
        return importedAt;
    }

    public String getImportedBy() {
        return importedBy;
    }

    public long getVersion() {
        return version;
    }
}
