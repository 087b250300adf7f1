package org.trustfund.travel;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A participant-funding programme: MAG member travel support, the fellowship programme, other participant funding.
 * The three come with the schema; their names are in the bundles under {@code travel.programme.<code>}.
 */
@Entity
@Table(name = "travel_programme")
public class Programme {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "code", nullable = false, updatable = false, length = 30)
    private String code;

    @Version
    private long version;

    protected Programme() {
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }
}
