package org.trustfund.demo;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import org.trustfund.contribution.Contribution;
import org.trustfund.contribution.ContributionInput;
import org.trustfund.contribution.ContributionService;
import org.trustfund.donor.Donor;
import org.trustfund.donor.DonorDetails;
import org.trustfund.donor.DonorService;
import org.trustfund.donor.StakeholderGroup;
import org.trustfund.expenditure.Expenditure;
import org.trustfund.expenditure.ExpenditureCategory;
import org.trustfund.expenditure.ExpenditureInput;
import org.trustfund.expenditure.ExpenditureService;
import org.trustfund.travel.EventInput;
import org.trustfund.travel.EventType;
import org.trustfund.travel.Gender;
import org.trustfund.travel.TravelAsk;
import org.trustfund.travel.TravelEvent;
import org.trustfund.travel.TravelInput;
import org.trustfund.travel.TravelRequest;
import org.trustfund.travel.TravelService;
import org.trustfund.travel.Traveller;
import org.trustfund.travel.TravellerInput;
import org.trustfund.inkind.InKindCategory;
import org.trustfund.inkind.InKindContribution;
import org.trustfund.inkind.InKindInput;
import org.trustfund.inkind.InKindNature;
import org.trustfund.inkind.InKindService;
import org.trustfund.inkind.ValuationBasis;
import org.trustfund.intermediary.GiftInput;
import org.trustfund.intermediary.GiverKind;
import org.trustfund.intermediary.Intermediary;
import org.trustfund.intermediary.IntermediaryInput;
import org.trustfund.intermediary.IntermediaryService;
import org.trustfund.intermediary.IntermediaryTransfer;
import org.trustfund.intermediary.TransferInput;
import org.trustfund.money.Money;
import org.trustfund.pledge.Instalment;
import org.trustfund.pledge.Pledge;
import org.trustfund.pledge.PledgeInput;
import org.trustfund.pledge.PledgeService;
import org.trustfund.pledge.ScheduleLine;
import org.trustfund.reference.AcceptedCurrency;
import org.trustfund.reference.ExchangeRate;
import org.trustfund.reference.Fund;
import org.trustfund.security.Caller;
import org.trustfund.security.FirstStartSetup;
import org.trustfund.security.PasswordHasher;
import org.trustfund.security.Role;
import org.trustfund.security.Roles;
import org.trustfund.security.TemporaryPasswords;
import org.trustfund.security.UserAccount;
import org.trustfund.security.UserAccountRepository;

/**
 * In demo mode ({@code -Dtrustfund.demo=true}) and on an empty database, loads a small, clearly fictional
 * data set so the first screens are not empty: the IGF Trust Fund, some countries and currencies, two
 * years of operational rates, donors, pledges and certified contributions. Everything goes through the
 * same services and rules as real work (ledger postings included), recorded by {@code demo-finance} and
 * certified by {@code demo-certifier}. A DONOR user linked to the first donor is added to the first-start
 * credentials. Runs once: nothing happens if any fund exists.
 */
