package org.trustfund.web.reference;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.trustfund.reference.AcceptedCurrency;
import org.trustfund.reference.Country;
import org.trustfund.reference.CountryStatus;
import org.trustfund.reference.ExchangeRate;
import org.trustfund.reference.Fund;
import org.trustfund.web.api.Iso;

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
            @Schema(description = "The status in force today (UTC); null only for a country without any period",
                    enumeration = {"LEAST_DEVELOPED", "LANDLOCKED_DEVELOPING", "SMALL_ISLAND_DEVELOPING", "DEVELOPING", "TRANSITION", "DEVELOPED"})
            String developmentStatus,
            @Schema(description = "UN M49 region") String region,
            @Schema(description = "UN M49 sub-region") String subRegion,
            @Schema(description = "UN M49 intermediate region, where M49 has one") String intermediateRegion,
            long version) {

        static CountryView of(Country c, LocalDate today) {
            return new CountryView(c.getCode(), c.getName(), c.statusOn(today).map(Enum::name).orElse(null),
                    c.getRegion(), c.getSubRegion(), c.getIntermediateRegion(), c.getVersion());
        }
    }

    /** A country with the history of its development status. */
    public record CountryDetail(String code, String name,
            @Schema(enumeration = {"LEAST_DEVELOPED", "LANDLOCKED_DEVELOPING", "SMALL_ISLAND_DEVELOPING", "DEVELOPING", "TRANSITION", "DEVELOPED"}) String developmentStatus,
            String region, String subRegion, String intermediateRegion, long version,
            @Schema(description = "Oldest first; each in force from its date until the next one's") List<StatusPeriodView> statuses) {

        static CountryDetail of(Country c, LocalDate today) {
            return new CountryDetail(c.getCode(), c.getName(), c.statusOn(today).map(Enum::name).orElse(null),
                    c.getRegion(), c.getSubRegion(), c.getIntermediateRegion(), c.getVersion(),
                    c.getStatuses().stream().map(s -> StatusPeriodView.of(c, s)).toList());
        }
    }

    public record StatusPeriodView(@Schema(format = "date") String effectiveFrom,
            @Schema(format = "date", description = "The next period's date (not included); null for the latest")
            String effectiveUntil,
            @Schema(enumeration = {"LEAST_DEVELOPED", "LANDLOCKED_DEVELOPING", "SMALL_ISLAND_DEVELOPING", "DEVELOPING", "TRANSITION", "DEVELOPED"}) String status, String reason,
            @Schema(format = "date-time") String recordedAt, String recordedBy) {

        static StatusPeriodView of(Country c, CountryStatus s) {
            return new StatusPeriodView(Iso.text(s.getEffectiveFrom()), c.endOf(s).map(Iso::text).orElse(null),
                    s.getStatus().name(), s.getReason(), Iso.text(s.getRecordedAt()), s.getRecordedBy());
        }
    }

    /** A country's status on one date. */
    public record CountryStatusOn(String code, @Schema(format = "date") String on,
            @Schema(enumeration = {"LEAST_DEVELOPED", "LANDLOCKED_DEVELOPING", "SMALL_ISLAND_DEVELOPING", "DEVELOPING", "TRANSITION", "DEVELOPED"}) String status,
            @Schema(format = "date") String effectiveFrom,
            @Schema(format = "date", description = "Until the day before this; null if no later period is known")
            String effectiveUntil) {
    }

    public record CountryInput(@Schema(required = true) String name,
            @Schema(description = "Required for a new country; for an existing one it must be the status in force"
                    + " (a change of status is a new period: POST /countries/{code}/statuses)",
                    enumeration = {"LEAST_DEVELOPED", "LANDLOCKED_DEVELOPING", "SMALL_ISLAND_DEVELOPING", "DEVELOPING", "TRANSITION", "DEVELOPED"})
            String developmentStatus, @Schema(required = true) String region,
            @Schema(description = "Left as it is if absent") String subRegion) {
    }

    public record NewCountryStatus(@Schema(required = true, format = "date", example = "2026-11-24") String effectiveFrom,
            @Schema(required = true, enumeration = {"LEAST_DEVELOPED", "LANDLOCKED_DEVELOPING", "SMALL_ISLAND_DEVELOPING", "DEVELOPING", "TRANSITION", "DEVELOPED"}) String status,
            @Schema(required = true, example = "Graduated from the LDC category (GA resolution 76/8)") String reason,
            @Schema(required = true, description = "The country's version as last read") Long version) {
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

        public static RateView of(ExchangeRate r) {
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
