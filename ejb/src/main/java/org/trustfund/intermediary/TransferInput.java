package org.trustfund.intermediary;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A transfer as a finance officer enters it. {@code receivedDate}, {@code net} and {@code bankReference} may be
 * null while the intermediary has reported gifts but not yet sent the money (pending); all three are needed to
 * certify. {@code gifts} null keeps the gifts already recorded (the REST API's and the import's way to change the
 * amounts without re-sending hundreds of gifts); an empty list removes them.
 */
public record TransferInput(long intermediaryId, long fundId, String currency, BigDecimal gross, BigDecimal fees,
        BigDecimal net, LocalDate receivedDate, String bankReference, String statementReference,
        List<GiftInput> gifts, String staleRateReason) implements Serializable {
}
