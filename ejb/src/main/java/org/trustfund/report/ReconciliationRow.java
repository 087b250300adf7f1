package org.trustfund.report;

import java.math.BigDecimal;

/**
 * A sheet's total against the ledger: {@code sheetValue} is the value of the cell {@code cellRef} on {@code sheetName}
 * (the reconciliation points at it with a formula); {@code ledger} is read from the ledger by SQL; {@code adjustment}
 * is what the sheet adds to the ledger on purpose (the year-end revaluation preview of an open year), else zero. The
 * difference, sheet less ledger less adjustment, must be 0.00.
 */
public record ReconciliationRow(String label, String sheetName, String cellRef, BigDecimal sheetValue,
        BigDecimal ledger, BigDecimal adjustment) {

    public ReconciliationRow(String label, ReportContext.TotalCell cell, BigDecimal ledger, BigDecimal adjustment) {
        this(label, cell.sheetName(), cell.cellRef(), cell.value(), ledger, adjustment);
    }

    public BigDecimal difference() {
        return sheetValue.subtract(ledger).subtract(adjustment);
    }
}
