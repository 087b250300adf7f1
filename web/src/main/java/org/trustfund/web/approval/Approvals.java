package org.trustfund.web.approval;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.trustfund.approval.ApprovalRequest;
import org.trustfund.approval.ApprovalService;
import org.trustfund.contribution.ContributionService;
import org.trustfund.pledge.PledgeService;
import org.trustfund.web.platform.Numbers;

/**
 * Approves a request by its kind: the service that owns the subject performs the action in the same transaction
 * as the approval, so the approvals page and the REST API must both ask the right one. Rejecting and withdrawing
 * need no subject and go straight to {@link ApprovalService}.
 */
@ApplicationScoped
public class Approvals {

    @EJB
    private ApprovalService approvals;

    @EJB
    private ContributionService contributions;

    @EJB
    private PledgeService pledges;

    @EJB
    private org.trustfund.inkind.InKindService inKind;

    @EJB
    private org.trustfund.intermediary.IntermediaryService intermediaries;

    /**
     * Approves a request read at {@code expectedVersion} and performs what it asks.
     *
     * @return the request as it stands afterwards (approved)
     */
    public ApprovalRequest approve(long requestId, long expectedVersion) {
        ApprovalRequest request = approvals.find(requestId);
        switch (request.getKind()) {
            case CONTRIBUTION_REVERSAL -> contributions.approveReversal(requestId, expectedVersion);
            case SEPARATE_GIFT -> contributions.approveSeparateGift(requestId, expectedVersion);
            case PLEDGE_WRITE_OFF -> pledges.approveWriteOff(requestId, expectedVersion);
            case IN_KIND_REVERSAL -> inKind.approveReversal(requestId, expectedVersion);
            case TRANSFER_REVERSAL -> intermediaries.approveReversal(requestId, expectedVersion);
        }
        return approvals.find(requestId);
    }

    /**
     * The amount a request is about, for the confirmation before approving: the contribution's amount, or the
     * pledge's amount for a write-off; written as every amount is ({@code EUR 30,000.00}).
     */
    public String subjectAmount(ApprovalRequest request) {
        try {
            return switch (request.getKind()) {
                case CONTRIBUTION_REVERSAL, SEPARATE_GIFT -> Numbers.money(contributions.find(request.getSubjectId()).getAmount(), Numbers.locale());
                case PLEDGE_WRITE_OFF -> Numbers.money(pledges.find(request.getSubjectId()).getAmount(), Numbers.locale());
                case IN_KIND_REVERSAL -> Numbers.money(inKind.find(request.getSubjectId()).getFairValue(), Numbers.locale());
                case TRANSFER_REVERSAL -> Numbers.money(intermediaries.findTransfer(request.getSubjectId()).netMoney(), Numbers.locale());
            };
        } catch (RuntimeException e) {
            // Not readable by this user or gone: the question then names the request without an amount.
            return "—";
        }
    }

    public ApprovalRequest reject(long requestId, long expectedVersion, String note) {
        return approvals.reject(requestId, expectedVersion, note);
    }

    public ApprovalRequest withdraw(long requestId, long expectedVersion) {
        return approvals.withdraw(requestId, expectedVersion);
    }
}
