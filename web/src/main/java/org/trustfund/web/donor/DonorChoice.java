package org.trustfund.web.donor;

import java.io.Serializable;
import org.trustfund.donor.Donor;

/** A donor as offered by a donor field: enough to show and to record, not the entity. */
public record DonorChoice(long id, String name) implements Serializable {

    public static DonorChoice of(Donor donor) {
        return new DonorChoice(donor.getId(), donor.getName());
    }
}
