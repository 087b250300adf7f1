package org.trustfund.recognition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trustfund.contribution.Contribution;
import org.trustfund.contribution.ContributionInput;
import org.trustfund.contribution.ContributionService;
import org.trustfund.donor.DonorDetails;
import org.trustfund.donor.StakeholderGroup;
import org.trustfund.inkind.InKindCategory;
import org.trustfund.inkind.InKindContribution;
import org.trustfund.inkind.InKindInput;
import org.trustfund.inkind.InKindNature;
import org.trustfund.inkind.InKindService;
import org.trustfund.inkind.ValuationBasis;
import org.trustfund.intermediary.GiftInput;
import org.trustfund.intermediary.GiverKind;
import org.trustfund.intermediary.IntermediaryInput;
import org.trustfund.intermediary.IntermediaryService;
import org.trustfund.intermediary.IntermediaryTransfer;
import org.trustfund.intermediary.TransferInput;
import org.trustfund.money.Money;
import org.trustfund.platform.BusinessException;
import org.trustfund.recognition.Givers.Giver;
import org.trustfund.security.Roles;
import org.trustfund.testing.FixedCaller;
import org.trustfund.testing.FundFixture;
import org.trustfund.testing.TestDatabase;

/**
 * The givers' list on the real database: direct donors with their cash and in-kind support, the original givers of an
 * intermediary's transfer credited at their share of the gross while the fund's income stays the net, anonymous
 * givers and those who asked not to be named counted and never named, nothing pending or uncertified.
 */
class GiversListIT {

    private static final FixedCaller FINANCE = FixedCaller.of("fiona", Roles.FINANCE_OFFICER);
    private static final FixedCaller CERTIFIER = FixedCaller.of("carl", Roles.CERTIFYING_OFFICER);
    private static final String FORMULA_NAME = "=HYPERLINK(\"http://example.org\",\"Example Networks\")";

    private TestDatabase db;
    private FundFixture fx;

    @BeforeEach
    void database() {
        db = TestDatabase.migrated();
        fx = FundFixture.create(db);
    }

    @AfterEach
    void drop() {
        db.close();
    }

