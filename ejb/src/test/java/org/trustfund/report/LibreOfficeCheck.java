package org.trustfund.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Has LibreOffice (headless) open a workbook, recalculate every formula and save it again, then compares each
 * formula's recalculated value with the value POI cached. An xlsx's formulas are not recalculated on load by default:
 * a profile of its own sets Calc's OOXML recalculation mode to "always". Skipped, saying why, when soffice is absent
 * and CI is not set; under CI its absence fails the test.
 */
final class LibreOfficeCheck {

    private static final String PROFILE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema"
                xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
            <item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
            <item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
            </oor:items>
            """;

    private LibreOfficeCheck() {
    }

    /** Converts all the workbooks in one LibreOffice run (its start takes most of the time) and checks each. */
    static void assertRecalculatesTheSame(byte[]... workbooks) throws IOException, InterruptedException {
        String soffice = Stream.of("/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice", "/usr/local/bin/soffice")
                .filter(p -> new File(p).canExecute()).findFirst().orElse(null);
        if (soffice == null) {
            assertTrue(System.getenv("CI") == null, "LibreOffice (soffice) is required under CI");
            assumeTrue(false, "soffice is not installed: the LibreOffice recalculation check is skipped");
        }
        Path dir = Files.createTempDirectory("lo-check");
        try {
            Path profile = dir.resolve("profile");
            Files.createDirectories(profile.resolve("user"));
            Files.writeString(profile.resolve("user/registrymodifications.xcu"), PROFILE, StandardCharsets.UTF_8);
            Path out = Files.createDirectories(dir.resolve("out"));
            java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(soffice,
                    "-env:UserInstallation=" + profile.toUri(), "--headless", "--norestore", "--convert-to",
                    "xlsx:Calc MS Excel 2007 XML", "--outdir", out.toString()));
            Path canary = dir.resolve("canary.xlsx");
            Files.write(canary, canary());
            command.add(canary.toString());
            for (int i = 0; i < workbooks.length; i++) {
                Path in = dir.resolve("report-" + i + ".xlsx");
                Files.write(in, workbooks[i]);
                command.add(in.toString());
            }
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("soffice.log").toFile()).start();
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "LibreOffice did not finish in 2 minutes");
            String log = Files.readString(dir.resolve("soffice.log"));
            assertEquals(0, p.exitValue(), log);
            assertRecalculated(out.resolve("canary.xlsx"));
            for (int i = 0; i < workbooks.length; i++) {
                Path converted = out.resolve("report-" + i + ".xlsx");
                assertTrue(Files.exists(converted), "LibreOffice did not convert workbook " + i + ": " + log);
                compare(workbooks[i], converted);
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private static void compare(byte[] xlsx, Path converted) throws IOException {
        int compared = 0;
        try (XSSFWorkbook original = new XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx));
                    InputStream recalculatedIn = Files.newInputStream(converted);
                    XSSFWorkbook recalculated = new XSSFWorkbook(recalculatedIn)) {
                for (Sheet sheet : original) {
                    Sheet other = recalculated.getSheet(sheet.getSheetName());
                    assertTrue(other != null, "sheet " + sheet.getSheetName() + " after LibreOffice");
                    for (Row row : sheet) {
                        for (Cell cell : row) {
                            if (cell.getCellType() != CellType.FORMULA) {
                                continue;
                            }
                            Cell again = other.getRow(row.getRowNum()).getCell(cell.getColumnIndex());
                            assertEquals(CellType.FORMULA, again.getCellType(), sheet.getSheetName() + "!" + cell.getAddress());
                            assertEquals(cell.getNumericCellValue(), again.getNumericCellValue(), 0.001,
                                    "LibreOffice recalculated " + sheet.getSheetName() + "!" + cell.getAddress() + " = "
                                            + cell.getCellFormula());
                            compared++;
                        }
                    }
                }
        }
        assertTrue(compared > 10, "formulas compared: " + compared);
    }

    /** A formula whose cached value is wrong on purpose: LibreOffice must correct it, or the check proves nothing. */
    private static byte[] canary() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            Cell cell = wb.createSheet("Canary").createRow(0).createCell(0);
            cell.setCellFormula("1+1");
            cell.setCellValue(3);
            wb.write(out);
            return out.toByteArray();
        }
    }

    private static void assertRecalculated(Path converted) throws IOException {
        try (InputStream in = Files.newInputStream(converted); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertEquals(2.0, wb.getSheet("Canary").getRow(0).getCell(0).getNumericCellValue(), 0.0,
                    "LibreOffice kept a wrong cached value: it did not recalculate on load");
        }
    }
}
