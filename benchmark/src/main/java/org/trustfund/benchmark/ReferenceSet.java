package org.trustfund.benchmark;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The fixed part of the data set: countries with their development status and UN regional group, the
 * accepted currencies with a plausible starting rate, and the funds. Written out as plain data so the
 * generated set does not depend on the JDK's locale tables.
 */
final class ReferenceSet {

    private ReferenceSet() {
    }

    record CountryRow(String code, String name, String status, String region, String currency) {
    }

    record CurrencyRow(String code, String name, int minorUnits, BigDecimal startUnitsPerUsd, double monthlyVolatility) {
    }

    record FundRow(String code, String name, int startYear) {
    }

    static final String AFRICA = "Africa";
    static final String ASIA_PACIFIC = "Asia-Pacific";
    static final String EASTERN_EUROPE = "Eastern Europe";
    static final String LATIN_AMERICA = "Latin America and Caribbean";
    static final String WEOG = "Western Europe and Others";

    /** 60 countries; the last field is the currency their donors usually pay in. */
    static final List<CountryRow> COUNTRIES = List.of(
            new CountryRow("AU", "Australia", "DEVELOPED", WEOG, "AUD"),
            new CountryRow("AT", "Austria", "DEVELOPED", WEOG, "EUR"),
            new CountryRow("BE", "Belgium", "DEVELOPED", WEOG, "EUR"),
            new CountryRow("CA", "Canada", "DEVELOPED", WEOG, "CAD"),
            new CountryRow("DK", "Denmark", "DEVELOPED", WEOG, "DKK"),
            new CountryRow("FI", "Finland", "DEVELOPED", WEOG, "EUR"),
            new CountryRow("FR", "France", "DEVELOPED", WEOG, "EUR"),
            new CountryRow("DE", "Germany", "DEVELOPED", WEOG, "EUR"),
            new CountryRow("GR", "Greece", "DEVELOPED", WEOG, "EUR"),
            new CountryRow("IE", "Ireland", "DEVELOPED", WEOG, "EUR"),
            new CountryRow("IT", "Italy", "DEVELOPED", WEOG, "EUR"),
            new CountryRow("JP", "Japan", "DEVELOPED", ASIA_PACIFIC, "JPY"),
            new CountryRow("LU", "Luxembourg", "DEVELOPED", WEOG, "EUR"),
            new CountryRow("NL", "Netherlands", "DEVELOPED", WEOG, "EUR"),
            new CountryRow("NZ", "New Zealand", "DEVELOPED", WEOG, "USD"),
            new CountryRow("NO", "Norway", "DEVELOPED", WEOG, "NOK"),
            new CountryRow("PT", "Portugal", "DEVELOPED", WEOG, "EUR"),
            new CountryRow("ES", "Spain", "DEVELOPED", WEOG, "EUR"),
            new CountryRow("SE", "Sweden", "DEVELOPED", WEOG, "SEK"),
            new CountryRow("CH", "Switzerland", "DEVELOPED", WEOG, "CHF"),
            new CountryRow("GB", "United Kingdom", "DEVELOPED", WEOG, "GBP"),
            new CountryRow("US", "United States", "DEVELOPED", WEOG, "USD"),
            new CountryRow("KR", "Republic of Korea", "DEVELOPED", ASIA_PACIFIC, "USD"),
            new CountryRow("SG", "Singapore", "DEVELOPING", ASIA_PACIFIC, "USD"),
            new CountryRow("AL", "Albania", "TRANSITION", EASTERN_EUROPE, "EUR"),
            new CountryRow("AM", "Armenia", "TRANSITION", EASTERN_EUROPE, "USD"),
            new CountryRow("GE", "Georgia", "TRANSITION", EASTERN_EUROPE, "USD"),
            new CountryRow("KZ", "Kazakhstan", "TRANSITION", ASIA_PACIFIC, "USD"),
            new CountryRow("MD", "Republic of Moldova", "TRANSITION", EASTERN_EUROPE, "EUR"),
            new CountryRow("RS", "Serbia", "TRANSITION", EASTERN_EUROPE, "EUR"),
            new CountryRow("UA", "Ukraine", "TRANSITION", EASTERN_EUROPE, "USD"),
            new CountryRow("PL", "Poland", "DEVELOPED", EASTERN_EUROPE, "EUR"),
            new CountryRow("EE", "Estonia", "DEVELOPED", EASTERN_EUROPE, "EUR"),
            new CountryRow("AR", "Argentina", "DEVELOPING", LATIN_AMERICA, "USD"),
            new CountryRow("BR", "Brazil", "DEVELOPING", LATIN_AMERICA, "USD"),
            new CountryRow("CL", "Chile", "DEVELOPING", LATIN_AMERICA, "USD"),
            new CountryRow("CO", "Colombia", "DEVELOPING", LATIN_AMERICA, "USD"),
            new CountryRow("CR", "Costa Rica", "DEVELOPING", LATIN_AMERICA, "USD"),
            new CountryRow("MX", "Mexico", "DEVELOPING", LATIN_AMERICA, "USD"),
            new CountryRow("HT", "Haiti", "LEAST_DEVELOPED", LATIN_AMERICA, "USD"),
            new CountryRow("CN", "China", "DEVELOPING", ASIA_PACIFIC, "USD"),
            new CountryRow("IN", "India", "DEVELOPING", ASIA_PACIFIC, "USD"),
            new CountryRow("ID", "Indonesia", "DEVELOPING", ASIA_PACIFIC, "USD"),
            new CountryRow("PH", "Philippines", "DEVELOPING", ASIA_PACIFIC, "USD"),
            new CountryRow("TH", "Thailand", "DEVELOPING", ASIA_PACIFIC, "USD"),
            new CountryRow("BD", "Bangladesh", "LEAST_DEVELOPED", ASIA_PACIFIC, "USD"),
            new CountryRow("NP", "Nepal", "LEAST_DEVELOPED", ASIA_PACIFIC, "USD"),
            new CountryRow("KH", "Cambodia", "LEAST_DEVELOPED", ASIA_PACIFIC, "USD"),
            new CountryRow("AE", "United Arab Emirates", "DEVELOPING", ASIA_PACIFIC, "USD"),
            new CountryRow("EG", "Egypt", "DEVELOPING", AFRICA, "USD"),
            new CountryRow("KE", "Kenya", "DEVELOPING", AFRICA, "USD"),
            new CountryRow("NG", "Nigeria", "DEVELOPING", AFRICA, "USD"),
            new CountryRow("ZA", "South Africa", "DEVELOPING", AFRICA, "USD"),
            new CountryRow("GH", "Ghana", "DEVELOPING", AFRICA, "USD"),
            new CountryRow("SN", "Senegal", "LEAST_DEVELOPED", AFRICA, "EUR"),
            new CountryRow("RW", "Rwanda", "LEAST_DEVELOPED", AFRICA, "USD"),
            new CountryRow("ET", "Ethiopia", "LEAST_DEVELOPED", AFRICA, "USD"),
            new CountryRow("TZ", "United Republic of Tanzania", "LEAST_DEVELOPED", AFRICA, "USD"),
            new CountryRow("MW", "Malawi", "LEAST_DEVELOPED", AFRICA, "USD"),
            new CountryRow("TN", "Tunisia", "DEVELOPING", AFRICA, "EUR"));

