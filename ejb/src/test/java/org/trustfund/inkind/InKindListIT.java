package org.trustfund.inkind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
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
import org.trustfund.approval.ApprovalRequest;
import org.trustfund.money.Money;
import org.trustfund.receipt.ReceiptStatus;
import org.trustfund.security.Roles;
import org.trustfund.testing.FixedCaller;
import org.trustfund.testing.FundFixture;
import org.trustfund.testing.TestDatabase;

/**
 * The in-kind list's figures on the real database: certified goods and services totalled apart (a reversed entry and
 * one awaiting certification in neither), filters applied in the database, and the export holding the same rows and
 * totals as the list.
 */
class InKindListIT {

    private static final FixedCaller FINANCE = FixedCaller.of("fiona", Roles.FINANCE_OFFICER);
    private static final FixedCaller CERTIFIER = FixedCaller.of("carl", Roles.CERTIFYING_OFFICER);

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
    void certifiedGoodsAndServicesAreTotalledApartAndTheExportMatchesTheList() throws IOException {
        certify(record(fx.donorId, InKindNature.GOODS, "1000.00", LocalDate.of(2026, 3, 1)));
        certify(record(fx.donorId, InKindNature.SERVICES, "500.00", LocalDate.of(2026, 3, 2)));
        long reversed = record(fx.donorId, InKindNature.GOODS, "300.00", LocalDate.of(2026, 3, 3));
        certify(reversed);
        long request = db.inTransaction(em -> new InKindService(em, FINANCE).requestReversal(reversed,
                em.find(InKindContribution.class, reversed).getVersion(), "Valued twice").getId());
        db.run(em -> new InKindService(em, CERTIFIER).approveReversal(request,
                em.find(ApprovalRequest.class, request).getVersion()));
        record(fx.donorId, InKindNature.GOODS, "77.00", LocalDate.of(2026, 3, 4));
        certify(record(fx.otherDonorId, InKindNature.GOODS, "9000.00", LocalDate.of(2026, 3, 5)));

        InKindQuery own = InKindQuery.all().withDonor(fx.donorId);
        Map<InKindNature, BigDecimal> totals = db.inTransaction(em -> new InKindService(em, FINANCE).certifiedUsd(own));
        assertEquals(new BigDecimal("1000.00"), totals.get(InKindNature.GOODS), "certified goods only: not reversed, not waiting");
        assertEquals(new BigDecimal("500.00"), totals.get(InKindNature.SERVICES));
        long listed = db.inTransaction(em -> new InKindService(em, FINANCE).count(own));
        assertEquals(4L, listed, "the list shows every status");
        InKindQuery waiting = new InKindQuery(fx.donorId, null, null, null, null, ReceiptStatus.RECORDED, null, null);
        List<InKindContribution> awaiting = db.inTransaction(em -> new InKindService(em, FINANCE).search(waiting, 0, 25));
        assertEquals(1, awaiting.size(), "only the entry awaiting certification");
        assertEquals(0, awaiting.get(0).getFairValue().amount().compareTo(new BigDecimal("77.00")));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        db.run(em -> {
            try {
                new InKindService(em, FINANCE).export(own, Locale.ENGLISH, out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            List<Double> ids = new ArrayList<>();
            double goods = -1;
            double services = -1;
            for (Row row : wb.getSheetAt(0)) {
                Cell first = row.getCell(0);
                if (first == null) {
                    continue;
                }
                if (first.getCellType() == CellType.NUMERIC) {
                    ids.add(first.getNumericCellValue());
                } else if (first.getStringCellValue().startsWith("Goods and premises certified")) {
                    goods = row.getCell(11).getNumericCellValue();
                } else if (first.getStringCellValue().startsWith("Services certified")) {
                    services = row.getCell(11).getNumericCellValue();
                }
            }
            assertEquals(4, ids.size(), "the list's rows, the other donor's left out: " + ids);
            assertTrue(ids.get(0) > ids.get(ids.size() - 1), "newest first, as the list");
            assertEquals(1000.0, goods, 0.001);
            assertEquals(500.0, services, 0.001);
        }
    }

    private long record(long donor, InKindNature nature, String usd, LocalDate on) {
        return db.inTransaction(em -> new InKindService(em, FINANCE).record(new InKindInput(donor, fx.fundId, on, null,
                null, nature + " given", nature == InKindNature.GOODS ? InKindCategory.EQUIPMENT_AND_CONNECTIVITY
                        : InKindCategory.STAFF_SECONDMENT, nature, null, Money.of(usd, "USD"), ValuationBasis.QUOTE, null,
                null)).getId());
    }

    private void certify(long id) {
        db.run(em -> new InKindService(em, CERTIFIER).certify(id, em.find(InKindContribution.class, id).getVersion()));
    }
}
