package org.trustfund.benchmark;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.trustfund.contribution.Contribution;
import org.trustfund.inkind.InKindContribution;
import org.trustfund.intermediary.IntermediaryTransfer;
import org.trustfund.ledger.Account;
import org.trustfund.ledger.Journal;
import org.trustfund.ledger.JournalEvent;
import org.trustfund.ledger.JournalLine;
import org.trustfund.money.Money;
import org.trustfund.pledge.Pledge;
import org.trustfund.reference.ExchangeRate;

/**
 * Makes a reproducible data set (same seed and size, same rows) of 20 years of a multi-donor trust fund
 * office: reference data and operational rates, donors, pledges with instalment schedules, contributions in
 * the donors' currencies applied to those instalments (some in parts, some covering two instalments, some
 * overpaid, some without a pledge), corrections by reversal, write-offs, and the ledger journals all of these
 * post.
 *
 * <p>The journals are built with the production {@link Journal} builder, which refuses one that does not
 * balance, following the same rules as {@code PledgeService} and {@code ContributionService}: the receivable
 * at the agreement-date rate, cash at the received-date rate, the receivable cleared at its carrying amount
 * and the difference as realized exchange gain or loss. Events are posted in the order they happened, so a
 * receivable's balance at each certification is what the service would have read from the ledger.
 *
 * <p>Rows go to a {@link Sink} table by table, parents first, with ids given here (in the order the
 * application would have created them).
 */
final class Generator {

    static final LocalDate FIRST_DAY = LocalDate.of(2006, 1, 1);
    static final LocalDate LAST_DAY = LocalDate.of(2025, 12, 31);
    private static final String SYSTEM = "benchmark";
    private static final List<String> RECORDERS = List.of("a.mensah", "b.okafor", "c.lindqvist", "d.moreau",
            "e.tanaka", "f.haddad");
    private static final List<String> CERTIFIERS = List.of("g.schmidt", "h.costa", "i.novak");
    private static final Money ZERO_USD = Money.zero("USD");

    /** How big, and which seed. {@code donors} = 2,000 gives about a million journal lines. */
    record Settings(long seed, int donors) {
        Settings {
            if (donors < 60) {
                throw new IllegalArgumentException("At least 60 donors (one government per country is drawn from them)");
            }
        }
    }

    /** What was generated: rows per table. */
    record Summary(Map<Table, Long> rows) {
        long of(Table table) {
            return rows.getOrDefault(table, 0L);
        }
    }

    private final Settings settings;
    private final Random random;
    private final Map<Table, Long> counts = new LinkedHashMap<>();

    private final List<Fund> funds = new ArrayList<>();
    private final List<ReferenceSet.CountryRow> countries = ReferenceSet.COUNTRIES;
    private final Map<String, RateTable> rates = new LinkedHashMap<>();
    private final List<Donor> donors = new ArrayList<>();
    private final List<PledgePlan> pledges = new ArrayList<>();
    private final List<ContributionPlan> contributions = new ArrayList<>();
    private int bankSequence = 100_000;

    Generator(Settings settings) {
        this.settings = settings;
        this.random = new Random(settings.seed());
    }

    Summary generate(Sink sink) {
        writeReference(sink);
        writeRates(sink);
        planDonors();
        writeDonors(sink);
        for (Donor donor : donors) {
            planDonor(donor);
        }
        decideWriteOffs();
        decideStatusesAndReversals();
        assignIds();
        planInKind();
        planTransfers();
        writePledges(sink);
        writeReceipts(sink);
        // The journals decide which unapplied rests are held (the contribution rows carry the flag), so they come
        // first; they refer to contributions by source id only, not by a foreign key.
        postJournals(sink);
        writeContributions(sink);
        sink.flush();
        return new Summary(Collections.unmodifiableMap(new LinkedHashMap<>(counts)));
    }

    private void emit(Sink sink, Table table, Object... values) {
        sink.row(table, values);
        counts.merge(table, 1L, Long::sum);
    }

    // ---------------------------------------------------------------------------------- reference and rates

    private static final class Fund {
        final long id;
        final ReferenceSet.FundRow row;
        final LocalDate start;

        Fund(long id, ReferenceSet.FundRow row) {
            this.id = id;
            this.row = row;
            this.start = LocalDate.of(row.startYear(), 1, 1);
        }
    }

    private void writeReference(Sink sink) {
        for (ReferenceSet.CurrencyRow c : ReferenceSet.CURRENCIES) {
            emit(sink, Table.CURRENCY, c.code(), c.name(), c.minorUnits());
        }
        // The countries themselves come with the migrations (V14): donors refer to them by ISO code.
        long id = 1;
        for (ReferenceSet.FundRow row : ReferenceSet.FUNDS) {
            Fund fund = new Fund(id++, row);
            funds.add(fund);
            emit(sink, Table.FUND, fund.id, row.code(), row.name(), "USD", fund.start, new BigDecimal("0.1300"),
                    ldt(utc(fund.start.minusDays(20), 9, 0)), SYSTEM);
        }
    }

    /** A currency's operational rates in effective-date order, for "the rate in force on a date". */
    static final class RateTable {
        final List<LocalDate> dates = new ArrayList<>();
        final List<Long> ids = new ArrayList<>();
        final List<ExchangeRate> rates = new ArrayList<>();

        void add(long id, ExchangeRate rate) {
            dates.add(rate.getEffectiveDate());
            ids.add(id);
            rates.add(rate);
        }

        /** Index of the latest rate effective on or before the date, or -1. */
        int inForce(LocalDate date) {
            int i = Collections.binarySearch(dates, date);
            return i >= 0 ? i : -i - 2;
        }
    }

    /**
     * Monthly rates on the 1st as a mean-reverting random walk from each currency's 2006 level, with a
     * mid-month revision (on the 16th) in about one month in twelve, as the UN Treasury does for currencies
     * that moved.
     */
    private void writeRates(Sink sink) {
        long id = 1;
        for (ReferenceSet.CurrencyRow c : ReferenceSet.CURRENCIES) {
            if (c.startUnitsPerUsd() == null) {
                continue;
            }
            RateTable table = new RateTable();
            rates.put(c.code(), table);
            double start = c.startUnitsPerUsd().doubleValue();
            double level = start;
            for (LocalDate month = FIRST_DAY; !month.isAfter(LAST_DAY); month = month.plusMonths(1)) {
                level = level * Math.exp(random.nextGaussian() * c.monthlyVolatility() - 0.04 * Math.log(level / start));
                id = addRate(sink, table, id, c.code(), month, level);
                if (random.nextInt(12) == 0) {
                    level = level * (1 + (random.nextBoolean() ? 1 : -1) * (0.02 + random.nextDouble() * 0.03));
                    id = addRate(sink, table, id, c.code(), month.withDayOfMonth(16), level);
                }
            }
        }
    }

    private long addRate(Sink sink, RateTable table, long id, String currency, LocalDate date, double level) {
        BigDecimal units = BigDecimal.valueOf(level).setScale(3, RoundingMode.HALF_UP);
        Instant created = utc(date.minusDays(2), 14, 0);
        ExchangeRate rate = new ExchangeRate(currency, date, units, created, SYSTEM);
        table.add(id, rate);
        emit(sink, Table.EXCHANGE_RATE, id, currency, date, rate.getUnitsPerUsd(), ldt(created), SYSTEM);
        return id + 1;
    }

    private ExchangeRate rateOn(String currency, LocalDate date) {
        if ("USD".equals(currency)) {
            return null;
        }
        RateTable table = rates.get(currency);
        return table.rates.get(table.inForce(date));
    }

    private Long rateIdOn(String currency, LocalDate date) {
        if ("USD".equals(currency)) {
            return null;
        }
        RateTable table = rates.get(currency);
        return table.ids.get(table.inForce(date));
    }

    // ---------------------------------------------------------------------------------- donors

    private static final class Donor {
        long id;
        String name;
        String group;
        ReferenceSet.CountryRow country;
        String contactName;
        String contactEmail;
        boolean publiclyNamed;
        int firstYear;
        int lastYear;
    }

