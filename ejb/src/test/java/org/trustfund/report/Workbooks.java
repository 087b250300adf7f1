package org.trustfund.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.CellValue;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Reading a generated workbook back cell by cell, for the report tests. */
final class Workbooks {

    private Workbooks() {
    }

    static XSSFWorkbook open(byte[] bytes) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(bytes));
    }

    /** Every formula, evaluated by POI, gives the value the report cached in it. */
    static void assertEveryFormulaComputesItsCachedValue(XSSFWorkbook wb) {
        XSSFFormulaEvaluator evaluator = wb.getCreationHelper().createFormulaEvaluator();
        int formulas = 0;
        for (Sheet sheet : wb) {
            for (Row row : sheet) {
                for (Cell cell : row) {
                    if (cell.getCellType() == CellType.FORMULA) {
                        CellValue computed = evaluator.evaluate(cell);
                        assertEquals(cell.getNumericCellValue(), computed.getNumberValue(), 0.001,
                                sheet.getSheetName() + "!" + cell.getAddress() + " " + cell.getCellFormula());
                        formulas++;
                    }
                }
            }
        }
        assertTrue(formulas > 10, "formulas found: " + formulas);
    }

    /** Every difference on the Reconciliation sheet is 0.00, and debits equal credits. */
    static void assertReconciled(XSSFWorkbook wb, int atLeast) {
        Sheet sheet = wb.getSheet("Reconciliation");
        XSSFFormulaEvaluator evaluator = wb.getCreationHelper().createFormulaEvaluator();
        int rows = 0;
        for (Row row : sheet) {
            Cell diff = row.getCell(5);
            if (diff != null && diff.getCellType() == CellType.FORMULA) {
                assertEquals(0.0, evaluator.evaluate(diff).getNumberValue(), 0.0001, row.getCell(1).getStringCellValue());
                rows++;
            }
        }
        assertTrue(rows >= atLeast, "reconciliation rows: " + rows);
        assertEquals(0.0, valueRight(sheet, "Debits less credits (must be 0.00)", 2), 0.0001);
        assertTrue(valueRight(sheet, "Journals of the year read", 2) >= 0);
    }

    static double valueRight(Sheet sheet, String label, int column) {
        return valueRight(sheet, label, null, column);
    }

    static double valueRight(Sheet sheet, String label, String second, int column) {
        for (Row row : sheet) {
            Cell a = row.getCell(0);
            if (a != null && a.getCellType() == CellType.STRING && a.getStringCellValue().equals(label)
                    && (second == null || (row.getCell(1) != null && second.equals(row.getCell(1).toString())))) {
                Cell c = row.getCell(column);
                assertNotNull(c, sheet.getSheetName() + " / " + label + " column " + column);
                return c.getNumericCellValue();
            }
        }
        throw new AssertionError("No row " + label + " on " + sheet.getSheetName());
    }

    static Cell find(Sheet sheet, String text, int column) {
        for (Row row : sheet) {
            Cell c = row.getCell(column);
            if (c != null && c.getCellType() == CellType.STRING && c.getStringCellValue().equals(text)) {
                return c;
            }
        }
        return null;
    }
}