    /** The accepted currencies; rates start near their 2006 levels and walk from there. */
    static final List<CurrencyRow> CURRENCIES = List.of(
            new CurrencyRow("USD", "US Dollar", 2, null, 0),
            new CurrencyRow("EUR", "Euro", 2, new BigDecimal("0.845"), 0.020),
            new CurrencyRow("GBP", "Pound Sterling", 2, new BigDecimal("0.570"), 0.020),
            new CurrencyRow("CHF", "Swiss Franc", 2, new BigDecimal("1.310"), 0.020),
            new CurrencyRow("JPY", "Yen", 0, new BigDecimal("117.500"), 0.025),
            new CurrencyRow("SEK", "Swedish Krona", 2, new BigDecimal("7.950"), 0.025),
            new CurrencyRow("NOK", "Norwegian Krone", 2, new BigDecimal("6.750"), 0.025),
            new CurrencyRow("DKK", "Danish Krone", 2, new BigDecimal("6.300"), 0.020),
            new CurrencyRow("CAD", "Canadian Dollar", 2, new BigDecimal("1.160"), 0.020),
            new CurrencyRow("AUD", "Australian Dollar", 2, new BigDecimal("1.350"), 0.025));

    static final List<FundRow> FUNDS = List.of(
            new FundRow("IGF", "Internet Governance Forum Trust Fund", 2006),
            new FundRow("IGF-FEL", "IGF Fellowship Programme Trust Fund", 2007),
            new FundRow("WSIS", "WSIS Follow-up Trust Fund", 2006),
            new FundRow("DCB", "Digital Capacity Building Trust Fund", 2008),
            new FundRow("CYB", "Cybersecurity Cooperation Trust Fund", 2010),
            new FundRow("CONN", "Meaningful Connectivity Trust Fund", 2011),
            new FundRow("LDC-ICT", "ICT for Least Developed Countries Trust Fund", 2006),
            new FundRow("DATA", "Data for Development Trust Fund", 2012),
            new FundRow("ACCESS", "Accessibility and Inclusion Trust Fund", 2009),
            new FundRow("YOUTH", "Youth Participation Trust Fund", 2013),
            new FundRow("NRI", "National and Regional IGF Initiatives Trust Fund", 2014),
            new FundRow("MLT", "Multilingual Internet Trust Fund", 2008),
            new FundRow("GENDER", "Gender and Digital Inclusion Trust Fund", 2015),
            new FundRow("POLNET", "Policy Network Trust Fund", 2016),
            new FundRow("DPI", "Digital Public Infrastructure Trust Fund", 2018),
            new FundRow("AI-GOV", "Artificial Intelligence Governance Trust Fund", 2019),
            new FundRow("CLIMATE", "Green Digital Transition Trust Fund", 2017),
            new FundRow("SIDS", "Small Island Developing States Connectivity Trust Fund", 2010),
            new FundRow("EDU", "Digital Literacy and Education Trust Fund", 2011),
            new FundRow("RESP", "Emergency Telecommunications Trust Fund", 2007));

    /** Share of the non-government donors per stakeholder group (governments: one per country, chosen apart). */
    static final List<Map.Entry<String, Double>> GROUP_WEIGHTS = List.of(
            Map.entry("INTERGOVERNMENTAL_ORGANIZATION", 0.03),
            Map.entry("PRIVATE_SECTOR", 0.36),
            Map.entry("CIVIL_SOCIETY", 0.23),
            Map.entry("TECHNICAL_COMMUNITY", 0.13),
            Map.entry("ACADEMIA", 0.15),
            Map.entry("FOUNDATION", 0.10));

    static CurrencyRow currency(String code) {
        return CURRENCIES.stream().filter(c -> c.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(code));
    }
}
