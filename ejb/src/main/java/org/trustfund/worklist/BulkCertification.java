package org.trustfund.worklist;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.OptimisticLockException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.trustfund.contribution.ContributionService;
import org.trustfund.platform.BusinessException;
import org.trustfund.security.Roles;

/**
 * Certifies several contributions at once, each exactly as if certified alone: every rule is checked (four
 * eyes, the version seen, closed years, instalments paid meanwhile) and each is audited and posted in its own
 * transaction, so one refused entry neither undoes nor blocks the others. Runs outside a transaction for that.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BulkCertification {

    /** One certification, in its own transaction: {@link ContributionService#certify} in the container. */
    @FunctionalInterface
    public interface Certifier {
        void certify(long id, long expectedVersion);
    }

    @EJB
    private ContributionService contributions;

    private Certifier certifier;

    public BulkCertification() {
    }

    /** For tests outside the container: each call of {@code certifier} runs its own transaction. */
    public BulkCertification(Certifier certifier) {
        this.certifier = certifier;
    }

    /**
     * Certifies each entry of {@code versions} (contribution id to the version the user saw), in the order given.
     *
     * @return one outcome per entry, in that order
     */
    @RolesAllowed(Roles.CERTIFYING_OFFICER)
    public List<CertificationOutcome> certifyEach(Map<Long, Long> versions) {
        Certifier one = certifier != null ? certifier : (id, version) -> contributions.certify(id, version);
        List<CertificationOutcome> outcomes = new ArrayList<>();
        versions.forEach((id, version) -> outcomes.add(certifyOne(one, id, version)));
        return outcomes;
    }

    private static CertificationOutcome certifyOne(Certifier one, long id, long version) {
        try {
            one.certify(id, version);
            return CertificationOutcome.done(id);
        } catch (BusinessException refused) {
            return CertificationOutcome.refused(id, refused.messageKey(), refused.arguments());
        } catch (OptimisticLockException changed) {
            return CertificationOutcome.refused(id, "record.changedByAnother");
        } catch (EJBException failed) {
            if (causedBy(failed, OptimisticLockException.class)) {
                return CertificationOutcome.refused(id, "record.changedByAnother");
            }
            throw failed;
        }
    }

    private static boolean causedBy(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }
}