    private static final String[] FIRST_NAMES = {"Amina", "Lars", "Sofia", "Kenji", "Maria", "Olu", "Priya", "Jonas",
            "Chen", "Fatima", "Diego", "Ingrid", "Kwame", "Elena", "Rahul", "Nadia", "Tomás", "Yuki", "Hannah", "Samir",
            "Ana", "Pierre", "Leila", "Mikael", "Grace", "Ivan", "Lucía", "Tariq", "Emma", "Kofi"};
    private static final String[] LAST_NAMES = {"Mensah", "Andersen", "Rossi", "Sato", "García", "Adeyemi", "Sharma",
            "Berg", "Wang", "Haddad", "Fernández", "Nilsen", "Boateng", "Petrova", "Iyer", "Karim", "Silva", "Ito",
            "Müller", "Nasser", "Costa", "Dubois", "Mansour", "Virtanen", "Njoroge", "Horvat", "Romero", "Aziz",
            "Jensen", "Owusu"};
    private static final String[] WORDS = {"Aurora", "Baltic", "Cedar", "Delta", "Equator", "Fjord", "Granite",
            "Harbour", "Indigo", "Juniper", "Kestrel", "Lagoon", "Meridian", "Nimbus", "Orchid", "Pioneer", "Quartz",
            "Riverbend", "Summit", "Tundra", "Umber", "Vista", "Willow", "Zenith", "Atlas", "Beacon", "Cobalt",
            "Daybreak", "Ember", "Falcon", "Glacier", "Horizon", "Ironwood", "Jasmine", "Keystone", "Lumen", "Monsoon",
            "Northwind", "Oasis", "Polaris", "Quill", "Sierra", "Tidewater", "Upland", "Vector", "Wavelength",
            "Yarrow", "Zephyr", "Acacia", "Boreal"};
    private static final String[] TECH_WORDS = {"Digital", "Net", "Data", "Cloud", "Signal", "Fibre", "Wireless",
            "Open Source", "Broadband", "Mesh", "Cyber", "Internet", "Code", "Web", "Satellite"};
    private static final String[] COMPANY_SUFFIX = {"Ltd", "Inc.", "AG", "SA", "GmbH", "plc", "K.K.", "AB", "AS", "BV",
            "S.p.A.", "Pty Ltd"};

