package org.trustfund.acknowledgement;

import java.time.LocalDate;
import java.util.Map;
import org.trustfund.contribution.Contribution;
import org.trustfund.contribution.ContributionInput;
import org.trustfund.contribution.ContributionService;
import org.trustfund.money.Money;
import org.trustfund.receipt.ReceiptKind;
import org.trustfund.security.Roles;
import org.trustfund.testing.FixedCaller;
import org.trustfund.testing.TestDatabase;

/** The letter tests' steps: a EUR contribution recorded by one officer, certified by another, and its letter. */
final class CertifiedLetters {

    static final FixedCaller FINANCE = FixedCaller.of("fiona", Roles.FINANCE_OFFICER);
    static final FixedCaller CERTIFIER = FixedCaller.of("carl", Roles.CERTIFYING_OFFICER);

    private CertifiedLetters() {
    }

    /** Received on 2 March 2026, in EUR. */
    static long record(TestDatabase db, long fundId, long donor, String eur, String reference) {
        return db.inTransaction(em -> new ContributionService(em, FINANCE).record(new ContributionInput(donor, fundId,
                LocalDate.of(2026, 3, 2), Money.of(eur, "EUR"), reference, Map.of())).getId());
    }

    static void certify(TestDatabase db, long id) {
        db.run(em -> new ContributionService(em, CERTIFIER).certify(id, em.find(Contribution.class, id).getVersion()));
    }

    static long letterId(TestDatabase db, long contribution) {
        return db.inTransaction(em -> new Acknowledgements(em, CERTIFIER).letterOf(ReceiptKind.CASH, contribution)
                .orElseThrow().getId());
    }
}
