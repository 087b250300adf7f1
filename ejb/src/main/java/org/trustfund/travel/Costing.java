package org.trustfund.travel;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.trustfund.reference.DevelopmentStatus;

/**
 * What a request would cost and what applies to it, shown before it is saved: the DSA rate found for the place and
 * month (null if none), the nights the dates imply, the US dollar total at the rate of the day asked, whether the
 * request is late, and the traveller's eligibility on the departure date.
 */
public record Costing(String dsaCity, String dsaCountry, BigDecimal dsaRateFound, LocalDate dsaRateMonth, int nights,
        BigDecimal dsaUsd, BigDecimal costsUsd, BigDecimal totalUsd, BigDecimal unitsPerUsd, boolean late,
        LocalDate sixWeeksBefore, DevelopmentStatus residenceStatus, boolean eligible, boolean magMember)
        implements Serializable {
}