    private void planDonors() {
        List<ReferenceSet.CountryRow> shuffled = new ArrayList<>(countries);
        Collections.shuffle(shuffled, random);
        int governments = Math.min(52, settings.donors() / 20);
        Set<String> names = new HashSet<>();
        for (int i = 0; i < governments; i++) {
            Donor d = new Donor();
            d.group = "GOVERNMENT";
            d.country = shuffled.get(i);
            d.name = "Government of " + d.country.name();
            names.add(d.name);
            donors.add(d);
        }
        while (donors.size() < settings.donors()) {
            Donor d = new Donor();
            d.group = pickGroup();
            d.country = pickCountry();
            String name = donorName(d);
            for (int n = 2; !names.add(name); n++) {
                name = donorName(d) + (n > 4 ? " " + n : "");
            }
            d.name = name;
            donors.add(d);
        }
        Collections.shuffle(donors, random);
        long id = 1;
        for (Donor d : donors) {
            d.id = id++;
            String first = FIRST_NAMES[random.nextInt(FIRST_NAMES.length)];
            String last = LAST_NAMES[random.nextInt(LAST_NAMES.length)];
            d.contactName = first + " " + last;
            d.contactEmail = ascii(first + "." + last).toLowerCase() + "@" + ascii(d.name).toLowerCase()
                    .replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "") + ".example";
            if (d.contactEmail.length() > 200) {
                d.contactEmail = d.contactEmail.substring(0, 191) + ".example";
            }
            d.publiclyNamed = random.nextInt(100) < 92;
            if ("GOVERNMENT".equals(d.group)) {
                d.firstYear = random.nextInt(100) < 70 ? 2006 + random.nextInt(7) : 2006 + random.nextInt(17);
            } else {
                d.firstYear = 2006 + random.nextInt(13);
            }
            d.lastYear = random.nextInt(100) < 75 ? LAST_DAY.getYear()
                    : Math.min(LAST_DAY.getYear(), d.firstYear + 2 + random.nextInt(9));
        }
    }

    private String pickGroup() {
        double total = ReferenceSet.GROUP_WEIGHTS.stream().mapToDouble(Map.Entry::getValue).sum();
        double x = random.nextDouble() * total;
        for (Map.Entry<String, Double> e : ReferenceSet.GROUP_WEIGHTS) {
            x -= e.getValue();
            if (x < 0) {
                return e.getKey();
            }
        }
        return ReferenceSet.GROUP_WEIGHTS.get(ReferenceSet.GROUP_WEIGHTS.size() - 1).getKey();
    }

    /** Donors come more often from developed countries, but from everywhere. */
    private ReferenceSet.CountryRow pickCountry() {
        while (true) {
            ReferenceSet.CountryRow c = countries.get(random.nextInt(countries.size()));
            if ("DEVELOPED".equals(c.status()) || random.nextInt(3) == 0) {
                return c;
            }
        }
    }

    private String donorName(Donor d) {
        String w = WORDS[random.nextInt(WORDS.length)];
        String w2 = WORDS[random.nextInt(WORDS.length)];
        String t = TECH_WORDS[random.nextInt(TECH_WORDS.length)];
        return switch (d.group) {
            case "INTERGOVERNMENTAL_ORGANIZATION" -> random.nextBoolean()
                    ? d.country.region() + " " + t + " Cooperation Organization"
                    : w + " Regional Telecommunication Union";
            case "PRIVATE_SECTOR" -> w + " " + t + " " + COMPANY_SUFFIX[random.nextInt(COMPANY_SUFFIX.length)];
            case "CIVIL_SOCIETY" -> switch (random.nextInt(3)) {
                case 0 -> w + " " + t + " Rights Network";
                case 1 -> "Association for " + t + " Inclusion " + w;
                default -> w + " Citizens' Alliance of " + d.country.name();
            };
            case "TECHNICAL_COMMUNITY" -> random.nextBoolean()
                    ? w + " Network Operators Group"
                    : d.country.name() + " " + t + " Society, " + w + " Chapter";
            case "ACADEMIA" -> random.nextBoolean()
                    ? "University of " + w + " " + w2
                    : w + " Institute of " + t + " Studies";
            case "FOUNDATION" -> w + " " + w2 + " Foundation";
            default -> throw new IllegalStateException(d.group);
        };
    }

    private static String ascii(String s) {
        return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replaceAll("[^A-Za-z0-9. -]", "");
    }

    private void writeDonors(Sink sink) {
        for (Donor d : donors) {
            LocalDate created = LocalDate.of(d.firstYear, 1, 1).minusDays(30 + random.nextInt(60));
            emit(sink, Table.DONOR, d.id, d.name, d.group, d.country.code(), d.contactName, d.contactEmail,
                    d.publiclyNamed, ldt(utc(created, 9 + random.nextInt(8), random.nextInt(60))), pick(RECORDERS));
        }
    }

    // ---------------------------------------------------------------------------------- pledges and payments

    static final class PledgePlan {
        long id;
        Donor donor;
        Fund fund;
        Money amount;
        String purpose;
        int firstYear;
        int lastYear;
        LocalDate pledgedOn;
        Instant createdAt;
        String createdBy;
        LocalDate agreementDate;
        String agreementReference;
        LocalDate writtenOffOn;
        String writeOffReason;
        String status;
        boolean defaulter;
        final List<InstalmentPlan> instalments = new ArrayList<>();

        boolean signed() {
            return agreementDate != null;
        }
    }

    static final class InstalmentPlan {
        long id;
        PledgePlan pledge;
        int seq;
        LocalDate due;
        Money amount;
    }

    static final class ContributionPlan {
        long id;
        Donor donor;
        Fund fund;
        LocalDate received;
        Money amount;
        String bankReference;
        ExchangeRate rate;
        Long rateId;
        BigDecimal unitsPerUsd;
        Money usd;
        String status;
        Instant recordedAt;
        String recordedBy;
        Instant certifiedAt;
        String certifiedBy;
        String returnedReason;
        Instant reversedAt;
        String reversedBy;
        String reversalReason;
        ContributionPlan replaces;
        /** Set at certification, as {@code Contribution.holdUnappliedIf}: the unapplied rest is held. */
        boolean unappliedHeld;
        /** Instalment to amount, in the order they were applied. */
        final LinkedHashMap<InstalmentPlan, Money> applications = new LinkedHashMap<>();

        PledgePlan pledge() {
            return applications.isEmpty() ? null : applications.keySet().iterator().next().pledge;
        }
    }

    private static final String[] PURPOSES = {"Core support to the Secretariat", "Annual meeting and intersessional work",
            "Participation of experts from developing countries", "Fellowship programme", "Capacity development workshops",
            "Regional and national initiatives", "Youth engagement", "Multilingual outreach", null, null};

    /** The donor's pledges to one to four funds, one after another in each, and the payments they made. */
    private void planDonor(Donor donor) {
        int engagements = weighted(new int[] {15, 35, 30, 20}) + 1;
        List<Fund> chosen = new ArrayList<>();
        for (int attempt = 0; chosen.size() < engagements && attempt < 20; attempt++) {
            Fund fund = random.nextInt(4) == 0 ? funds.get(0) : funds.get(random.nextInt(funds.size()));
            if (!chosen.contains(fund) && fund.row.startYear() <= donor.lastYear) {
                chosen.add(fund);
            }
        }
        for (Fund fund : chosen) {
            int year = Math.max(donor.firstYear, fund.row.startYear());
            LocalDate pledgedOn = LocalDate.of(year, 1, 1).plusDays(random.nextInt(200));
            while (pledgedOn.getYear() <= donor.lastYear && pledgedOn.isBefore(LAST_DAY.minusDays(20))) {
                int years = weighted(new int[] {50, 30, 20}) + 1;
                PledgePlan pledge = planPledge(donor, fund, pledgedOn, years);
                planPayments(pledge);
                int nextYear = pledge.lastYear + 1 + (random.nextInt(100) < 15 ? 1 : 0);
                pledgedOn = LocalDate.of(nextYear, 1, 1).minusDays(60).plusDays(random.nextInt(120));
            }
        }
        planGifts(donor, chosen.isEmpty() ? funds.get(0) : chosen.get(0));
    }

    private PledgePlan planPledge(Donor donor, Fund fund, LocalDate pledgedOn, int years) {
        PledgePlan p = new PledgePlan();
        p.donor = donor;
        p.fund = fund;
        p.pledgedOn = pledgedOn;
        p.firstYear = pledgedOn.getMonthValue() >= 11 ? pledgedOn.getYear() + 1 : pledgedOn.getYear();
        p.lastYear = p.firstYear + years - 1;
        p.purpose = PURPOSES[random.nextInt(PURPOSES.length)];
        p.createdAt = utc(pledgedOn, 9 + random.nextInt(8), random.nextInt(60));
        p.createdBy = pick(RECORDERS);
        String currency = random.nextInt(100) < 85 ? donor.country.currency() : "USD";
        BigDecimal usdPerYear = logUniform(yearlyRange(donor.group));
        ExchangeRate rate = rateOn(currency, pledgedOn);
        BigDecimal inCurrency = usdPerYear.multiply(BigDecimal.valueOf(years));
        if (rate != null) {
            inCurrency = inCurrency.multiply(rate.getUnitsPerUsd());
        }
        p.amount = Money.of(roundNicely(inCurrency, currency), currency);
        if (random.nextInt(100) < 94) {
            LocalDate signed = pledgedOn.plusDays(10 + random.nextInt(50));
            if (!signed.isAfter(LAST_DAY)) {
                p.agreementDate = signed;
                p.agreementReference = "STFA/" + fund.row.code() + "/" + signed.getYear() + "/" + (pledges.size() + 1);
            }
        }
        int perYear = switch (weighted(new int[] {45, 30, 10, 15})) {
            case 0 -> 12;
            case 1 -> 4;
            case 2 -> 2;
            default -> 1;
        };
        int count = perYear * years;
        List<Money> parts = p.amount.allocate(count);
        LocalDate earliest = (p.signed() ? p.agreementDate : pledgedOn).plusDays(15);
        LocalDate previous = null;
        for (int i = 0; i < count; i++) {
            LocalDate due = LocalDate.of(p.firstYear, 1, 15).plusMonths((long) i * (12 / perYear));
            if (due.isBefore(earliest)) {
                due = earliest;
            }
            if (previous != null && !due.isAfter(previous)) {
                due = previous.plusDays(1);
            }
            InstalmentPlan inst = new InstalmentPlan();
            inst.pledge = p;
            inst.seq = i + 1;
            inst.due = due;
            inst.amount = parts.get(i);
            p.instalments.add(inst);
            previous = due;
        }
        pledges.add(p);
        return p;
    }

    private static BigDecimal[] yearlyRange(String group) {
        return switch (group) {
            case "GOVERNMENT" -> new BigDecimal[] {new BigDecimal("80000"), new BigDecimal("1500000")};
            case "INTERGOVERNMENTAL_ORGANIZATION" -> new BigDecimal[] {new BigDecimal("40000"), new BigDecimal("400000")};
            case "PRIVATE_SECTOR" -> new BigDecimal[] {new BigDecimal("10000"), new BigDecimal("300000")};
            case "FOUNDATION" -> new BigDecimal[] {new BigDecimal("20000"), new BigDecimal("600000")};
            case "TECHNICAL_COMMUNITY" -> new BigDecimal[] {new BigDecimal("5000"), new BigDecimal("150000")};
            default -> new BigDecimal[] {new BigDecimal("2000"), new BigDecimal("40000")};
        };
    }

    /** To three significant figures, as pledges are made; JPY has no minor unit. */
    static BigDecimal roundNicely(BigDecimal amount, String currency) {
        BigDecimal rounded = amount.round(new java.math.MathContext(3, RoundingMode.HALF_UP));
        int scale = "JPY".equals(currency) ? 0 : 2;
        return rounded.setScale(scale, RoundingMode.HALF_UP);
    }

    /**
     * Most donors pay each instalment about when due; some late; a few stop paying part way (candidates for a
     * write-off). An instalment is paid in one transfer, in two, together with the next one, or overpaid.
     * A memo pledge (no agreement) is paid in full or not at all.
     */
    private void planPayments(PledgePlan p) {
        int profile = weighted(new int[] {90, 6, 4});
        int stopAt = p.instalments.size();
        if (!p.signed()) {
            if (random.nextInt(100) < 40) {
                return;
            }
            profile = 0;
        } else if (profile == 2) {
            p.defaulter = true;
            stopAt = random.nextInt(p.instalments.size());
        }
        LocalDate notBefore = (p.signed() ? p.agreementDate : p.pledgedOn).plusDays(1);
        List<InstalmentPlan> list = p.instalments;
        for (int i = 0; i < stopAt; i++) {
            InstalmentPlan inst = list.get(i);
            LocalDate received = inst.due.plusDays(profile == 1 ? 30 + random.nextInt(170) : -20 + random.nextInt(66));
            if (received.isBefore(notBefore)) {
                received = notBefore;
            }
            if (received.isAfter(LAST_DAY)) {
                return;
            }
            int form = weighted(new int[] {85, 6, 5, 4});
            if (form == 2 && i + 1 < stopAt) {
                ContributionPlan c = newContribution(p.donor, p.fund, received, inst.amount.plus(list.get(i + 1).amount));
                c.applications.put(inst, inst.amount);
                c.applications.put(list.get(i + 1), list.get(i + 1).amount);
                i++;
            } else if (form == 1) {
                BigDecimal share = BigDecimal.valueOf(30 + random.nextInt(41)).movePointLeft(2);
                Money first = Money.rounded(inst.amount.amount().multiply(share), inst.amount.currency(), RoundingMode.DOWN);
                Money second = inst.amount.minus(first);
                if (!first.isPositive() || !second.isPositive()) {
                    newContribution(p.donor, p.fund, received, inst.amount).applications.put(inst, inst.amount);
                    continue;
                }
                newContribution(p.donor, p.fund, received, first).applications.put(inst, first);
                LocalDate later = received.plusDays(10 + random.nextInt(31));
                if (!later.isAfter(LAST_DAY)) {
                    newContribution(p.donor, p.fund, later, second).applications.put(inst, second);
                }
            } else if (form == 3) {
                BigDecimal extra = inst.amount.amount().multiply(BigDecimal.valueOf(1 + random.nextInt(5)).movePointLeft(2));
                Money over = inst.amount.plus(Money.rounded(extra, inst.amount.currency(), RoundingMode.HALF_UP));
                newContribution(p.donor, p.fund, received, over).applications.put(inst, inst.amount);
            } else {
                newContribution(p.donor, p.fund, received, inst.amount).applications.put(inst, inst.amount);
            }
        }
    }

    /**
     * Transfers without a pledge: an intermediary foundation passes on what individuals gave, about monthly;
     * other donors now and then give a one-off amount.
     */
    private void planGifts(Donor donor, Fund fund) {
        boolean foundation = "FOUNDATION".equals(donor.group);
        double perYear = foundation ? 8 : 0.4;
        for (int year = donor.firstYear; year <= donor.lastYear; year++) {
            int n = poisson(perYear);
            for (int k = 0; k < n; k++) {
                LocalDate received = LocalDate.of(year, 1, 1).plusDays(random.nextInt(365));
                if (received.isAfter(LAST_DAY) || received.isBefore(fund.start)) {
                    continue;
                }
                String currency = random.nextInt(100) < 70 ? donor.country.currency() : "USD";
                BigDecimal usd = logUniform(foundation ? new BigDecimal[] {new BigDecimal("5000"), new BigDecimal("80000")}
                        : new BigDecimal[] {new BigDecimal("500"), new BigDecimal("20000")});
                ExchangeRate rate = rateOn(currency, received);
                BigDecimal amount = rate == null ? usd : usd.multiply(rate.getUnitsPerUsd());
                newContribution(donor, fund, received, Money.of(roundNicely(amount, currency), currency));
            }
        }
    }

    private ContributionPlan newContribution(Donor donor, Fund fund, LocalDate received, Money amount) {
        ContributionPlan c = new ContributionPlan();
        c.donor = donor;
        c.fund = fund;
        c.received = received;
        c.amount = amount;
        c.bankReference = "FT" + received.getYear() + String.format("%02d", received.getMonthValue()) + "-"
                + (bankSequence++);
        c.rate = rateOn(amount.currencyCode(), received);
        c.rateId = rateIdOn(amount.currencyCode(), received);
        c.unitsPerUsd = c.rate == null ? BigDecimal.ONE.setScale(6) : c.rate.getUnitsPerUsd();
        c.usd = c.rate == null ? amount : c.rate.toUsd(amount);
        c.recordedAt = utc(received.plusDays(1 + random.nextInt(4)), 9 + random.nextInt(8), random.nextInt(60));
        c.recordedBy = pick(RECORDERS);
        contributions.add(c);
        return c;
    }

    // ---------------------------------------------------------------------------------- outcomes

    /** A defaulting pledge whose schedule ended over two years ago is mostly written off. */
    private void decideWriteOffs() {
        Map<PledgePlan, LocalDate> lastPayment = new LinkedHashMap<>();
        for (ContributionPlan c : contributions) {
            PledgePlan p = c.pledge();
            if (p != null) {
                lastPayment.merge(p, c.received, (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        for (PledgePlan p : pledges) {
            if (!p.defaulter) {
                continue;
            }
            LocalDate lastDue = p.instalments.get(p.instalments.size() - 1).due;
            if (lastDue.isAfter(LAST_DAY.minusYears(2)) || random.nextInt(100) >= 75) {
                continue;
            }
            LocalDate from = lastPayment.getOrDefault(p, lastDue);
            LocalDate on = (from.isAfter(lastDue) ? from : lastDue).plusDays(200 + random.nextInt(400));
            if (!on.isAfter(LAST_DAY)) {
                p.writtenOffOn = on;
                p.writeOffReason = random.nextBoolean() ? "The donor confirmed it cannot pay the balance"
                        : "No payment after three reminders; balance not collectible";
            }
        }
    }

    private static final String[] REVERSAL_REASONS = {"Recorded against the wrong bank reference",
            "Bank recalled the transfer as a duplicate", "Amount typed from the wrong statement line"};

    /**
     * Recent transfers wait for certification or were sent back; the rest were certified by someone else
     * than who recorded them. A few certified ones were later reversed and recorded again, never on a pledge
     * that was written off.
     */
    private void decideStatusesAndReversals() {
        LocalDate pendingFrom = LAST_DAY.minusDays(40);
        List<ContributionPlan> replacements = new ArrayList<>();
        for (ContributionPlan c : contributions) {
            if (!c.received.isBefore(pendingFrom)) {
                int r = random.nextInt(100);
                if (r < 35) {
                    c.status = "RECORDED";
                    continue;
                }
                if (r < 40) {
                    c.status = "RETURNED";
                    c.returnedReason = "The bank reference does not match the bank statement";
                    continue;
                }
            }
            certify(c);
            PledgePlan p = c.pledge();
            boolean reversible = c.received.isBefore(LAST_DAY.minusDays(400)) && (p == null || p.writtenOffOn == null);
            if (reversible && random.nextInt(1000) < 4) {
                c.status = "REVERSED";
                c.reversedAt = c.certifiedAt.plus(20 + random.nextInt(160), ChronoUnit.DAYS);
                c.reversedBy = pick(CERTIFIERS);
                c.reversalReason = REVERSAL_REASONS[random.nextInt(REVERSAL_REASONS.length)];
                ContributionPlan again = new ContributionPlan();
                again.donor = c.donor;
                again.fund = c.fund;
                again.received = c.received;
                again.amount = c.amount;
                again.bankReference = c.bankReference + "-C";
                again.rate = c.rate;
                again.rateId = c.rateId;
                again.unitsPerUsd = c.unitsPerUsd;
                again.usd = c.usd;
                again.recordedAt = c.reversedAt.plus(1 + random.nextInt(48), ChronoUnit.HOURS);
                again.recordedBy = pick(RECORDERS);
                again.replaces = c;
                again.applications.putAll(c.applications);
                certify(again);
                replacements.add(again);
            }
        }
        contributions.addAll(replacements);
    }

    private void certify(ContributionPlan c) {
        c.status = "CERTIFIED";
        c.certifiedAt = c.recordedAt.plus(1 + random.nextInt(6), ChronoUnit.DAYS).plus(random.nextInt(300), ChronoUnit.MINUTES);
        c.certifiedBy = pick(CERTIFIERS);
    }

    /** As {@code Pledge.settle} leaves it, from what certified contributions paid. */
    private final Map<PledgePlan, Money> certifiedPaid = new LinkedHashMap<>();

    private String pledgeStatus(PledgePlan p) {
        if (p.writtenOffOn != null) {
            return "WRITTEN_OFF";
        }
        Money paid = certifiedPaid.computeIfAbsent(p, k -> Money.zero(k.amount.currency()));
        if (paid.isGreaterThan(p.amount)) {
            throw new IllegalStateException("Pledge overpaid: " + p.amount + " < " + paid);
        }
        if (paid.equals(p.amount)) {
            return "PAID";
        }
        if (paid.isPositive()) {
            return "PARTLY_PAID";
        }
        return p.signed() ? "AGREEMENT_SIGNED" : "PLEDGED";
    }

    /** Ids in the order the application would have given them: by creation (recording) time. */
    private void assignIds() {
        for (ContributionPlan c : contributions) {
            if ("CERTIFIED".equals(c.status)) {
                for (Map.Entry<InstalmentPlan, Money> a : c.applications.entrySet()) {
                    certifiedPaid.merge(a.getKey().pledge, a.getValue(), Money::plus);
                }
            }
        }
        for (PledgePlan p : pledges) {
            p.status = pledgeStatus(p);
        }
        pledges.sort(Comparator.comparing((PledgePlan p) -> p.createdAt).thenComparing(p -> p.donor.id));
        long pledgeId = 1;
        long instalmentId = 1;
        for (PledgePlan p : pledges) {
            p.id = pledgeId++;
            for (InstalmentPlan i : p.instalments) {
                i.id = instalmentId++;
            }
        }
        contributions.sort(Comparator.comparing((ContributionPlan c) -> c.recordedAt).thenComparing(c -> c.bankReference));
        long contributionId = 1;
        for (ContributionPlan c : contributions) {
            c.id = contributionId++;
        }
    }

    // ---------------------------------------------------------------------------------- writing

    private void writePledges(Sink sink) {
        for (PledgePlan p : pledges) {
            emit(sink, Table.PLEDGE, p.id, p.donor.id, p.fund.id, p.amount.amount(), p.amount.currencyCode(), p.purpose,
                    p.firstYear, p.lastYear, p.pledgedOn, p.status, p.agreementDate, p.agreementReference,
                    p.signed() ? rateIdOn(p.amount.currencyCode(), p.agreementDate) : null, p.writtenOffOn,
                    p.writeOffReason, 0, ldt(p.createdAt), p.createdBy);
        }
        for (PledgePlan p : pledges) {
            for (InstalmentPlan i : p.instalments) {
                emit(sink, Table.INSTALMENT, i.id, p.id, i.seq, i.due, i.amount.amount(), i.amount.currencyCode());
            }
        }
    }

    private void writeContributions(Sink sink) {
        for (ContributionPlan c : contributions) {
            emit(sink, Table.CONTRIBUTION, c.id, c.donor.id, c.fund.id, c.received, c.amount.amount(),
                    c.amount.currencyCode(), c.bankReference, c.rateId, c.unitsPerUsd, c.usd.amount(), c.status,
                    ldt(c.recordedAt), c.recordedBy, ldt(c.certifiedAt), c.certifiedBy, c.returnedReason,
                    ldt(c.reversedAt), c.reversedBy, c.reversalReason, c.replaces == null ? null : c.replaces.id,
                    c.unappliedHeld);
        }
        long id = 1;
        for (ContributionPlan c : contributions) {
            for (Map.Entry<InstalmentPlan, Money> a : c.applications.entrySet()) {
                emit(sink, Table.CONTRIBUTION_APPLICATION, id++, c.id, a.getKey().id, a.getValue().amount());
            }
        }
    }

    private enum EventKind { SIGN, CERTIFY, REVERSE, WRITE_OFF, IN_KIND_CERTIFY, IN_KIND_REVERSE, TRANSFER_CERTIFY }

    private record Event(Instant at, EventKind kind, long sourceId, Object source) {
    }

    /** A pledge's receivable as the ledger holds it: USD carrying amount and amount owed in its currency. */
    private static final class Receivable {
        BigDecimal usd = BigDecimal.ZERO;
        BigDecimal inCurrency = BigDecimal.ZERO;
    }

    private void postJournals(Sink sink) {
        List<Event> events = new ArrayList<>();
        for (PledgePlan p : pledges) {
            if (p.signed()) {
                events.add(new Event(utc(p.agreementDate, 10, random.nextInt(60)), EventKind.SIGN, p.id, p));
            }
            if (p.writtenOffOn != null) {
                events.add(new Event(utc(p.writtenOffOn, 11, random.nextInt(60)), EventKind.WRITE_OFF, p.id, p));
            }
        }
        for (ContributionPlan c : contributions) {
            if (c.certifiedAt != null) {
                events.add(new Event(c.certifiedAt, EventKind.CERTIFY, c.id, c));
            }
            if (c.reversedAt != null) {
                events.add(new Event(c.reversedAt, EventKind.REVERSE, c.id, c));
            }
        }
        for (InKindPlan g : inKind) {
            if (g.certifiedAt != null && g.goods) {
                events.add(new Event(g.certifiedAt, EventKind.IN_KIND_CERTIFY, g.id, g));
                if (g.reversedAt != null) {
                    events.add(new Event(g.reversedAt, EventKind.IN_KIND_REVERSE, g.id, g));
                }
            }
        }
        for (TransferPlan t : transfers) {
            if (t.certifiedAt != null) {
                events.add(new Event(t.certifiedAt, EventKind.TRANSFER_CERTIFY, t.id, t));
            }
        }
        events.sort(Comparator.comparing(Event::at).thenComparing(Event::kind).thenComparingLong(Event::sourceId));
        Map<Long, Long> inKindJournal = new java.util.HashMap<>();
        Map<Long, Journal> inKindLines = new java.util.HashMap<>();

        Map<Long, Receivable> receivables = new java.util.HashMap<>();
        Map<Long, Long> certificationJournal = new java.util.HashMap<>();
        Map<Long, Journal> certificationLines = new java.util.HashMap<>();
        long journalId = 1;
        long lineId = 1;
        for (Event e : events) {
            Journal journal;
            Long reverses = null;
            switch (e.kind()) {
                case SIGN -> journal = signing((PledgePlan) e.source(), e.at());
                case WRITE_OFF -> journal = writeOff((PledgePlan) e.source(), e.at(), receivables);
                case CERTIFY -> {
                    ContributionPlan c = (ContributionPlan) e.source();
                    journal = certification(c, receivables);
                    certificationJournal.put(c.id, journalId);
                    if (c.reversedAt != null) {
                        certificationLines.put(c.id, journal);
                    }
                }
                case REVERSE -> {
                    ContributionPlan c = (ContributionPlan) e.source();
                    journal = reversal(c, certificationLines.remove(c.id));
                    reverses = certificationJournal.get(c.id);
                }
                case IN_KIND_CERTIFY -> {
                    InKindPlan g = (InKindPlan) e.source();
                    journal = inKindCertification(g);
                    inKindJournal.put(g.id, journalId);
                    inKindLines.put(g.id, journal);
                }
                case IN_KIND_REVERSE -> {
                    InKindPlan g = (InKindPlan) e.source();
                    journal = mirror(inKindLines.remove(g.id), JournalEvent.IN_KIND_REVERSED, InKindContribution.SOURCE_TYPE,
                            g.id, "Reversal of in-kind contribution " + g.id + ": " + g.reversalReason, g.reversedAt,
                            g.reversedBy);
                    reverses = inKindJournal.get(g.id);
                }
                case TRANSFER_CERTIFY -> journal = transferCertification((TransferPlan) e.source());
                default -> throw new IllegalStateException();
            }
            emit(sink, Table.JOURNAL, journalId, journal.getFundId(), journal.getDonorId(), journal.getEventType().name(),
                    journal.getEventDate(), ldt(journal.getPostedAt()), journal.getPostedBy(), journal.getSourceType(),
                    journal.getSourceId(), journal.getDescription(), reverses);
            for (JournalLine line : journal.getLines()) {
                emit(sink, Table.JOURNAL_LINE, lineId++, journalId, line.getAccount().name(), line.getDebit(),
                        line.getCredit(), line.getCurrency(), line.getCurrencyAmount(), line.getPledgeId());
                if (line.getAccount() == Account.CONTRIBUTIONS_RECEIVABLE && line.getPledgeId() != null) {
                    Receivable r = receivables.computeIfAbsent(line.getPledgeId(), k -> new Receivable());
                    r.usd = r.usd.add(line.getDebit()).subtract(line.getCredit());
                    r.inCurrency = r.inCurrency.add(line.getCurrencyAmount() == null ? BigDecimal.ZERO : line.getCurrencyAmount());
                }
            }
            journalId++;
        }
    }

    /** As {@code PledgeService.signAgreement}: nothing was paid before signing, so all of it is owed. */
    private Journal signing(PledgePlan p, Instant at) {
        ExchangeRate rate = rateOn(p.amount.currencyCode(), p.agreementDate);
        Money usd = rate == null ? p.amount : rate.toUsd(p.amount);
        return Journal.builder(JournalEvent.AGREEMENT_SIGNED, p.fund.id, p.donor.id, p.agreementDate, Pledge.SOURCE_TYPE,
                        p.id, "Agreement " + p.agreementReference + " signed for pledge " + p.id)
                .debit(Account.CONTRIBUTIONS_RECEIVABLE, usd, p.amount, p.id)
                .credit(Account.CONTRIBUTION_REVENUE, usd, p.amount, null)
                .build(at, p.createdBy);
    }

    /** As {@code PledgeService.writeOff}: what remains of the receivable is expensed. */
    private Journal writeOff(PledgePlan p, Instant at, Map<Long, Receivable> receivables) {
        Receivable r = receivables.getOrDefault(p.id, new Receivable());
        Money usd = Money.of(r.usd, "USD");
        Money owed = Money.rounded(r.inCurrency, p.amount.currency(), RoundingMode.UNNECESSARY);
        return Journal.builder(JournalEvent.PLEDGE_WRITTEN_OFF, p.fund.id, p.donor.id, p.writtenOffOn, Pledge.SOURCE_TYPE,
                        p.id, "Pledge " + p.id + " written off: " + p.writeOffReason)
                .debit(Account.PLEDGE_WRITE_OFFS, usd)
                .credit(Account.CONTRIBUTIONS_RECEIVABLE, usd, owed, p.id)
                .build(at, p.createdBy);
    }

    /** As {@code ContributionService.certificationJournal}. */
    private Journal certification(ContributionPlan c, Map<Long, Receivable> receivables) {
        Map<PledgePlan, Money> byPledge = new LinkedHashMap<>();
        for (Map.Entry<InstalmentPlan, Money> a : c.applications.entrySet()) {
            byPledge.merge(a.getKey().pledge, a.getValue(), Money::plus);
        }
        Money applied = byPledge.values().stream().reduce(Money.zero(c.amount.currency()), Money::plus);
        Money unapplied = c.amount.minus(applied);
        List<BigDecimal> weights = new ArrayList<>();
        byPledge.values().forEach(m -> weights.add(m.amount()));
        weights.add(unapplied.amount());
        List<Money> usdParts = c.usd.allocate(weights);
        Journal.Builder journal = Journal.builder(JournalEvent.CONTRIBUTION_CERTIFIED, c.fund.id, c.donor.id, c.received,
                        Contribution.SOURCE_TYPE, c.id, "Contribution " + c.id + " (" + c.bankReference + ") " + c.amount
                                + (c.rate == null ? "" : " at " + c.unitsPerUsd.toPlainString() + " per USD"))
                .debit(Account.CASH, c.usd, c.amount, null);
        int i = 0;
        for (Map.Entry<PledgePlan, Money> e : byPledge.entrySet()) {
            PledgePlan pledge = e.getKey();
            Money part = usdParts.get(i++);
            if (!pledge.signed()) {
                journal.credit(Account.CONTRIBUTION_REVENUE, part, e.getValue(), null);
                continue;
            }
            Receivable r = receivables.getOrDefault(pledge.id, new Receivable());
            Money carrying = carryingAmountOf(e.getValue(), r.usd, r.inCurrency);
            journal.credit(Account.CONTRIBUTIONS_RECEIVABLE, carrying, e.getValue(), pledge.id);
            journal.credit(Account.REALIZED_EXCHANGE_GAIN_LOSS, part.minus(carrying));
        }
        c.unappliedHeld = unapplied.isPositive() && stillOwes(c, byPledge, receivables);
        journal.credit(c.unappliedHeld ? Account.UNAPPLIED_RECEIPTS : Account.CONTRIBUTION_REVENUE, usdParts.get(i),
                unapplied, null);
        return journal.build(c.certifiedAt, c.certifiedBy);
    }

    /**
     * As {@code PledgeRepository.hasOpenReceivable} once the contribution is applied: whether any signed pledge of
     * the donor to the fund still has something owed on its receivable.
     */
    private boolean stillOwes(ContributionPlan c, Map<PledgePlan, Money> paying, Map<Long, Receivable> receivables) {
        for (PledgePlan p : signedPledgesOf(c.donor.id, c.fund.id)) {
            Receivable r = receivables.get(p.id);
            BigDecimal owed = r == null ? BigDecimal.ZERO : r.inCurrency;
            Money now = paying.get(p);
            if (now != null) {
                owed = owed.subtract(now.amount());
            }
            if (owed.signum() > 0) {
                return true;
            }
        }
        return false;
    }

    private Map<List<Long>, List<PledgePlan>> signedByDonorAndFund;

    private List<PledgePlan> signedPledgesOf(long donorId, long fundId) {
        if (signedByDonorAndFund == null) {
            signedByDonorAndFund = new java.util.HashMap<>();
            for (PledgePlan p : pledges) {
                if (p.signed()) {
                    signedByDonorAndFund.computeIfAbsent(List.of(p.donor.id, p.fund.id), k -> new ArrayList<>()).add(p);
                }
            }
        }
        return signedByDonorAndFund.getOrDefault(List.of(donorId, fundId), List.of());
    }

    /** As {@code ContributionService.carryingAmountOf}: the share of the USD carrying amount that is cleared. */
    static Money carryingAmountOf(Money applied, BigDecimal usd, BigDecimal owed) {
        if (owed.signum() <= 0) {
            return ZERO_USD;
        }
        if (applied.amount().compareTo(owed) >= 0) {
            return Money.of(usd, "USD");
        }
        return Money.of(usd.multiply(applied.amount()).divide(owed, 2, ExchangeRate.USD_ROUNDING), "USD");
    }

    /** As {@code Journal.reversal}: every line of the certification journal with debit and credit swapped. */
    private Journal reversal(ContributionPlan c, Journal certified) {
        return mirror(certified, JournalEvent.CONTRIBUTION_REVERSED, Contribution.SOURCE_TYPE, c.id,
                "Reversal of contribution " + c.id + ": " + c.reversalReason, c.reversedAt, c.reversedBy);
    }

    /** As {@code Journal.reversal}: the certification journal's lines mirrored, dated when the reversal was approved. */
    private Journal mirror(Journal certified, JournalEvent event, String sourceType, long sourceId, String description,
            Instant at, String by) {
        Journal.Builder b = Journal.builder(event, certified.getFundId(), certified.getDonorId(),
                at.atOffset(ZoneOffset.UTC).toLocalDate(), sourceType, sourceId, description);
        for (JournalLine line : certified.getLines()) {
            Money stored = line.getCurrency() == null ? null : Money.of(line.getCurrencyAmount(), line.getCurrency());
            if (line.getDebit().signum() > 0) {
                // credit() stores -original: pass the stored (signed) amount so the reversal stores its negation.
                b.credit(line.getAccount(), Money.of(line.getDebit(), "USD"), stored, line.getPledgeId());
            } else {
                b.debit(line.getAccount(), Money.of(line.getCredit(), "USD"), stored == null ? null : stored.negate(),
                        line.getPledgeId());
            }
        }
        return b.build(at, by);
    }

    // ---------------------------------------------------------------------------------- in kind and intermediaries

    /**
     * In-kind contributions and intermediaries' transfers draw from a random stream of their own, so adding them
     * left every row of the earlier data set as it was (same seed, same contributions and journals).
     */
    private Random receiptsRandom;
    private final List<InKindPlan> inKind = new ArrayList<>();
    private final List<TransferPlan> transfers = new ArrayList<>();
    private final List<Donor> intermediaries = new ArrayList<>();

    static final class InKindPlan {
        long id;
        Donor donor;
        Fund fund;
        LocalDate start;
        LocalDate end;
        String event;
        String description;
        String category;
        boolean goods;
        Money value;
        Long rateId;
        BigDecimal unitsPerUsd;
        Money usd;
        String basis;
        String status;
        Instant recordedAt;
        String recordedBy;
        Instant certifiedAt;
        String certifiedBy;
        Instant reversedAt;
        String reversedBy;
        String reversalReason;
    }

    static final class TransferPlan {
        long id;
        long intermediaryId;
        Donor channel;
        Fund fund;
        String statement;
        LocalDate received;
        Money gross;
        Money fees;
        Money net;
        String bankReference;
        Long rateId;
        BigDecimal unitsPerUsd;
        Money usdGross;
        Money usdNet;
        String status;
        Instant recordedAt;
        String recordedBy;
        Instant certifiedAt;
        String certifiedBy;
        final List<GiftPlan> gifts = new ArrayList<>();
    }

    record GiftPlan(String name, String kind, boolean anonymous, boolean named, Money amount, Money usd, LocalDate given) {
    }

    private static final String[][] GOODS = {{"VENUE_AND_PREMISES", "Conference centre and meeting rooms"},
            {"EQUIPMENT_AND_CONNECTIVITY", "Network, Wi-Fi and webcasting equipment"},
            {"TRAVEL_AND_ACCOMMODATION", "Hotel rooms for funded participants"}};
    private static final String[][] SERVICES = {{"INTERPRETATION_AND_TRANSLATION", "Interpretation in the six UN languages"},
            {"STAFF_SECONDMENT", "Secondment of a meeting coordinator"}, {"HOSTING_SERVICES", "Local organizing and hosting"},
            {"OTHER", "Security and logistics"}};
    private static final String[] BASES = {"QUOTE", "INVOICE", "MARKET_RATE", "DONOR_STATEMENT"};

    /**
     * Each fund-year: a host government's venue (goods, recognized) and interpretation (services, disclosed), and
     * about one and a half other gifts in kind from any donor; the last 40 days partly awaiting certification, and
     * one goods entry in two hundred reversed.
     */
    private void planInKind() {
        receiptsRandom = new Random(settings.seed() ^ 0x1d10L);
        List<Donor> governments = donors.stream().filter(d -> "GOVERNMENT".equals(d.group)).toList();
        for (Fund fund : funds) {
            for (int year = fund.start.getYear(); year <= LAST_DAY.getYear(); year++) {
                LocalDate meeting = LocalDate.of(year, 1, 1).plusDays(30 + receiptsRandom.nextInt(300));
                Donor host = governments.get(receiptsRandom.nextInt(governments.size()));
                String event = fund.row.code() + " annual meeting " + year;
                newInKind(host, fund, meeting, event, GOODS[0], true, new BigDecimal[] {new BigDecimal("40000"),
                        new BigDecimal("400000")});
                newInKind(host, fund, meeting, event, SERVICES[0], false, new BigDecimal[] {new BigDecimal("8000"),
                        new BigDecimal("60000")});
                int others = poissonReceipts(1.5);
                for (int k = 0; k < others; k++) {
                    Donor donor = donors.get(receiptsRandom.nextInt(donors.size()));
                    boolean goods = receiptsRandom.nextInt(100) < 45;
                    String[] what = goods ? GOODS[1 + receiptsRandom.nextInt(2)] : SERVICES[1 + receiptsRandom.nextInt(3)];
                    newInKind(donor, fund, LocalDate.of(year, 1, 1).plusDays(receiptsRandom.nextInt(340)), null, what,
                            goods, new BigDecimal[] {new BigDecimal("2000"), new BigDecimal("50000")});
                }
            }
        }
        inKind.sort(Comparator.comparing((InKindPlan g) -> g.recordedAt).thenComparing(g -> g.description));
        long id = 1;
        for (InKindPlan g : inKind) {
            g.id = id++;
        }
    }

    private void newInKind(Donor donor, Fund fund, LocalDate start, String event, String[] what, boolean goods,
            BigDecimal[] usdRange) {
        if (start.isAfter(LAST_DAY.minusDays(10))) {
            return;
        }
        InKindPlan g = new InKindPlan();
        g.donor = donor;
        g.fund = fund;
        g.start = start;
        g.end = start.plusDays(receiptsRandom.nextInt(5));
        g.event = event;
        g.category = what[0];
        g.description = what[1];
        g.goods = goods;
        String currency = rates.containsKey(donor.country.currency()) && receiptsRandom.nextInt(100) < 70
                ? donor.country.currency() : "USD";
        ExchangeRate rate = rateOn(currency, start);
        BigDecimal usd = logUniform(usdRange, receiptsRandom);
        g.value = Money.of(roundNicely(rate == null ? usd : usd.multiply(rate.getUnitsPerUsd()), currency), currency);
        g.rateId = rateIdOn(currency, start);
        g.unitsPerUsd = rate == null ? BigDecimal.ONE.setScale(6) : rate.getUnitsPerUsd();
        g.usd = rate == null ? Money.of(g.value.amount().setScale(2, ExchangeRate.USD_ROUNDING), "USD") : rate.toUsd(g.value);
        g.basis = BASES[receiptsRandom.nextInt(BASES.length)];
        g.recordedAt = utc(start.plusDays(5 + receiptsRandom.nextInt(25)), 9 + receiptsRandom.nextInt(8),
                receiptsRandom.nextInt(60));
        g.recordedBy = RECORDERS.get(receiptsRandom.nextInt(RECORDERS.size()));
        if (!start.isBefore(LAST_DAY.minusDays(40)) && receiptsRandom.nextInt(100) < 40) {
            g.status = "RECORDED";
        } else {
            g.status = "CERTIFIED";
            g.certifiedAt = g.recordedAt.plus(1 + receiptsRandom.nextInt(6), ChronoUnit.DAYS);
            g.certifiedBy = CERTIFIERS.get(receiptsRandom.nextInt(CERTIFIERS.size()));
            if (goods && start.isBefore(LAST_DAY.minusDays(400)) && receiptsRandom.nextInt(200) == 0) {
                g.status = "REVERSED";
                g.reversedAt = g.certifiedAt.plus(20 + receiptsRandom.nextInt(100), ChronoUnit.DAYS);
                g.reversedBy = CERTIFIERS.get(receiptsRandom.nextInt(CERTIFIERS.size()));
                g.reversalReason = "Valued twice";
            }
        }
        inKind.add(g);
    }

    /**
     * One foundation in two hundred donors (at least three) is an intermediary: from its first year it passes on,
     * each quarter, to one or two funds, the gifts of 3 to about 40 givers, net of 3 % overhead and 1.2 % card fees.
     * A quarter whose transfer would arrive after the data set's last day is pending (reported, not received).
     */
    private void planTransfers() {
        List<Donor> foundations = donors.stream().filter(d -> "FOUNDATION".equals(d.group)).toList();
        int count = Math.min(foundations.size(), Math.max(3, settings.donors() / 200));
        for (int i = 0; i < count; i++) {
            intermediaries.add(foundations.get(i));
        }
        long intermediaryId = 1;
        for (Donor channel : intermediaries) {
            List<Fund> channelFunds = new ArrayList<>();
            channelFunds.add(funds.get(receiptsRandom.nextInt(funds.size())));
            if (receiptsRandom.nextBoolean()) {
                channelFunds.add(funds.get(receiptsRandom.nextInt(funds.size())));
            }
            String currency = receiptsRandom.nextInt(100) < 60 || !rates.containsKey(channel.country.currency())
                    ? "USD" : channel.country.currency();
            for (LocalDate quarter = LocalDate.of(channel.firstYear, 1, 1); quarter.getYear() <= channel.lastYear;
                    quarter = quarter.plusMonths(3)) {
                for (Fund fund : channelFunds) {
                    if (quarter.isBefore(fund.start)) {
                        continue;
                    }
                    newTransfer(channel, intermediaryId, fund, quarter, currency);
                }
            }
            intermediaryId++;
        }
        transfers.sort(Comparator.comparing((TransferPlan t) -> t.recordedAt).thenComparing(t -> t.statement));
        long id = 1;
        for (TransferPlan t : transfers) {
            t.id = id++;
        }
    }

    private void newTransfer(Donor channel, long intermediaryId, Fund fund, LocalDate quarter, String currency) {
        LocalDate quarterEnd = quarter.plusMonths(3).minusDays(1);
        if (quarterEnd.isAfter(LAST_DAY)) {
            return;
        }
        TransferPlan t = new TransferPlan();
        t.channel = channel;
        t.intermediaryId = intermediaryId;
        t.fund = fund;
        t.statement = "Statement " + quarter.getYear() + "-Q" + (1 + quarter.getMonthValue() / 3) + " " + fund.row.code();
        LocalDate received = quarterEnd.plusDays(10 + receiptsRandom.nextInt(30));
        ExchangeRate rate = rateOn(currency, received.isAfter(LAST_DAY) ? LAST_DAY : received);
        BigDecimal usd = logUniform(new BigDecimal[] {new BigDecimal("3000"), new BigDecimal("60000")}, receiptsRandom);
        t.gross = Money.of(roundNicely(rate == null ? usd : usd.multiply(rate.getUnitsPerUsd()), currency), currency);
        t.fees = Money.of(t.gross.amount().multiply(new BigDecimal("0.042")).setScale(t.gross.amount().scale(),
                RoundingMode.HALF_UP), currency);
        int givers = 3 + poissonReceipts(22);
        List<BigDecimal> weights = new ArrayList<>();
        for (int k = 0; k < givers; k++) {
            weights.add(BigDecimal.valueOf(1 + receiptsRandom.nextInt(40)));
        }
        List<Money> amounts = t.gross.allocate(weights);
        List<Money> usdShares = null;
        t.recordedAt = utc(quarterEnd.plusDays(3 + receiptsRandom.nextInt(5)), 9 + receiptsRandom.nextInt(8),
                receiptsRandom.nextInt(60));
        t.recordedBy = RECORDERS.get(receiptsRandom.nextInt(RECORDERS.size()));
        if (received.isAfter(LAST_DAY)) {
            // Reported but not received by the data set's last day: pending, never income.
            t.status = "RECORDED";
        } else {
            t.received = received;
            t.net = t.gross.minus(t.fees);
            t.bankReference = "TR" + received.getYear() + String.format("%02d", received.getMonthValue()) + "-"
                    + (bankSequence++);
            t.rateId = rateIdOn(currency, received);
            t.unitsPerUsd = rate == null ? BigDecimal.ONE.setScale(6) : rate.getUnitsPerUsd();
            t.usdGross = rate == null ? Money.of(t.gross.amount(), "USD") : rate.toUsd(t.gross);
            t.usdNet = rate == null ? Money.of(t.net.amount(), "USD") : rate.toUsd(t.net);
            usdShares = t.usdGross.allocate(amounts.stream().map(Money::amount).toList());
            if (!received.isBefore(LAST_DAY.minusDays(40)) && receiptsRandom.nextInt(100) < 35) {
                t.status = "RECORDED";
            } else {
                t.status = "CERTIFIED";
                Instant arrived = utc(received.plusDays(1 + receiptsRandom.nextInt(3)), 9 + receiptsRandom.nextInt(8),
                        receiptsRandom.nextInt(60));
                t.certifiedAt = (arrived.isAfter(t.recordedAt) ? arrived : t.recordedAt).plus(1 + receiptsRandom.nextInt(4),
                        ChronoUnit.DAYS);
                t.certifiedBy = CERTIFIERS.get(receiptsRandom.nextInt(CERTIFIERS.size()));
            }
        }
        for (int k = 0; k < givers; k++) {
            int kind = receiptsRandom.nextInt(100);
            String giverKind = kind < 75 ? "PERSON" : kind < 93 ? "COMPANY" : "FOUNDATION";
            boolean anonymous = receiptsRandom.nextInt(100) < 10;
            boolean named = !anonymous && receiptsRandom.nextInt(100) >= 12;
            String name = anonymous ? null : switch (giverKind) {
                case "PERSON" -> FIRST_NAMES[receiptsRandom.nextInt(FIRST_NAMES.length)] + " "
                        + LAST_NAMES[receiptsRandom.nextInt(LAST_NAMES.length)];
                case "COMPANY" -> WORDS[receiptsRandom.nextInt(WORDS.length)] + " "
                        + TECH_WORDS[receiptsRandom.nextInt(TECH_WORDS.length)] + " "
                        + COMPANY_SUFFIX[receiptsRandom.nextInt(COMPANY_SUFFIX.length)];
                default -> WORDS[receiptsRandom.nextInt(WORDS.length)] + " Family Foundation";
            };
            t.gifts.add(new GiftPlan(name, giverKind, anonymous, named, amounts.get(k),
                    usdShares == null ? null : usdShares.get(k), quarter.plusDays(receiptsRandom.nextInt(85))));
        }
        transfers.add(t);
    }

    private int poissonReceipts(double mean) {
        double l = Math.exp(-mean);
        double p = 1;
        int k = 0;
        do {
            k++;
            p *= receiptsRandom.nextDouble();
        } while (p > l);
        return k - 1;
    }

    private void writeReceipts(Sink sink) {
        for (InKindPlan g : inKind) {
            emit(sink, Table.IN_KIND_CONTRIBUTION, g.id, g.donor.id, g.fund.id, g.start, g.end, g.event, g.description,
                    g.category, g.goods ? "GOODS" : "SERVICES", g.goods, g.value.amount(), g.value.currencyCode(),
                    g.rateId, g.unitsPerUsd, g.usd.amount(), g.basis, "Ref. " + g.fund.row.code() + "-" + g.id, g.status,
                    ldt(g.recordedAt), g.recordedBy, ldt(g.certifiedAt), g.certifiedBy, ldt(g.reversedAt), g.reversedBy,
                    g.reversalReason);
        }
        long intermediaryId = 1;
        for (Donor channel : intermediaries) {
            emit(sink, Table.INTERMEDIARY, intermediaryId++, channel.id, "3 % overhead plus 1.2 % card fees",
                    ldt(utc(LocalDate.of(channel.firstYear, 1, 1), 9, 0)), SYSTEM);
        }
        long giftId = 1;
        for (TransferPlan t : transfers) {
            emit(sink, Table.INTERMEDIARY_TRANSFER, t.id, t.intermediaryId, t.channel.id, t.fund.id, t.statement,
                    t.received, t.gross.currencyCode(), t.gross.amount(), t.fees.amount(),
                    t.net == null ? null : t.net.amount(), t.bankReference, t.rateId, t.unitsPerUsd,
                    t.usdGross == null ? null : t.usdGross.amount(),
                    t.usdGross == null ? null : t.usdGross.minus(t.usdNet).amount(),
                    t.usdNet == null ? null : t.usdNet.amount(), t.status, ldt(t.recordedAt), t.recordedBy,
                    ldt(t.certifiedAt), t.certifiedBy);
            int seq = 1;
            for (GiftPlan g : t.gifts) {
                emit(sink, Table.TRANSFER_GIFT, giftId++, t.id, seq++, g.name(), g.kind(), g.anonymous(), g.named(),
                        g.amount().amount(), g.usd() == null ? null : g.usd().amount(), g.given());
            }
        }
    }

    /** As {@code InKindService.certify} for goods: in-kind expense and revenue at the value in dollars. */
    private Journal inKindCertification(InKindPlan g) {
        return Journal.builder(JournalEvent.IN_KIND_CERTIFIED, g.fund.id, g.donor.id, g.start,
                        InKindContribution.SOURCE_TYPE, g.id, "In kind " + g.id + " (" + g.category + ") " + g.value)
                .debit(Account.IN_KIND_EXPENSE, g.usd, g.value, null)
                .credit(Account.IN_KIND_REVENUE, g.usd, g.value, null)
                .build(g.certifiedAt, g.certifiedBy);
    }

    /** As {@code IntermediaryService.certify}: cash and contribution revenue at the net received. */
    private Journal transferCertification(TransferPlan t) {
        return Journal.builder(JournalEvent.TRANSFER_CERTIFIED, t.fund.id, t.channel.id, t.received,
                        IntermediaryTransfer.SOURCE_TYPE, t.id, "Transfer " + t.id + " (" + t.bankReference + ") net "
                                + t.net + " of gross " + t.gross + " less fees " + t.fees)
                .debit(Account.CASH, t.usdNet, t.net, null)
                .credit(Account.CONTRIBUTION_REVENUE, t.usdNet, t.net, null)
                .build(t.certifiedAt, t.certifiedBy);
    }

    // ---------------------------------------------------------------------------------- helpers

    private int weighted(int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int x = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private int poisson(double mean) {
        double l = Math.exp(-mean);
        double p = 1;
        int k = 0;
        do {
            k++;
            p *= random.nextDouble();
        } while (p > l);
        return k - 1;
    }

    private BigDecimal logUniform(BigDecimal[] range) {
        return logUniform(range, random);
    }

    private static BigDecimal logUniform(BigDecimal[] range, Random source) {
        double lo = Math.log(range[0].doubleValue());
        double hi = Math.log(range[1].doubleValue());
        return BigDecimal.valueOf(Math.exp(lo + source.nextDouble() * (hi - lo)));
    }

    private String pick(List<String> list) {
        return list.get(random.nextInt(list.size()));
    }

    static Instant utc(LocalDate date, int hour, int minute) {
        return date.atTime(hour, minute).toInstant(ZoneOffset.UTC);
    }

    static LocalDateTime ldt(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