    @Test
    void everyGiverIsCountedOnceAndOnlyThoseWhoMayBeNamedAreNamed() throws IOException {
        certifyCash(fx.donorId, "1000.00");
        certifyCash(fx.otherDonorId, "500.00"); // a donor who asked not to be named
        db.run(em -> new ContributionService(em, FINANCE).record(new ContributionInput(fx.donorId, fx.fundId,
                LocalDate.of(2026, 5, 1), Money.of("777.00", "USD"), "NOT-CERTIFIED", Map.of())));
        long services = db.inTransaction(em -> new InKindService(em, FINANCE).record(new InKindInput(fx.donorId, fx.fundId,
                LocalDate.of(2026, 6, 1), null, "IGF 2026", "Interpretation", InKindCategory.INTERPRETATION_AND_TRANSLATION,
                InKindNature.SERVICES, null, Money.of("4000.00", "USD"), ValuationBasis.QUOTE, null, null)).getId());
        db.run(em -> new InKindService(em, CERTIFIER).certify(services,
                em.find(InKindContribution.class, services).getVersion()));

        long tides = db.inTransaction(em -> new IntermediaryService(em, FINANCE).register(new IntermediaryInput(null,
                new DonorDetails("Fictional Tides Foundation", StakeholderGroup.FOUNDATION, "US", null, null, true,
                        "en"),
                "3 % overhead plus card fees"), false).getId());
        long transfer = db.inTransaction(em -> new IntermediaryService(em, FINANCE).recordTransfer(new TransferInput(tides,
                fx.fundId, "EUR", new BigDecimal("10000.00"), new BigDecimal("300.00"), new BigDecimal("9700.00"),
                LocalDate.of(2026, 3, 10), "TIDES-2026-03", "Statement 2026-Q1", List.of(
                        gift("Ada Example", GiverKind.PERSON, false, true, "2500.00"),
                        gift(FORMULA_NAME, GiverKind.COMPANY, false, true, "4000.00"),
                        gift(null, GiverKind.PERSON, true, false, "1000.00"),
                        gift("Private Person", GiverKind.PERSON, false, false, "1500.00"),
                        gift("Example Family Foundation", GiverKind.FOUNDATION, false, true, "1000.00")), null)).getId());
        db.run(em -> new IntermediaryService(em, CERTIFIER).certify(transfer,
                em.find(IntermediaryTransfer.class, transfer).getVersion()));
        db.run(em -> new IntermediaryService(em, FINANCE).recordTransfer(new TransferInput(tides, fx.fundId, "USD",
                new BigDecimal("500.00"), new BigDecimal("15.00"), null, null, null, "Pending", List.of(
                        gift("Late Giver", GiverKind.PERSON, false, true, "500.00")), null)));

        Givers givers = db.inTransaction(em -> new GiversList(em).of(fx.fundId, 2026));
        assertEquals(List.of(FORMULA_NAME, "Ada Example", "Example Family Foundation", "Fictional Ministry of Digital Affairs"),
                givers.named().stream().map(Giver::name).toList(), "sorted by name; the channel itself gave nothing directly");
        assertEquals(3, givers.notNamedCount(), "the donor not to be named, the anonymous giver, the private person");
        assertEquals(7, givers.giverCount());
        assertEquals(new BigDecimal("1500.00"), givers.directCashUsd(), "certified cash only");
        assertEquals(new BigDecimal("4000.00"), givers.inKindUsd(), "services in kind are recognized in the list");
        assertEquals(new BigDecimal("11363.64"), givers.throughChannelsUsd(), "10,000 EUR gross at 0.88");
        Givers.Channel channel = givers.channels().get(0);
        assertEquals(new BigDecimal("11022.73"), channel.netUsd(), "the fund's income: the net");
        assertEquals(new BigDecimal("340.91"), channel.feesUsd());
        assertEquals(5, channel.givers());
        assertEquals(2, channel.notNamed());
        BigDecimal namedThrough = givers.named().stream().map(Giver::throughChannelUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(givers.throughChannelsUsd(), namedThrough.add(givers.notNamedUsd()).subtract(new BigDecimal("500.00")),
                "named and unnamed gifts make the gross, once (the 500.00 not named is the donor's direct cash)");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        db.run(em -> {
            try {
                new GiversList(em).export(fx.fundId, 2026, Locale.ENGLISH, out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            boolean formulaKeptAsText = false;
            for (Row row : wb.getSheetAt(0)) {
                for (Cell cell : row) {
                    assertFalse(cell.getCellType() == CellType.FORMULA, "no formula at " + cell.getAddress());
                    if (cell.getCellType() == CellType.STRING) {
                        String text = cell.getStringCellValue();
                        assertFalse(text.contains("Private Person") || text.contains("Late Giver"), text);
                        formulaKeptAsText |= text.equals(FORMULA_NAME);
                    }
                }
            }
            assertTrue(formulaKeptAsText, "the formula-like name is a text cell, as typed");
        }
    }

    @Test
    void aYearBeforeTheFundBeganIsRefused() {
        BusinessException e = assertThrows(BusinessException.class,
                () -> db.run(em -> new GiversList(em).of(fx.fundId, 2005)));
        assertEquals("givers.year.outside", e.messageKey());
    }

    private void certifyCash(long donor, String usd) {
        long id = db.inTransaction(em -> new ContributionService(em, FINANCE).record(new ContributionInput(donor, fx.fundId,
                LocalDate.of(2026, 4, 1), Money.of(usd, "USD"), "BANK-" + System.nanoTime(), Map.of())).getId());
        db.run(em -> new ContributionService(em, CERTIFIER).certify(id, em.find(Contribution.class, id).getVersion()));
    }

    private static GiftInput gift(String name, GiverKind kind, boolean anonymous, boolean named, String amount) {
        return new GiftInput(name, kind, anonymous, named, new BigDecimal(amount), LocalDate.of(2026, 2, 1), null);
    }
}
