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
import org.trustfund.expenditure.Expenditure;
import org.trustfund.expenditure.PscCharge;
import org.trustfund.inkind.InKindContribution;
import org.trustfund.intermediary.IntermediaryTransfer;
import org.trustfund.ledger.Account;
import org.trustfund.ledger.Journal;
import org.trustfund.ledger.JournalEvent;
import org.trustfund.ledger.JournalLine;
import org.trustfund.money.Money;
import org.trustfund.pledge.Pledge;
import org.trustfund.reference.ExchangeRate;
import org.trustfund.travel.TravelRequest;

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

    /**
     * How big, and which seed. {@code donors} = 2,000 gives about a million journal lines. {@code spending} adds the
     * travel, other expenditure and programme support costs of issue 11 (10 trips per donor); without it the data set
     * is the one before issue 11, row for row (the unit tests compare the two).
     */
    record Settings(long seed, int donors, boolean spending) {
        Settings {
            if (donors < 60) {
                throw new IllegalArgumentException("At least 60 donors (one government per country is drawn from them)");
            }
        }

        Settings(long seed, int donors) {
            this(seed, donors, true);
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
        if (settings.spending()) {
            planSpending();
        }
        writePledges(sink);
        writeReceipts(sink);
        if (settings.spending()) {
            writeSpending(sink);
        }
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

    private enum EventKind { SIGN, CERTIFY, REVERSE, WRITE_OFF, IN_KIND_CERTIFY, IN_KIND_REVERSE, TRANSFER_CERTIFY,
        TRAVEL_OBLIGATE, TRAVEL_RELEASE, TRAVEL_PAY, TRAVEL_CANCEL, EXPENDITURE_CERTIFY, EXPENDITURE_REVERSE, PSC_CHARGE }

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
        if (settings.spending()) {
            addSpendingEvents(events);
        }
        events.sort(Comparator.comparing(Event::at).thenComparing(Event::kind).thenComparingLong(Event::sourceId));
        Map<String, Long> spendingJournal = new java.util.HashMap<>();
        Map<String, Journal> spendingLines = new java.util.HashMap<>();
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
                case TRAVEL_OBLIGATE -> {
                    TripPlan t = (TripPlan) e.source();
                    journal = travelObligation(t);
                    spendingJournal.put("obligation " + t.id, journalId);
                    spendingLines.put("obligation " + t.id, journal);
                }
                case TRAVEL_RELEASE -> journal = travelRelease((TripPlan) e.source());
                case TRAVEL_PAY -> {
                    TripPlan t = (TripPlan) e.source();
                    journal = travelPayment(t);
                    spendingJournal.put("payment " + t.id, journalId);
                    spendingLines.put("payment " + t.id, journal);
                }
                case TRAVEL_CANCEL -> {
                    // As TravelService.cancel: a paid trip's payment is reversed, an obligated one's obligation released.
                    TripPlan t = (TripPlan) e.source();
                    String undone = (t.paymentDate != null ? "payment " : "obligation ") + t.id;
                    journal = mirror(spendingLines.remove(undone), t.paymentDate != null
                                    ? JournalEvent.TRAVEL_PAYMENT_REVERSED : JournalEvent.TRAVEL_OBLIGATION_RELEASED,
                            TravelRequest.SOURCE_TYPE, t.id, "Travel " + t.id + " cancelled: " + t.closedReason, t.closedAt,
                            t.closedBy);
                    reverses = spendingJournal.get(undone);
                }
                case EXPENDITURE_CERTIFY -> {
                    ExpenditurePlan x = (ExpenditurePlan) e.source();
                    journal = expenditureCertification(x);
                    spendingJournal.put("expenditure " + x.id, journalId);
                    spendingLines.put("expenditure " + x.id, journal);
                }
                case EXPENDITURE_REVERSE -> {
                    ExpenditurePlan x = (ExpenditurePlan) e.source();
                    journal = mirror(spendingLines.remove("expenditure " + x.id), JournalEvent.EXPENDITURE_REVERSED,
                            Expenditure.SOURCE_TYPE, x.id, "Reversal of expenditure " + x.id + ": " + x.reversalReason,
                            x.reversedAt, x.reversedBy);
                    reverses = spendingJournal.get("expenditure " + x.id);
                }
                case PSC_CHARGE -> journal = pscJournal((PscPlan) e.source());
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

    // ---------------------------------------------------------------------------------- travel, expenditure and PSC

    /*
     * Issue 11: participants' travel, other expenditure and programme support costs. They draw from a random stream
     * of their own, so every row of the earlier data set stays as it was; their journals take their place among the
     * others in posting order (the journal ids after the first such journal move, their contents do not).
     */
    private Random spendRandom;
    private final List<EventPlan> travelEvents = new ArrayList<>();
    private final Map<String, java.util.TreeMap<LocalDate, DsaPlan>> dsaByPlace = new LinkedHashMap<>();
    private final List<DsaPlan> dsaRates = new ArrayList<>();
    private final List<TravellerPlan> travellers = new ArrayList<>();
    private final List<TripPlan> trips = new ArrayList<>();
    private final List<ExpenditurePlan> expenditures = new ArrayList<>();
    private final List<PscPlan> pscCharges = new ArrayList<>();
    /** Per fund (index = id - 1) and day from FIRST_DAY: cash in cents the fund may still spend from that day on. */
    private long[][] slack;
    private int paymentSequence = 1;

    /** The programmes the migration V21 seeds, in its insert order (ids 1, 2, 3). */
    static final long MAG_TRAVEL = 1;
    static final long FELLOWSHIP = 2;
    static final long OTHER_PARTICIPANTS = 3;
    static final BigDecimal PSC_RATE = new BigDecimal("0.1300");
    private static final BigDecimal PSC_RESERVE = new BigDecimal("1.13");

    static final class EventPlan {
        long id;
        String name;
        String type;
        String city;
        String country;
        LocalDate start;
        LocalDate end;
        Instant createdAt;
        String createdBy;
    }

    static final class DsaPlan {
        long id;
        String country;
        String city;
        LocalDate month;
        BigDecimal rate;
        Instant recordedAt;
        String recordedBy;
    }

    static final class TravellerPlan {
        long id;
        String name;
        String gender;
        String nationality;
        ReferenceSet.CountryRow residence;
        String group;
        boolean mag;
        String email;
        Instant createdAt;
        String createdBy;
    }

    static final class TripPlan {
        long id;
        TravellerPlan traveller;
        long programmeId;
        EventPlan event;
        Fund fund;
        String itinerary;
        String asks;
        LocalDate requestedOn;
        LocalDate departure;
        LocalDate back;
        String currency;
        BigDecimal ticket;
        BigDecimal other;
        String otherDescription;
        String dsaCity;
        DsaPlan dsa;
        BigDecimal dsaRateUsd;
        int dsaDays;
        BigDecimal terminalUsd;
        Long rateId;
        BigDecimal unitsPerUsd;
        BigDecimal costedUsd;
        String residenceStatus;
        String eligibilityReason;
        String status;
        Instant requestedAt;
        String requestedBy;
        Instant approvedAt;
        String approvedBy;
        LocalDate obligationDate;
        Instant obligatedAt;
        BigDecimal obligatedUsd;
        String obligatedBy;
        LocalDate paymentDate;
        Instant paidAt;
        String paymentReference;
        BigDecimal paidUnitsPerUsd;
        BigDecimal paidUsd;
        String paidBy;
        LocalDate reportReceivedOn;
        String reportRecordedBy;
        Instant closedAt;
        String closedBy;
        String closedReason;

        Money costsInCurrency() {
            return Money.of(ticket.add(other), currency);
        }
    }

    static final class ExpenditurePlan {
        long id;
        Fund fund;
        String category;
        LocalDate date;
        Money amount;
        Long rateId;
        BigDecimal unitsPerUsd;
        BigDecimal usd;
        String reference;
        String description;
        String status;
        Instant recordedAt;
        String recordedBy;
        Instant certifiedAt;
        String certifiedBy;
        String returnedReason;
        Instant reversedAt;
        String reversedBy;
        String reversalReason;
    }

    static final class PscPlan {
        long id;
        Fund fund;
        int year;
        BigDecimal base;
        BigDecimal due;
        Instant postedAt;
        String postedBy;
    }

    /**
     * The development status of the set's countries from 2006 to 2025 as the migration V14 records it (the status in
     * force on a date); where it differs from the reference set's simpler grouping, here.
     */
    private static final Map<String, String> STATUS_IN_V14 = Map.of("KR", "DEVELOPING", "SG", "SMALL_ISLAND_DEVELOPING",
            "AM", "LANDLOCKED_DEVELOPING", "KZ", "LANDLOCKED_DEVELOPING", "MD", "LANDLOCKED_DEVELOPING");

    static String statusInV14(ReferenceSet.CountryRow c) {
        return STATUS_IN_V14.getOrDefault(c.code(), c.status());
    }

    private static final Map<String, String> CAPITALS = Map.ofEntries(Map.entry("AU", "Canberra"),
            Map.entry("AT", "Vienna"), Map.entry("BE", "Brussels"), Map.entry("CA", "Ottawa"), Map.entry("DK", "Copenhagen"),
            Map.entry("FI", "Helsinki"), Map.entry("FR", "Paris"), Map.entry("DE", "Berlin"), Map.entry("GR", "Athens"),
            Map.entry("IE", "Dublin"), Map.entry("IT", "Rome"), Map.entry("JP", "Tokyo"), Map.entry("LU", "Luxembourg"),
            Map.entry("NL", "Amsterdam"), Map.entry("NZ", "Wellington"), Map.entry("NO", "Oslo"), Map.entry("PT", "Lisbon"),
            Map.entry("ES", "Madrid"), Map.entry("SE", "Stockholm"), Map.entry("CH", "Geneva"), Map.entry("GB", "London"),
            Map.entry("US", "Washington"), Map.entry("KR", "Seoul"), Map.entry("SG", "Singapore"), Map.entry("AL", "Tirana"),
            Map.entry("AM", "Yerevan"), Map.entry("GE", "Tbilisi"), Map.entry("KZ", "Astana"), Map.entry("MD", "Chisinau"),
            Map.entry("RS", "Belgrade"), Map.entry("UA", "Kyiv"), Map.entry("PL", "Warsaw"), Map.entry("EE", "Tallinn"),
            Map.entry("AR", "Buenos Aires"), Map.entry("BR", "Brasília"), Map.entry("CL", "Santiago"),
            Map.entry("CO", "Bogotá"), Map.entry("CR", "San José"), Map.entry("MX", "Mexico City"),
            Map.entry("HT", "Port-au-Prince"), Map.entry("CN", "Beijing"), Map.entry("IN", "New Delhi"),
            Map.entry("ID", "Jakarta"), Map.entry("PH", "Manila"), Map.entry("TH", "Bangkok"), Map.entry("BD", "Dhaka"),
            Map.entry("NP", "Kathmandu"), Map.entry("KH", "Phnom Penh"), Map.entry("AE", "Abu Dhabi"),
            Map.entry("EG", "Cairo"), Map.entry("KE", "Nairobi"), Map.entry("NG", "Abuja"), Map.entry("ZA", "Pretoria"),
            Map.entry("GH", "Accra"), Map.entry("SN", "Dakar"), Map.entry("RW", "Kigali"), Map.entry("ET", "Addis Ababa"),
            Map.entry("TZ", "Dodoma"), Map.entry("MW", "Lilongwe"), Map.entry("TN", "Tunis"));

    /** The annual meeting's host city of each year, all in the set's countries (a synthetic list, not the real one). */
    private static final String[][] ANNUAL_HOSTS = {{"Athens", "GR"}, {"Rio de Janeiro", "BR"}, {"Hyderabad", "IN"},
            {"Sharm El Sheikh", "EG"}, {"Tallinn", "EE"}, {"Nairobi", "KE"}, {"Tbilisi", "GE"}, {"Bali", "ID"},
            {"Tunis", "TN"}, {"João Pessoa", "BR"}, {"Guadalajara", "MX"}, {"Geneva", "CH"}, {"Paris", "FR"},
            {"Berlin", "DE"}, {"Bangkok", "TH"}, {"Katowice", "PL"}, {"Addis Ababa", "ET"}, {"Kyoto", "JP"},
            {"Dubai", "AE"}, {"Lillestrøm", "NO"}};

    private static final Map<String, String> REGIONAL_IGF = Map.of(ReferenceSet.AFRICA, "African IGF",
            ReferenceSet.ASIA_PACIFIC, "Asia Pacific Regional IGF", ReferenceSet.LATIN_AMERICA, "LACIGF",
            ReferenceSet.EASTERN_EUROPE, "South Eastern European Dialogue on Internet Governance",
            ReferenceSet.WEOG, "EuroDIG");

    private static final String[] REJECTIONS = {"Not eligible: attended with the fund's support last year",
            "The programme's places for this event are filled", "Request incomplete: no invitation letter"};
    private static final String[] EARLY_CANCELLATIONS = {"Visa not granted in time", "The traveller withdrew",
            "Travel replaced by remote participation"};
    private static final String[] LATE_CANCELLATIONS = {"The traveller could not travel; ticket refunded to the fund",
            "Trip cancelled after payment: illness; advance returned"};
    private static final String[][] EXPENSES = {
            {"STAFF_AND_CONSULTANTS", "35", "Consultant fees, secretariat support", "Programme officer, temporary appointment"},
            {"CONTRACTUAL_SERVICES", "20", "Webcasting and captioning services", "Meeting rooms and logistics contract"},
            {"TRAVEL_OF_STAFF", "15", "Secretariat mission to the annual meeting", "Staff travel to regional consultations"},
            {"OPERATING_EXPENSES", "15", "Communications and hosting", "Printing and translation of documents"},
            {"EQUIPMENT", "8", "Laptops for the secretariat", "Audio-visual equipment"},
            {"OTHER", "7", "Bank charges and sundry", "Outreach materials"}};

    private Instant spendAt(LocalDate date) {
        return utc(date, 9 + spendRandom.nextInt(8), spendRandom.nextInt(60));
    }

    private <T> T spendPick(List<T> list) {
        return list.get(spendRandom.nextInt(list.size()));
    }

    private void planSpending() {
        spendRandom = new Random(settings.seed() ^ 0x11_7a_e1L);
        planCash();
        planTravelEvents();
        planTravellers();
        planTrips();
        planExpenditure();
        planPsc();
    }

    private static int day(LocalDate date) {
        return (int) ChronoUnit.DAYS.between(FIRST_DAY, date);
    }

    private static long cents(BigDecimal usd) {
        return usd.movePointRight(2).setScale(0, RoundingMode.CEILING).longValueExact();
    }

    /**
     * What each fund receives in cash, day by day: its certified contributions and intermediaries' net transfers (a
     * reversed contribution counts only through the one recorded again, which is less than the ledger holds between
     * the two). Spending is taken from it with the PSC it will bring, so cash never goes below zero.
     */
    private void planCash() {
        int days = day(LAST_DAY) + 1;
        slack = new long[funds.size()][days];
        for (ContributionPlan c : contributions) {
            if ("CERTIFIED".equals(c.status)) {
                slack[(int) c.fund.id - 1][day(c.received)] += cents(c.usd.amount());
            }
        }
        for (TransferPlan t : transfers) {
            if ("CERTIFIED".equals(t.status)) {
                slack[(int) t.fund.id - 1][day(t.received)] += cents(t.usdNet.amount());
            }
        }
        receiptsByYear = new long[funds.size()][LAST_DAY.getYear() - FIRST_DAY.getYear() + 1];
        for (int f = 0; f < slack.length; f++) {
            long sum = 0;
            for (int d = 0; d < days; d++) {
                receiptsByYear[f][FIRST_DAY.plusDays(d).getYear() - FIRST_DAY.getYear()] += slack[f][d];
                sum += slack[f][d];
                slack[f][d] = sum;
            }
        }
    }

    private long[][] receiptsByYear;

    /** Takes {@code amount} (cents) from the fund's cash from {@code date} on, if it has that much all along. */
    private boolean spend(Fund fund, LocalDate date, long amount) {
        long[] s = slack[(int) fund.id - 1];
        int from = day(date);
        for (int d = from; d < s.length; d++) {
            if (s[d] < amount) {
                return false;
            }
        }
        for (int d = from; d < s.length; d++) {
            s[d] -= amount;
        }
        return true;
    }

    private long available(Fund fund, LocalDate date) {
        long[] s = slack[(int) fund.id - 1];
        long min = Long.MAX_VALUE;
        for (int d = day(date); d < s.length; d++) {
            min = Math.min(min, s[d]);
        }
        return min;
    }

    /**
     * Each year the annual meeting (four or five days in November or December), two or three open consultations and
     * MAG meetings in Geneva, and two to four regional IGFs in the set's developing countries; a DSA rate for each
     * place from the month travellers may leave for it.
     */
    private void planTravelEvents() {
        List<ReferenceSet.CountryRow> developing = countries.stream()
                .filter(c -> !"DEVELOPED".equals(c.status())).toList();
        for (int year = FIRST_DAY.getYear(); year <= LAST_DAY.getYear(); year++) {
            String[] host = ANNUAL_HOSTS[year - FIRST_DAY.getYear()];
            LocalDate start = LocalDate.of(year, 11, 1).plusDays(spendRandom.nextInt(45));
            newEvent("IGF " + year + ", " + host[0], "ANNUAL_MEETING", host[0], host[1], start, 3 + spendRandom.nextInt(2));
            int mag = 2 + spendRandom.nextInt(2);
            for (int k = 0; k < mag; k++) {
                LocalDate s = LocalDate.of(year, 3 + k * 3, 1).plusDays(spendRandom.nextInt(50));
                newEvent((k == 0 ? "Open consultations and MAG meeting " : "MAG meeting ") + year + (k == 0 ? "" : " (" + (k + 1)
                        + ")"), "OPEN_CONSULTATIONS_MAG", "Geneva", "CH", s, 2);
            }
            int regional = 2 + spendRandom.nextInt(3);
            Set<String> regions = new HashSet<>();
            for (int k = 0; k < regional; k++) {
                ReferenceSet.CountryRow c = spendPick(developing);
                if (!regions.add(c.region())) {
                    continue;
                }
                LocalDate s = LocalDate.of(year, 4, 1).plusDays(spendRandom.nextInt(180));
                newEvent(REGIONAL_IGF.get(c.region()) + " " + year, "REGIONAL_NATIONAL", CAPITALS.get(c.code()), c.code(),
                        s, 1 + spendRandom.nextInt(2));
            }
        }
        travelEvents.sort(Comparator.comparing((EventPlan e) -> e.createdAt).thenComparing(e -> e.name));
        long id = 1;
        for (EventPlan e : travelEvents) {
            e.id = id++;
        }
        dsaRates.sort(Comparator.comparing((DsaPlan r) -> r.recordedAt).thenComparing(r -> r.city));
        id = 1;
        for (DsaPlan r : dsaRates) {
            r.id = id++;
        }
    }

    private void newEvent(String name, String type, String city, String country, LocalDate start, int extraDays) {
        EventPlan e = new EventPlan();
        e.name = name;
        e.type = type;
        e.city = city;
        e.country = country;
        e.start = start;
        e.end = start.plusDays(extraDays);
        LocalDate created = start.minusDays(150 + spendRandom.nextInt(60));
        e.createdAt = spendAt(created.isBefore(FIRST_DAY) ? FIRST_DAY : created);
        e.createdBy = spendPick(RECORDERS);
        travelEvents.add(e);
        // The ICSC's rate for the place from the month of the earliest departure (two days before the start).
        LocalDate month = start.minusDays(2).withDayOfMonth(1);
        java.util.TreeMap<LocalDate, DsaPlan> place = dsaByPlace.computeIfAbsent(country + "|" + city,
                k -> new java.util.TreeMap<>());
        if (!place.containsKey(month)) {
            ReferenceSet.CountryRow c = countries.stream().filter(r -> r.code().equals(country)).findFirst().orElseThrow();
            double base = "DEVELOPED".equals(c.status()) ? 330 : 210;
            double level = base * Math.pow(1.025, month.getYear() - FIRST_DAY.getYear()) * (1 + 0.08 * spendRandom.nextGaussian());
            DsaPlan r = new DsaPlan();
            r.country = country;
            r.city = city;
            r.month = month;
            r.rate = BigDecimal.valueOf(Math.max(90, Math.round(level))).setScale(2);
            LocalDate recorded = month.minusDays(10 + spendRandom.nextInt(20));
            r.recordedAt = spendAt(recorded.isBefore(FIRST_DAY) ? FIRST_DAY : recorded);
            r.recordedBy = spendPick(RECORDERS);
            place.put(month, r);
            dsaRates.add(r);
        }
    }

    /**
     * One and a half travellers per donor (at least 200): mostly from developing, least developed and transition
     * countries, every stakeholder group, about 8 % MAG members.
     */
    private void planTravellers() {
        int count = Math.max(200, settings.donors() * 3 / 2);
        Set<String> names = new HashSet<>();
        String[] groups = {"GOVERNMENT", "CIVIL_SOCIETY", "TECHNICAL_COMMUNITY", "ACADEMIA", "PRIVATE_SECTOR",
                "INTERGOVERNMENTAL_ORGANIZATION"};
        int[] groupWeights = {20, 32, 16, 16, 12, 4};
        for (int i = 0; i < count; i++) {
            TravellerPlan t = new TravellerPlan();
            String first;
            String last;
            do {
                first = FIRST_NAMES[spendRandom.nextInt(FIRST_NAMES.length)];
                last = LAST_NAMES[spendRandom.nextInt(LAST_NAMES.length)];
                t.name = first + " " + (char) ('A' + spendRandom.nextInt(26)) + ". " + last;
            } while (!names.add(t.name));
            int g = spendRandom.nextInt(100);
            t.gender = g < 48 ? "FEMALE" : g < 96 ? "MALE" : g < 97 ? "OTHER" : "NOT_STATED";
            t.mag = spendRandom.nextInt(100) < 8;
            do {
                t.residence = countries.get(spendRandom.nextInt(countries.size()));
            } while ("DEVELOPED".equals(statusInV14(t.residence)) && spendRandom.nextInt(100) >= (t.mag ? 40 : 8));
            t.nationality = spendRandom.nextInt(100) < 90 ? t.residence.code()
                    : countries.get(spendRandom.nextInt(countries.size())).code();
            int x = spendRandom.nextInt(100);
            int k = 0;
            while (x >= groupWeights[k]) {
                x -= groupWeights[k++];
            }
            t.group = groups[k];
            t.email = spendRandom.nextInt(100) < 75
                    ? ascii(first + "." + last).toLowerCase() + (i + 1) + "@example.org" : null;
            t.createdBy = spendPick(RECORDERS);
            travellers.add(t);
        }
    }

    /**
     * Ten trips per donor over the twenty years (more each year): about 55 % to the annual meeting, 15 % to MAG
     * meetings (MAG members, MAG travel), 30 % to regional IGFs; fellows and other participants. Each is costed, then
     * approved, obligated, paid and reported on as the services do, or rejected or cancelled at some step; a step dated
     * after the data set's last day has not happened. The fund is chosen among those that can pay it then.
     */
    private void planTrips() {
        int total = settings.donors() * 10;
        int years = LAST_DAY.getYear() - FIRST_DAY.getYear() + 1;
        double weights = 0;
        for (int y = 0; y < years; y++) {
            weights += 1 + 0.06 * y;
        }
        List<TravellerPlan> magMembers = travellers.stream().filter(t -> t.mag).toList();
        List<TravellerPlan> others = travellers.stream().filter(t -> !t.mag).toList();
        Set<String> taken = new HashSet<>();
        int planned = 0;
        for (int y = 0; y < years; y++) {
            int year = FIRST_DAY.getYear() + y;
            int n = y == years - 1 ? total - planned : (int) Math.round(total * (1 + 0.06 * y) / weights);
            planned += n;
            List<EventPlan> ofYear = travelEvents.stream().filter(e -> e.start.getYear() == year).toList();
            EventPlan annual = ofYear.stream().filter(e -> "ANNUAL_MEETING".equals(e.type)).findFirst().orElseThrow();
            List<EventPlan> mag = ofYear.stream().filter(e -> "OPEN_CONSULTATIONS_MAG".equals(e.type)).toList();
            List<EventPlan> regional = ofYear.stream().filter(e -> "REGIONAL_NATIONAL".equals(e.type)).toList();
            for (int k = 0; k < n; k++) {
                int kind = spendRandom.nextInt(100);
                EventPlan event = kind < 55 ? annual : kind < 70 ? spendPick(mag) : spendPick(regional);
                long programme;
                boolean magTrip = "OPEN_CONSULTATIONS_MAG".equals(event.type)
                        || event == annual && spendRandom.nextInt(100) < 10;
                if (magTrip) {
                    programme = MAG_TRAVEL;
                } else {
                    programme = spendRandom.nextInt(100) < (event == annual ? 50 : 30) ? FELLOWSHIP : OTHER_PARTICIPANTS;
                }
                List<TravellerPlan> pool = magTrip ? magMembers : others;
                TravellerPlan traveller = null;
                for (int attempt = 0; attempt < 30 && traveller == null; attempt++) {
                    double u = spendRandom.nextDouble();
                    TravellerPlan candidate = pool.get((int) (pool.size() * Math.pow(u, magTrip ? 1 : 1.6)));
                    if (taken.add(event.name + "|" + candidate.name)) {
                        traveller = candidate;
                    }
                }
                if (traveller == null) {
                    traveller = spendPick(travellers);
                    if (!taken.add(event.name + "|" + traveller.name)) {
                        continue;
                    }
                }
                planTrip(traveller, programme, event);
            }
        }
        trips.sort(Comparator.comparing((TripPlan t) -> t.requestedAt).thenComparing(t -> t.traveller.name));
        long id = 1;
        for (TripPlan t : trips) {
            t.id = id++;
        }
        // Travellers were entered before their first request; those never funded at some time in the twenty years.
        Map<TravellerPlan, Instant> first = new java.util.HashMap<>();
        for (TripPlan t : trips) {
            first.putIfAbsent(t.traveller, t.requestedAt);
        }
        for (TravellerPlan t : travellers) {
            Instant f = first.get(t);
            t.createdAt = f != null ? f.minus(1 + spendRandom.nextInt(30), ChronoUnit.DAYS)
                    : spendAt(FIRST_DAY.plusDays(spendRandom.nextInt(day(LAST_DAY) - 30)));
            if (t.createdAt.isBefore(utc(FIRST_DAY, 8, 0))) {
                t.createdAt = utc(FIRST_DAY, 8, spendRandom.nextInt(60));
            }
        }
        travellers.sort(Comparator.comparing((TravellerPlan t) -> t.createdAt).thenComparing(t -> t.name));
        id = 1;
        for (TravellerPlan t : travellers) {
            t.id = id++;
        }
    }

    private void planTrip(TravellerPlan traveller, long programme, EventPlan event) {
        TripPlan t = new TripPlan();
        t.traveller = traveller;
        t.programmeId = programme;
        t.event = event;
        t.departure = event.start.minusDays(spendRandom.nextInt(3));
        t.back = event.end.plusDays(spendRandom.nextInt(2));
        LocalDate asked = event.start.minusDays(14 + spendRandom.nextInt(100));
        t.requestedOn = asked.isBefore(FIRST_DAY.plusDays(1)) ? FIRST_DAY.plusDays(1) : asked;
        t.requestedAt = spendAt(t.requestedOn);
        t.requestedBy = spendPick(RECORDERS);
        ReferenceSet.CountryRow home = traveller.residence;
        String capital = CAPITALS.get(home.code());
        t.itinerary = capital + " – " + event.city + " – " + capital;
        t.residenceStatus = statusInV14(home);
        if ("DEVELOPED".equals(t.residenceStatus)) {
            t.eligibilityReason = traveller.mag ? "MAG member; the Chair asked for the fund's support"
                    : "Invited speaker; the host's support does not cover travel";
        }

        int a = spendRandom.nextInt(100);
        t.asks = a < 80 ? "BOTH" : a < 88 ? "TICKET" : "DSA";
        boolean ticket = !"DSA".equals(t.asks);
        boolean dsa = !"TICKET".equals(t.asks);
        t.currency = "USD";
        if (ticket && spendRandom.nextInt(100) < 30) {
            t.currency = rates.containsKey(home.currency()) ? home.currency() : spendPick(List.of("EUR", "CHF", "GBP"));
        }
        int scale = "JPY".equals(t.currency) ? 0 : 2;
        ExchangeRate asking = rateOn(t.currency, t.requestedOn);
        t.rateId = rateIdOn(t.currency, t.requestedOn);
        t.unitsPerUsd = asking == null ? BigDecimal.ONE.setScale(6) : asking.getUnitsPerUsd();
        BigDecimal units = asking == null ? BigDecimal.ONE : asking.getUnitsPerUsd();
        t.ticket = BigDecimal.ZERO.setScale(scale);
        t.other = BigDecimal.ZERO.setScale(scale);
        if (ticket) {
            ReferenceSet.CountryRow to = countries.stream().filter(c -> c.code().equals(event.country)).findFirst().orElseThrow();
            BigDecimal[] range = home.code().equals(to.code()) ? new BigDecimal[] {new BigDecimal("120"), new BigDecimal("450")}
                    : home.region().equals(to.region()) ? new BigDecimal[] {new BigDecimal("300"), new BigDecimal("1200")}
                    : new BigDecimal[] {new BigDecimal("750"), new BigDecimal("3200")};
            t.ticket = logUniform(range, spendRandom).multiply(units).setScale(scale, RoundingMode.HALF_UP);
            if (spendRandom.nextInt(100) < 20) {
                t.other = BigDecimal.valueOf(30 + spendRandom.nextInt(150)).multiply(units).setScale(scale, RoundingMode.HALF_UP);
                t.otherDescription = spendRandom.nextBoolean() ? "Visa fee" : "Travel insurance";
            }
        }
        t.dsaRateUsd = BigDecimal.ZERO.setScale(2);
        if (dsa) {
            t.dsaCity = event.city;
            t.dsa = dsaByPlace.get(event.country + "|" + event.city).floorEntry(t.departure.withDayOfMonth(1)).getValue();
            t.dsaRateUsd = t.dsa.rate;
            t.dsaDays = (int) ChronoUnit.DAYS.between(t.departure, t.back);
        }
        t.terminalUsd = (ticket ? new BigDecimal("100") : BigDecimal.ZERO).setScale(2);
        t.costedUsd = usdAt(t, asking);

        // The steps as they would happen, then cut at the data set's last day.
        int outcome = spendRandom.nextInt(1000);
        Instant rejectedAt = null;
        if (outcome < 30) {
            rejectedAt = t.requestedAt.plus(2 + spendRandom.nextInt(7), ChronoUnit.DAYS);
        }
        Instant approvedAt = t.requestedAt.plus(1 + spendRandom.nextInt(7), ChronoUnit.DAYS)
                .plus(spendRandom.nextInt(300), ChronoUnit.MINUTES);
        LocalDate obligation = date(approvedAt).plusDays(spendRandom.nextInt(3));
        if (!obligation.isBefore(t.departure)) {
            obligation = date(approvedAt);
        }
        Instant obligatedAt = utc(obligation, 17, spendRandom.nextInt(60));
        if (!obligatedAt.isAfter(approvedAt)) {
            obligatedAt = approvedAt.plus(10, ChronoUnit.MINUTES);
        }
        LocalDate payment;
        if (spendRandom.nextInt(100) < 15) {
            payment = t.back.plusDays(3 + spendRandom.nextInt(28)); // reimbursed after the trip
        } else {
            long gap = ChronoUnit.DAYS.between(obligation, t.departure);
            payment = obligation.plusDays(gap <= 1 ? 0 : 1 + spendRandom.nextInt((int) gap - 1));
        }
        Instant paidAt = utc(payment, 18, spendRandom.nextInt(60));
        LocalDate report = (payment.isAfter(t.back) ? payment : t.back).plusDays(3 + spendRandom.nextInt(58));
        boolean reports = spendRandom.nextInt(100) < 94;
        Instant cancelledAt = null;
        String[] cancellation = null;
        if (outcome >= 30 && outcome < 40) {
            cancelledAt = approvedAt.plus(2 + spendRandom.nextInt(30), ChronoUnit.HOURS);
            cancellation = EARLY_CANCELLATIONS;
        } else if (outcome >= 40 && outcome < 50) {
            long gap = ChronoUnit.DAYS.between(obligation, payment);
            cancelledAt = obligatedAt.plus(1, ChronoUnit.HOURS).plus(gap <= 0 ? 0 : spendRandom.nextInt((int) gap * 24),
                    ChronoUnit.HOURS);
            if (!cancelledAt.isBefore(paidAt)) {
                cancelledAt = paidAt.minus(20, ChronoUnit.MINUTES);
            }
            cancellation = EARLY_CANCELLATIONS;
        } else if (outcome >= 50 && outcome < 55) {
            cancelledAt = paidAt.plus(2 + spendRandom.nextInt(18), ChronoUnit.DAYS);
            cancellation = LATE_CANCELLATIONS;
        }
        String approver = spendPick(CERTIFIERS);
        String payer = spendPick(RECORDERS);
        String reason = cancellation == null ? null : cancellation[spendRandom.nextInt(cancellation.length)];

        ExchangeRate atObligation = rateOn(t.currency, obligation);
        ExchangeRate atPayment = rateOn(t.currency, payment.isAfter(LAST_DAY) ? LAST_DAY : payment);
        BigDecimal paidUsd = usdAt(t, atPayment);
        boolean paidInTime = rejectedAt == null && !payment.isAfter(LAST_DAY)
                && (cancelledAt == null || cancellation == LATE_CANCELLATIONS);
        t.fund = chooseFund(t, paidInTime ? payment : null, paidInTime ? cents(paidUsd.multiply(PSC_RESERVE)) : 0);
        t.status = "REQUESTED";
        if (t.fund == null) {
            // No fund could pay it then: rejected for want of balance, as the approval would have been refused.
            t.fund = chooseFund(t, null, 0);
            rejectedAt = t.requestedAt.plus(2 + spendRandom.nextInt(7), ChronoUnit.DAYS);
            reason = "The funds' available balance does not cover the trip";
        }
        if (rejectedAt != null) {
            if (!date(rejectedAt).isAfter(LAST_DAY)) {
                t.status = "REJECTED";
                close(t, rejectedAt, approver, reason != null ? reason : REJECTIONS[spendRandom.nextInt(REJECTIONS.length)]);
            }
            trips.add(t);
            return;
        }
        if (date(approvedAt).isAfter(LAST_DAY)) {
            trips.add(t);
            return;
        }
        t.status = "APPROVED";
        t.approvedAt = approvedAt;
        t.approvedBy = approver;
        if (cancellation == EARLY_CANCELLATIONS && cancelledAt.isBefore(obligatedAt)) {
            if (!date(cancelledAt).isAfter(LAST_DAY)) {
                t.status = "CANCELLED";
                close(t, cancelledAt, t.requestedBy, reason);
            }
            trips.add(t);
            return;
        }
        if (obligation.isAfter(LAST_DAY)) {
            trips.add(t);
            return;
        }
        t.status = "OBLIGATED";
        t.obligationDate = obligation;
        t.obligatedAt = obligatedAt;
        t.obligatedBy = t.requestedBy;
        t.obligatedUsd = usdAt(t, atObligation);
        if (cancellation == EARLY_CANCELLATIONS) {
            if (!date(cancelledAt).isAfter(LAST_DAY)) {
                t.status = "CANCELLED";
                close(t, cancelledAt, t.requestedBy, reason);
            }
            trips.add(t);
            return;
        }
        if (payment.isAfter(LAST_DAY)) {
            trips.add(t);
            return;
        }
        t.status = "PAID";
        t.paymentDate = payment;
        t.paidAt = paidAt;
        t.paymentReference = "PV-" + payment.getYear() + "-" + String.format("%05d", paymentSequence++);
        t.paidUnitsPerUsd = atPayment == null ? BigDecimal.ONE.setScale(6) : atPayment.getUnitsPerUsd();
        t.paidUsd = paidUsd;
        t.paidBy = payer;
        if (cancellation == LATE_CANCELLATIONS) {
            if (!date(cancelledAt).isAfter(LAST_DAY)) {
                t.status = "CANCELLED";
                close(t, cancelledAt, spendPick(CERTIFIERS), reason);
            }
            trips.add(t);
            return;
        }
        if (reports && !report.isAfter(LAST_DAY)) {
            t.status = "REPORTED";
            t.reportReceivedOn = report;
            t.reportRecordedBy = spendPick(RECORDERS);
        }
        trips.add(t);
    }

    private static LocalDate date(Instant at) {
        return at.atOffset(ZoneOffset.UTC).toLocalDate();
    }

    private static void close(TripPlan t, Instant at, String by, String reason) {
        t.closedAt = at;
        t.closedBy = by;
        t.closedReason = reason;
    }

    /** As {@code TravelRequest.usdAt}: ticket and other costs at the rate, DSA and terminal expenses in dollars. */
    private static BigDecimal usdAt(TripPlan t, ExchangeRate fx) {
        Money costs = t.costsInCurrency();
        BigDecimal converted = fx == null ? costs.amount() : fx.toUsd(costs).amount();
        BigDecimal dsaUsd = t.dsaRateUsd.multiply(BigDecimal.valueOf(t.dsaDays)).setScale(2);
        return converted.setScale(2, ExchangeRate.USD_ROUNDING).add(dsaUsd).add(t.terminalUsd);
    }

    /**
     * A fund that had started by the departure: the IGF fund most often, the fellowship fund for fellows, the NRI fund
     * for regional meetings. With a payment, only one whose cash covers it (and its PSC) from that day on, or null.
     */
    private Fund chooseFund(TripPlan t, LocalDate payment, long amount) {
        List<Fund> candidates = new ArrayList<>();
        List<Integer> weights = new ArrayList<>();
        int total = 0;
        for (Fund f : funds) {
            if (f.start.isAfter(t.departure)) {
                continue;
            }
            int w = switch (f.row.code()) {
                case "IGF" -> 6;
                case "IGF-FEL" -> t.programmeId == FELLOWSHIP ? 8 : 1;
                case "NRI" -> "REGIONAL_NATIONAL".equals(t.event.type) ? 6 : 1;
                case "LDC-ICT" -> "LEAST_DEVELOPED".equals(t.residenceStatus) ? 4 : 1;
                default -> 1;
            };
            candidates.add(f);
            weights.add(w);
            total += w;
        }
        for (int attempt = 0; attempt < 8; attempt++) {
            int x = spendRandom.nextInt(total);
            int i = 0;
            while (x >= weights.get(i)) {
                x -= weights.get(i++);
            }
            Fund f = candidates.get(i);
            if (payment == null || spend(f, payment, amount)) {
                return f;
            }
        }
        return null;
    }

    /**
     * Each fund-year with receipts: 3 to about 12 other expenses across the categories, together about half to three
     * quarters of the year's receipts less its travel (and PSC); in US dollars or another currency at the rate of the
     * date; the last 40 days partly awaiting certification or sent back; one in a hundred certified ones reversed.
     */
    private void planExpenditure() {
        int years = LAST_DAY.getYear() - FIRST_DAY.getYear() + 1;
        long[][] travel = new long[funds.size()][years];
        for (TripPlan t : trips) {
            if (t.paymentDate != null) {
                travel[(int) t.fund.id - 1][t.paymentDate.getYear() - FIRST_DAY.getYear()] += cents(t.paidUsd);
            }
        }
        int referenceSequence = 1;
        for (Fund fund : funds) {
            for (int year = fund.start.getYear(); year <= LAST_DAY.getYear(); year++) {
                int y = year - FIRST_DAY.getYear();
                long receipts = receiptsByYear[(int) fund.id - 1][y];
                if (receipts <= 0) {
                    continue;
                }
                double share = 0.45 + 0.3 * spendRandom.nextDouble();
                double target = Math.max(0.03 * receipts, share * receipts - 1.13 * travel[(int) fund.id - 1][y]) / 1.13;
                int n = 3 + poissonSpend(5);
                double[] w = new double[n];
                double sum = 0;
                for (int k = 0; k < n; k++) {
                    w[k] = 0.3 + spendRandom.nextDouble();
                    sum += w[k];
                }
                for (int k = 0; k < n; k++) {
                    String[] category = EXPENSES[categoryIndex()];
                    LocalDate date = LocalDate.of(year, 1, 1).plusDays(spendRandom.nextInt(360));
                    if (date.isAfter(LAST_DAY.minusDays(3))) {
                        date = LAST_DAY.minusDays(3);
                    }
                    BigDecimal usd = BigDecimal.valueOf(target * w[k] / sum / 100).setScale(2, RoundingMode.DOWN);
                    newExpenditure(fund, category, date, usd, "EXP/" + fund.row.code() + "/" + year + "/"
                            + String.format("%05d", referenceSequence++));
                }
            }
        }
        expenditures.sort(Comparator.comparing((ExpenditurePlan x) -> x.recordedAt).thenComparing(x -> x.reference));
        long id = 1;
        for (ExpenditurePlan x : expenditures) {
            x.id = id++;
        }
    }

    private int categoryIndex() {
        int x = spendRandom.nextInt(100);
        for (int i = 0; i < EXPENSES.length; i++) {
            x -= Integer.parseInt(EXPENSES[i][1]);
            if (x < 0) {
                return i;
            }
        }
        return EXPENSES.length - 1;
    }

    private void newExpenditure(Fund fund, String[] category, LocalDate date, BigDecimal usdWanted, String reference) {
        ExpenditurePlan x = new ExpenditurePlan();
        x.fund = fund;
        x.category = category[0];
        x.date = date;
        x.reference = reference;
        x.description = category[2 + spendRandom.nextInt(2)];
        String currency = spendRandom.nextInt(100) < 75 ? "USD" : spendPick(List.of("EUR", "CHF", "GBP", "EUR", "JPY", "SEK"));
        x.recordedAt = spendAt(date.plusDays(1 + spendRandom.nextInt(10)));
        x.recordedBy = spendPick(RECORDERS);
        Instant certifiedAt = x.recordedAt.plus(1 + spendRandom.nextInt(5), ChronoUnit.DAYS)
                .plus(spendRandom.nextInt(300), ChronoUnit.MINUTES);
        int pending = spendRandom.nextInt(100);
        boolean recent = !date.isBefore(LAST_DAY.minusDays(40));
        boolean certified = !(recent && pending < 40) && !date(certifiedAt).isAfter(LAST_DAY);
        BigDecimal usd = usdWanted;
        if (certified) {
            // Only what the fund's cash covers, with its PSC, from that day on.
            long room = (long) (available(fund, date) / 1.13 * 0.9);
            if (cents(usd.multiply(PSC_RESERVE)) > room * 1.13) {
                usd = BigDecimal.valueOf(room).movePointLeft(2).setScale(2, RoundingMode.DOWN);
            }
        }
        if (usd.compareTo(new BigDecimal("500")) < 0) {
            return;
        }
        ExchangeRate rate = rateOn(currency, date);
        x.rateId = rateIdOn(currency, date);
        x.unitsPerUsd = rate == null ? BigDecimal.ONE.setScale(6) : rate.getUnitsPerUsd();
        x.amount = rate == null ? Money.of(usd, "USD")
                : Money.rounded(usd.multiply(rate.getUnitsPerUsd()), Money.currency(currency), RoundingMode.HALF_UP);
        x.usd = (rate == null ? x.amount : rate.toUsd(x.amount)).amount().setScale(2);
        if (certified && !spend(fund, date, cents(x.usd.multiply(PSC_RESERVE)))) {
            return;
        }
        if (!certified) {
            x.status = recent && pending < 5 && !date(certifiedAt).isAfter(LAST_DAY) ? "RETURNED" : "RECORDED";
            if ("RETURNED".equals(x.status)) {
                x.returnedReason = "The invoice does not match the purchase order";
            }
            expenditures.add(x);
            return;
        }
        x.status = "CERTIFIED";
        x.certifiedAt = certifiedAt;
        x.certifiedBy = spendPick(CERTIFIERS);
        if (date.isBefore(LAST_DAY.minusDays(400)) && spendRandom.nextInt(100) == 0) {
            x.status = "REVERSED";
            x.reversedAt = certifiedAt.plus(20 + spendRandom.nextInt(100), ChronoUnit.DAYS);
            x.reversedBy = spendPick(CERTIFIERS);
            x.reversalReason = "Charged to the wrong fund";
        }
        expenditures.add(x);
    }

    private int poissonSpend(double mean) {
        double l = Math.exp(-mean);
        double p = 1;
        int k = 0;
        do {
            k++;
            p *= spendRandom.nextDouble();
        } while (p > l);
        return k - 1;
    }

    /**
     * As {@code ProgrammeSupportCosts.charge} run at year end: per fund-year, the fund's rate (13 %) of the year's
     * expenses on the PSC base accounts (by journal date: payments, certified expenditure, less reversals dated in the
     * year), rounded half up to the cent; dated 31 December, posted after the last journal dated in the year, so a
     * second run would post nothing.
     */
    private void planPsc() {
        Map<List<Object>, BigDecimal> base = new LinkedHashMap<>();
        Map<List<Object>, Instant> last = new java.util.HashMap<>();
        java.util.function.BiConsumer<List<Object>, Instant> seen = (k, at) -> last.merge(k, at, (a, b) -> a.isAfter(b) ? a : b);
        for (TripPlan t : trips) {
            if (t.paymentDate != null) {
                List<Object> k = List.of(t.fund.id, t.paymentDate.getYear());
                base.merge(k, t.paidUsd, BigDecimal::add);
                seen.accept(k, t.paidAt);
                if ("CANCELLED".equals(t.status)) {
                    List<Object> r = List.of(t.fund.id, date(t.closedAt).getYear());
                    base.merge(r, t.paidUsd.negate(), BigDecimal::add);
                    seen.accept(r, t.closedAt);
                }
            }
        }
        for (ExpenditurePlan x : expenditures) {
            if (x.certifiedAt != null) {
                List<Object> k = List.of(x.fund.id, x.date.getYear());
                base.merge(k, x.usd, BigDecimal::add);
                seen.accept(k, x.certifiedAt);
                if (x.reversedAt != null) {
                    List<Object> r = List.of(x.fund.id, date(x.reversedAt).getYear());
                    base.merge(r, x.usd.negate(), BigDecimal::add);
                    seen.accept(r, x.reversedAt);
                }
            }
        }
        for (Fund fund : funds) {
            for (int year = fund.start.getYear(); year <= LAST_DAY.getYear(); year++) {
                List<Object> k = List.of(fund.id, year);
                BigDecimal b = base.getOrDefault(k, BigDecimal.ZERO).setScale(2);
                BigDecimal due = b.multiply(PSC_RATE).setScale(2, RoundingMode.HALF_UP);
                if (due.signum() == 0) {
                    continue;
                }
                PscPlan p = new PscPlan();
                p.fund = fund;
                p.year = year;
                p.base = b;
                p.due = due;
                Instant closing = utc(LocalDate.of(year + 1, 1, 5).plusDays(spendRandom.nextInt(15)), 10, spendRandom.nextInt(60));
                Instant after = last.get(k) == null ? closing : last.get(k).plus(1, ChronoUnit.HOURS);
                p.postedAt = after.isAfter(closing) ? after : closing;
                p.postedBy = spendPick(RECORDERS);
                pscCharges.add(p);
            }
        }
        pscCharges.sort(Comparator.comparing((PscPlan p) -> p.postedAt).thenComparingLong(p -> p.fund.id));
        long id = 1;
        for (PscPlan p : pscCharges) {
            p.id = id++;
        }
    }

    private void writeSpending(Sink sink) {
        for (EventPlan e : travelEvents) {
            emit(sink, Table.TRAVEL_EVENT, e.id, e.name, e.type, e.city, e.country, e.start, e.end, ldt(e.createdAt),
                    e.createdBy);
        }
        for (DsaPlan r : dsaRates) {
            emit(sink, Table.DSA_RATE, r.id, r.country, r.city, r.month, r.rate, ldt(r.recordedAt), r.recordedBy);
        }
        for (TravellerPlan t : travellers) {
            emit(sink, Table.TRAVELLER, t.id, t.name, t.gender, t.nationality, t.residence.code(), t.group, t.mag, t.email,
                    ldt(t.createdAt), t.createdBy);
        }
        for (TripPlan t : trips) {
            emit(sink, Table.TRAVEL_REQUEST, t.id, t.traveller.id, t.programmeId, t.event.id, t.fund.id, t.itinerary,
                    t.asks, t.requestedOn, t.departure, t.back, t.currency, t.ticket, t.other, t.otherDescription,
                    t.dsaCity, t.dsa == null ? null : t.dsa.id, t.dsaRateUsd, null, t.dsaDays, null, t.terminalUsd,
                    t.rateId, t.unitsPerUsd, null, t.costedUsd, t.residenceStatus, t.eligibilityReason, t.status,
                    ldt(t.requestedAt), t.requestedBy, ldt(t.approvedAt), t.approvedBy, null, t.obligationDate,
                    t.obligatedUsd, t.obligatedBy, t.paymentDate, t.paymentReference, t.paidUnitsPerUsd, t.paidUsd,
                    t.paidBy, t.reportReceivedOn, t.reportRecordedBy, ldt(t.closedAt), t.closedBy, t.closedReason);
        }
        for (ExpenditurePlan x : expenditures) {
            emit(sink, Table.OTHER_EXPENDITURE, x.id, x.fund.id, x.category, x.date, x.amount.amount(),
                    x.amount.currencyCode(), x.rateId, null, x.unitsPerUsd, x.usd, x.reference, x.description, x.status,
                    ldt(x.recordedAt), x.recordedBy, ldt(x.certifiedAt), x.certifiedBy, x.returnedReason,
                    ldt(x.reversedAt), x.reversedBy, x.reversalReason);
        }
        for (PscPlan p : pscCharges) {
            emit(sink, Table.PSC_CHARGE, p.id, p.fund.id, p.year, LocalDate.of(p.year, 12, 31), p.base, PSC_RATE, p.due,
                    p.due, null, null, ldt(p.postedAt), p.postedBy);
        }
    }

    private void addSpendingEvents(List<Event> events) {
        for (TripPlan t : trips) {
            if (t.obligatedAt != null) {
                events.add(new Event(t.obligatedAt, EventKind.TRAVEL_OBLIGATE, t.id, t));
            }
            if (t.paidAt != null) {
                events.add(new Event(t.paidAt, EventKind.TRAVEL_RELEASE, t.id, t));
                events.add(new Event(t.paidAt, EventKind.TRAVEL_PAY, t.id, t));
            }
            if (t.obligatedAt != null && "CANCELLED".equals(t.status)) {
                events.add(new Event(t.closedAt, EventKind.TRAVEL_CANCEL, t.id, t));
            }
        }
        for (ExpenditurePlan x : expenditures) {
            if (x.certifiedAt != null) {
                events.add(new Event(x.certifiedAt, EventKind.EXPENDITURE_CERTIFY, x.id, x));
            }
            if (x.reversedAt != null) {
                events.add(new Event(x.reversedAt, EventKind.EXPENDITURE_REVERSE, x.id, x));
            }
        }
        for (PscPlan p : pscCharges) {
            events.add(new Event(p.postedAt, EventKind.PSC_CHARGE, p.id, p));
        }
    }

    private static String who(TripPlan t) {
        return t.traveller.name + " to " + t.event.name;
    }

    /** As {@code TravelService.obligate}: the memo pair, at the obligation date's rate. */
    private Journal travelObligation(TripPlan t) {
        Money usd = Money.of(t.obligatedUsd, "USD");
        return Journal.builder(JournalEvent.TRAVEL_OBLIGATED, t.fund.id, null, t.obligationDate, TravelRequest.SOURCE_TYPE,
                        t.id, "Travel " + t.id + " obligated: " + who(t))
                .debit(Account.OPEN_OBLIGATIONS, usd).credit(Account.OBLIGATIONS_RESERVE, usd)
                .build(t.obligatedAt, t.obligatedBy);
    }

    /** As {@code TravelService.pay}, first journal: the obligation released. */
    private Journal travelRelease(TripPlan t) {
        Money obligated = Money.of(t.obligatedUsd, "USD");
        return Journal.builder(JournalEvent.TRAVEL_OBLIGATION_RELEASED, t.fund.id, null, t.paymentDate,
                        TravelRequest.SOURCE_TYPE, t.id, "Travel " + t.id + " paid: obligation released (" + who(t) + ")")
                .debit(Account.OBLIGATIONS_RESERVE, obligated).credit(Account.OPEN_OBLIGATIONS, obligated)
                .build(t.paidAt, t.paidBy);
    }

    /** As {@code TravelService.pay}, second journal: the expense against cash at the payment date's rate. */
    private Journal travelPayment(TripPlan t) {
        Money paid = Money.of(t.paidUsd, "USD");
        Money original = "USD".equals(t.currency) ? null : t.costsInCurrency();
        return Journal.builder(JournalEvent.TRAVEL_PAID, t.fund.id, null, t.paymentDate, TravelRequest.SOURCE_TYPE, t.id,
                        "Travel " + t.id + " paid, ref. " + t.paymentReference + " (" + who(t) + ")")
                .debit(Account.TRAVEL_AND_FELLOWSHIPS, paid, original, null)
                .credit(Account.CASH, paid, original, null)
                .build(t.paidAt, t.paidBy);
    }

    /** As {@code ExpenditureService.certify}: the category's expense against cash. */
    private Journal expenditureCertification(ExpenditurePlan x) {
        Money usd = Money.of(x.usd, "USD");
        Account account = org.trustfund.expenditure.ExpenditureCategory.valueOf(x.category).account();
        return Journal.builder(JournalEvent.EXPENDITURE_CERTIFIED, x.fund.id, null, x.date, Expenditure.SOURCE_TYPE, x.id,
                        "Expenditure " + x.id + " (" + x.category + ") " + x.amount + " ref. " + x.reference)
                .debit(account, usd, x.amount, null)
                .credit(Account.CASH, usd, x.amount, null)
                .build(x.certifiedAt, x.certifiedBy);
    }

    /** As {@code ProgrammeSupportCosts.charge}. */
    private Journal pscJournal(PscPlan p) {
        Money usd = Money.of(p.due, "USD");
        return Journal.builder(JournalEvent.PSC_CHARGED, p.fund.id, null, LocalDate.of(p.year, 12, 31),
                        PscCharge.SOURCE_TYPE, p.id, "Programme support cost " + p.year + ": "
                                + PSC_RATE.movePointRight(2).stripTrailingZeros().toPlainString() + " % of "
                                + p.base.toPlainString() + " USD")
                .debit(Account.PROGRAMME_SUPPORT_COSTS, usd).credit(Account.CASH, usd)
                .build(p.postedAt, p.postedBy);
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
