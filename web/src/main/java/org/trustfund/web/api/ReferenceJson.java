package org.trustfund.web.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.trustfund.reference.AcceptedCurrency;
import org.trustfund.reference.Country;
import org.trustfund.reference.ExchangeRate;
import org.trustfund.reference.Fund;

/** The JSON forms of reference data: funds, countries, currencies and operational rates. */
public final class ReferenceJson {

    private ReferenceJson() {
    }

    public record FundView(long id, String code, String name, String baseCurrency,
            @Schema(format = "date") String startDate,
            @Schema(description = "Programme support cost rate as a fraction, e.g. 0.13") String pscRate,
            long version) {

        static FundView of(Fund f) {
            return new FundView(f.getId(), f.getCode(), f.getName(), f.getBaseCurrency(), Iso.text(f.getStartDate()),
                    f.getPscRate().stripTrailingZeros().toPlainString(), f.getVersion());
        }
    }

    public record NewFund(@Schema(required = true, example = "IGF") String code, @Schema(required = true) String name,
            @Schema(required = true, format = "date") String startDate,
            @Schema(description = "Fraction, default 0.13") String pscRate) {
    }

    public record CountryView(String code, String name,
            @Schema(enumeration = {"DEVELOPED", "DEVELOPING", "LEAST_DEVELOPED", "TRANSITION"})
            String developmentStatus,
            String region) {

        static CountryView of(Country c) {
            return new CountryView(c.getCode(), c.getName(), c.getDevelopmentStatus().name(), c.getRegion());
        }
    }

    public record CountryInput(@Schema(required = true) String name,
            @Schema(required = true, enumeration = {"DEVELOPED", "DEVELOPING", "LEAST_DEVELOPED", "TRANSITION"})
            String developmentStatus, @Schema(required = true) String region) {
    }

    public record CurrencyView(String code, String name, int minorUnits) {

        static CurrencyView of(AcceptedCurrency c) {
            return new CurrencyView(c.getCode(), c.getName(), c.getMinorUnits());
        }
    }

    public record NewCurrency(@Schema(required = true, example = "EUR") String code, String name) {
    }

    public record RateView(long id, String currency,
            @Schema(format = "date") String effectiveDate,
            @Schema(description = "Units of the currency per US dollar, as a decimal string") String unitsPerUsd,
            @Schema(format = "date-time") String createdAt, String createdBy, long version) {

        static RateView of(ExchangeRate r) {
            return new RateView(r.getId(), r.getCurrency(), Iso.text(r.getEffectiveDate()),
                    r.getUnitsPerUsd().stripTrailingZeros().toPlainString(), Iso.text(r.getCreatedAt()),
                    r.getCreatedBy(),
                    r.getVersion());
        }
    }

    public record NewRate(@Schema(required = true, example = "EUR") String currency,
            @Schema(required = true, format = "date", example = "2025-01-01") String effectiveDate,
            @Schema(required = true, example = "0.92", description = "Units per US dollar, as a decimal string")
            String unitsPerUsd) {
    }

    public record FundList(List<FundView> items) {
    }

    public record CountryList(List<CountryView> items) {
    }

    public record CurrencyList(List<CurrencyView> items) {
    }

    public record RateList(List<RateView> items) {
    }
}
