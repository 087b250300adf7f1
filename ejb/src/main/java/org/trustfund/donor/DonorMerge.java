package org.trustfund.donor;

import java.io.Serializable;
import java.util.List;

/** What a merge of donor {@code mergedId} into {@code keptId} moved, by record type. */
public record DonorMerge(long keptId, long mergedId, List<Long> pledges, List<Long> contributions,
        List<Long> approvalRequests, List<Long> donorUsers, List<Long> mergedDonors) implements Serializable {

    public int recordsMoved() {
        return pledges.size() + contributions.size() + approvalRequests.size() + donorUsers.size() + mergedDonors.size();
    }
}