@Singleton
@Startup
@DependsOn("FirstStartSetup")
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());
    private static final String LABEL = " (fictional)";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private UserAccountRepository users;

    @Inject
    private PasswordHasher hasher;

    private record DemoCaller(String name, Set<String> roles) implements Caller {
        @Override
        public boolean isInRole(String role) {
            return roles.contains(role);
        }
    }

    @PostConstruct
    void load() {
        if (!Boolean.getBoolean(FirstStartSetup.DEMO_PROPERTY)
                || em.createQuery("SELECT COUNT(f) FROM Fund f", Long.class).getSingleResult() > 0) {
            return;
        }
        Instant now = Instant.now();
        Caller finance = new DemoCaller("demo-finance", Set.of(Roles.FINANCE_OFFICER));
        Caller certifier = new DemoCaller("demo-certifier", Set.of(Roles.CERTIFYING_OFFICER));

        for (String[] c : new String[][] {{"USD", "US Dollar"}, {"EUR", "Euro"}, {"CHF", "Swiss Franc"},
                {"GBP", "Pound Sterling"}, {"JPY", "Yen"}, {"SEK", "Swedish Krona"}, {"NOK", "Norwegian Krone"}}) {
            em.persist(new AcceptedCurrency(c[0], c[1]));
        }
        // Countries and their status histories come with the migrations (V14).
        em.flush();
        Fund igf = new Fund("IGF", "Internet Governance Forum Trust Fund" + LABEL, LocalDate.of(2006, 1, 1),
                Fund.DEFAULT_PSC_RATE, now, "demo-admin");
        em.persist(igf);
        loadRates(now);
        em.flush();

        DonorService donors = new DonorService(em, finance);
        // Written to in French: its letters show a donor's language of correspondence at work.
        Donor ministry = donors.create(new DonorDetails("Ministry of Digital Affairs of Examplia" + LABEL,
                StakeholderGroup.GOVERNMENT, "FI", "A. Example", "digital@examplia.invalid", true, "fr"));
        Donor registry = donors.create(new DonorDetails("Example Regional Internet Registry" + LABEL,
                StakeholderGroup.TECHNICAL_COMMUNITY, "DE", "B. Sample", "funding@registry.invalid", true, "en"));
        Donor corp = donors.create(new DonorDetails("Sample Telecom Group" + LABEL, StakeholderGroup.PRIVATE_SECTOR,
                "JP", null, null, true, "en"));
        Donor foundation = donors.create(new DonorDetails("Demo Giving Foundation" + LABEL, StakeholderGroup.FOUNDATION,
                "US", "C. Placeholder", "grants@foundation.invalid", false, "en"));
        donors.create(new DonorDetails("Civil Society Network of Nowhere" + LABEL, StakeholderGroup.CIVIL_SOCIETY,
                "KE", null, null, true, "en"));

        PledgeService pledges = new PledgeService(em, finance);
        ContributionService contributions = new ContributionService(em, finance);
        ContributionService certification = new ContributionService(em, certifier);
        int year = LocalDate.now().getYear() - 1;

        // A three-year euro pledge under a signed agreement, first instalment paid.
        Pledge p1 = pledges.create(new PledgeInput(ministry.getId(), igf.getId(), Money.of("300000.00", "EUR"),
                "Core budget of the IGF Secretariat", year, year + 2, LocalDate.of(year, 1, 15), List.of(
                line(year, 3, 31, "100000.00", "EUR"), line(year + 1, 3, 31, "100000.00", "EUR"),
                line(year + 2, 3, 31, "100000.00", "EUR"))));
        em.flush();
        pledges.signAgreement(p1.getId(), p1.getVersion(), LocalDate.of(year, 2, 1), "STFA/IGF/" + year + "/001");
        em.flush();
        pay(contributions, certification, p1, LocalDate.of(year, 4, 10), "100000.00", "EUR", "DEMO-BANK-0001", 0);

        // A Swiss franc pledge, agreement signed, nothing paid yet: overdue.
        Pledge p2 = pledges.create(new PledgeInput(registry.getId(), igf.getId(), Money.of("50000.00", "CHF"),
                "Fellowships for participants from developing countries", year, year, LocalDate.of(year, 5, 2),
                List.of(line(year, 9, 30, "25000.00", "CHF"), line(year, 12, 31, "25000.00", "CHF"))));
        em.flush();
        pledges.signAgreement(p2.getId(), p2.getVersion(), LocalDate.of(year, 6, 1), "STFA/IGF/" + year + "/014");

        // A US dollar pledge without an agreement yet (memo only).
        pledges.create(new PledgeInput(corp.getId(), igf.getId(), Money.of("75000.00", "USD"), "Annual meeting",
                year + 1, year + 1, LocalDate.of(year + 1, 2, 20), List.of(line(year + 1, 10, 31, "75000.00", "USD"))));

        // A contribution without a pledge, and one waiting for certification.
        Contribution loose = contributions.record(new ContributionInput(foundation.getId(), igf.getId(),
                LocalDate.of(year, 11, 5), Money.of("12500.00", "USD"), "DEMO-BANK-0002", Map.of()));
        em.flush();
        certification.certify(loose.getId(), loose.getVersion());
        contributions.record(new ContributionInput(foundation.getId(), igf.getId(), LocalDate.of(year + 1, 1, 8),
                Money.of("8000.00", "GBP"), "DEMO-BANK-0003", Map.of()));
        em.flush();

        loadInKindAndTransfers(igf, finance, certifier, year);
        loadTravelAndExpenditure(igf, finance, certifier, year);
        addDonorUser(ministry, now);
        LOG.info("Demo mode: fictional reference data, donors, pledges, contributions, in-kind support and"
                + " intermediary transfers, travel, expenditure and programme support costs loaded");
    }

    /**
     * The host country's venue (goods, recognized) and interpretation (services, disclosed), both certified; a
     * foundation passing on five gifts (one anonymous, one not to be named) net of 3 % fees, certified; and a
     * batch it reported but has not sent yet (pending).
     */
    private void loadInKindAndTransfers(Fund igf, Caller finance, Caller certifier, int year) {
        DonorService donors = new DonorService(em, finance);
        Donor host = donors.create(new DonorDetails("Government of Sampleland, host country" + LABEL,
                StakeholderGroup.GOVERNMENT, "BR", "Host country secretariat", "igf@sampleland.invalid", true, "en"));
        InKindService inKind = new InKindService(em, finance);
        InKindService inKindCertifier = new InKindService(em, certifier);
        InKindContribution venue = inKind.record(new InKindInput(host.getId(), igf.getId(), LocalDate.of(year, 11, 10),
                LocalDate.of(year, 11, 14), "Annual IGF meeting " + year, "Conference centre, meeting rooms and plenary hall"
                + " for five days", InKindCategory.VENUE_AND_PREMISES, InKindNature.GOODS, null,
                Money.of("150000.00", "EUR"), ValuationBasis.MARKET_RATE, "Host country agreement, annex C", null));
        InKindContribution interpretation = inKind.record(new InKindInput(host.getId(), igf.getId(),
                LocalDate.of(year, 11, 10), LocalDate.of(year, 11, 14), "Annual IGF meeting " + year,
                "Interpretation into the six UN languages in the main sessions", InKindCategory.INTERPRETATION_AND_TRANSLATION,
                InKindNature.SERVICES, null, Money.of("40000.00", "USD"), ValuationBasis.INVOICE, "Invoice SL-" + year + "-88",
                null));
        em.flush();
        inKindCertifier.certify(venue.getId(), venue.getVersion());
        inKindCertifier.certify(interpretation.getId(), interpretation.getVersion());

        IntermediaryService intermediaries = new IntermediaryService(em, finance);
        Intermediary foundation = intermediaries.register(new IntermediaryInput(null, new DonorDetails(
                "Demo Community Foundation" + LABEL, StakeholderGroup.FOUNDATION, "US", "Donor services",
                "donors@community-foundation.invalid", true, "en"), "3 % overhead plus card fees"), false);
        IntermediaryTransfer transfer = intermediaries.recordTransfer(new TransferInput(foundation.getId(), igf.getId(),
                "USD", new BigDecimal("5000.00"), new BigDecimal("150.00"), new BigDecimal("4850.00"),
                LocalDate.of(year, 12, 15), "DEMO-BANK-0004", "Statement " + year + "-Q4", List.of(
                        gift("Ada Example", GiverKind.PERSON, true, "1500.00", LocalDate.of(year, 10, 2)),
                        gift("Example Networks Inc.", GiverKind.COMPANY, true, "2000.00", LocalDate.of(year, 10, 20)),
                        gift(null, GiverKind.PERSON, false, "500.00", LocalDate.of(year, 11, 3)),
                        gift("Private Giver", GiverKind.PERSON, false, "250.00", LocalDate.of(year, 11, 9)),
                        gift("Example Family Foundation", GiverKind.FOUNDATION, true, "750.00", LocalDate.of(year, 11, 30))),
                null));
        em.flush();
        new IntermediaryService(em, certifier).certify(transfer.getId(), transfer.getVersion());
        intermediaries.recordTransfer(new TransferInput(foundation.getId(), igf.getId(), "USD", new BigDecimal("1200.00"),
                new BigDecimal("36.00"), null, null, null, "Statement " + (year + 1) + "-Q1", List.of(
                        gift("Sam Sample", GiverKind.PERSON, true, "700.00", LocalDate.of(year + 1, 1, 12)),
                        gift(null, GiverKind.PERSON, false, "500.00", LocalDate.of(year + 1, 1, 19))), null));
        em.flush();
    }

    /**
     * Last year's annual meeting with a MAG member from a least developed country paid and reported and a fellow paid
     * whose report is overdue; a request for next year's open consultations waiting for a certifying officer; other
     * expenditure, one certified and one waiting; and last year's programme support cost charged.
     */
    private void loadTravelAndExpenditure(Fund igf, Caller finance, Caller certifier, int year) {
        TravelService travel = new TravelService(em, finance);
        TravelService approver = new TravelService(em, certifier);
        TravelEvent annual = travel.createEvent(new EventInput("Annual IGF meeting " + year, EventType.ANNUAL_MEETING,
                "Rio de Janeiro", "BR", LocalDate.of(year, 11, 10), LocalDate.of(year, 11, 14)));
        TravelEvent consultations = travel.createEvent(new EventInput("Open consultations and MAG meeting " + (year + 2),
                EventType.OPEN_CONSULTATIONS_MAG, "Geneva", "CH", LocalDate.of(year + 2, 2, 10), LocalDate.of(year + 2, 2, 12)));
        travel.recordDsaRate("BR", "Rio de Janeiro", LocalDate.of(year, 10, 1), new BigDecimal("380.00"));
        travel.recordDsaRate("CH", "Geneva", LocalDate.of(year + 1, 6, 1), new BigDecimal("421.00"));
        long mag = travel.programmes().stream().filter(p -> p.getCode().equals("MAG_TRAVEL")).findFirst().orElseThrow().getId();
        long fellowship = travel.programmes().stream().filter(p -> p.getCode().equals("FELLOWSHIP")).findFirst()
                .orElseThrow().getId();
        travel.setBudget(mag, igf.getId(), year, new BigDecimal("60000.00"), null, 0);
        Traveller abebe = travel.createTraveller(new TravellerInput("Abebe Example" + LABEL, Gender.MALE, "ET", "ET",
                StakeholderGroup.CIVIL_SOCIETY, true, "abebe@example.invalid"));
        Traveller sita = travel.createTraveller(new TravellerInput("Sita Sample" + LABEL, Gender.FEMALE, "NP", "NP",
                StakeholderGroup.ACADEMIA, false, null));
        Traveller wanjiru = travel.createTraveller(new TravellerInput("Wanjiru Placeholder" + LABEL, Gender.FEMALE, "KE",
                "KE", StakeholderGroup.TECHNICAL_COMMUNITY, true, "wanjiru@example.invalid"));
        em.flush();
        for (Object[] trip : new Object[][] {{abebe, mag, "1650.00", true}, {sita, fellowship, "1420.00", false}}) {
            TravelRequest t = travel.request(new TravelInput(((Traveller) trip[0]).getId(), (Long) trip[1], annual.getId(),
                    igf.getId(), "Home – Rio de Janeiro – home", TravelAsk.BOTH, LocalDate.of(year, 8, 1),
                    LocalDate.of(year, 11, 9), LocalDate.of(year, 11, 15), "USD", new BigDecimal((String) trip[2]), null, null,
                    null, null, null, null, null, new BigDecimal("100.00"), null, null));
            em.flush();
            approver.approve(t.getId(), t.getVersion(), null);
            em.flush();
            travel.obligate(t.getId(), t.getVersion(), LocalDate.of(year, 9, 15), null);
            em.flush();
            travel.pay(t.getId(), t.getVersion(), LocalDate.of(year, 10, 20), "DEMO-PAY-" + t.getId(), null);
            em.flush();
            if ((Boolean) trip[3]) {
                travel.reportReceived(t.getId(), t.getVersion(), LocalDate.of(year, 11, 28));
                em.flush();
            }
        }
        travel.request(new TravelInput(wanjiru.getId(), mag, consultations.getId(), igf.getId(),
                "Nairobi – Geneva – Nairobi", TravelAsk.BOTH, LocalDate.now(), LocalDate.of(year + 2, 2, 9),
                LocalDate.of(year + 2, 2, 13), "USD", new BigDecimal("980.00"), null, null, null, null, null, null, null,
                new BigDecimal("100.00"), null, null));

        ExpenditureService expenditure = new ExpenditureService(em, finance);
        Expenditure webcast = expenditure.record(new ExpenditureInput(igf.getId(), ExpenditureCategory.CONTRACTUAL_SERVICES,
                LocalDate.of(year, 11, 20), Money.of("18000.00", "EUR"), "PO-" + year + "-031",
                "Webcasting and remote participation of the annual meeting", null));
        expenditure.record(new ExpenditureInput(igf.getId(), ExpenditureCategory.STAFF_AND_CONSULTANTS,
                LocalDate.of(year, 12, 1), Money.of("6500.00", "USD"), "SSA-" + year + "-007",
                "Consultant for the annual meeting's report", null));
        em.flush();
        new ExpenditureService(em, certifier).certify(webcast.getId(), webcast.getVersion());
        em.flush();
        new ExpenditureService(em, finance).runPsc(igf.getId(), year);
        em.flush();
    }

    /** A gift through the foundation; no name means anonymous. */
    private static GiftInput gift(String name, GiverKind kind, boolean named, String amount, LocalDate given) {
        return new GiftInput(name, kind, name == null, name != null && named, new BigDecimal(amount), given, null);
    }

    private void pay(ContributionService recorder, ContributionService certifier, Pledge pledge, LocalDate received,
            String amount, String currency, String bankReference, int instalmentIndex) {
        Instalment instalment = pledge.getInstalments().get(instalmentIndex);
        Map<Long, Money> applications = new LinkedHashMap<>();
        applications.put(instalment.getId(), Money.of(amount, currency));
        Contribution c = recorder.record(new ContributionInput(pledge.getDonor().getId(), pledge.getFund().getId(),
                received, Money.of(amount, currency), bankReference, applications));
        em.flush();
        certifier.certify(c.getId(), c.getVersion());
        em.flush();
    }

    /** Monthly operational rates from two years back, with a mid-month revision now and then. */
    private void loadRates(Instant now) {
        Map<String, BigDecimal> base = Map.of("EUR", new BigDecimal("0.920"), "CHF", new BigDecimal("0.880"),
                "GBP", new BigDecimal("0.790"), "JPY", new BigDecimal("149.50"), "SEK", new BigDecimal("10.45"),
                "NOK", new BigDecimal("10.70"));
        LocalDate first = LocalDate.now().withDayOfMonth(1).minusYears(2);
        for (Map.Entry<String, BigDecimal> e : base.entrySet()) {
            int month = 0;
            for (LocalDate d = first; !d.isAfter(LocalDate.now()); d = d.plusMonths(1), month++) {
                // A gentle, repeatable wobble of up to ±2%.
                BigDecimal factor = BigDecimal.ONE.add(new BigDecimal((month * 7 + e.getKey().charAt(0)) % 9 - 4)
                        .multiply(new BigDecimal("0.005")));
                em.persist(new ExchangeRate(e.getKey(), d, e.getValue().multiply(factor).setScale(6, RoundingMode.HALF_UP),
                        now, "demo-admin"));
                if (month % 5 == 2) {
                    em.persist(new ExchangeRate(e.getKey(), d.withDayOfMonth(15),
                            e.getValue().multiply(factor).multiply(new BigDecimal("1.01")).setScale(6, RoundingMode.HALF_UP),
                            now, "demo-admin"));
                }
            }
        }
    }

    private void addDonorUser(Donor donor, Instant now) {
        if (users.findByUsername("donor").isPresent()) {
            return;
        }
        String password = TemporaryPasswords.generate();
        UserAccount account = new UserAccount("donor", "Demo donor contact" + LABEL, hasher.hash(password.toCharArray()),
                EnumSet.of(Role.DONOR), false, now, "system");
        account.linkToDonor(donor.getId());
        users.add(account);
        String file = System.getProperty(FirstStartSetup.CREDENTIALS_FILE_PROPERTY);
        if (file != null && Files.exists(Path.of(file))) {
            try {
                Files.writeString(Path.of(file), String.format("%-10s %-19s %s%n", "donor", Role.DONOR, password),
                        StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            } catch (IOException ex) {
                throw new IllegalStateException("Cannot add the demo donor's password to " + file, ex);
            }
        }
    }

    private static ScheduleLine line(int year, int month, int day, String amount, String currency) {
        return new ScheduleLine(LocalDate.of(year, month, day), Money.of(amount, currency));
    }
}
