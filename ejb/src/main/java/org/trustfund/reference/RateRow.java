package org.trustfund.reference;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;

/** One operational rate as typed or imported. */
public record RateRow(String currency, LocalDate effectiveDate, BigDecimal unitsPerUsd) implements Serializable {
}
