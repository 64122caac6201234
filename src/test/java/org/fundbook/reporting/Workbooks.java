package org.fundbook.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.fundbook.support.Api;

/** Asks for a report as XLSX and reads the workbook back with POI, as a spreadsheet program would. */
final class Workbooks {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private Workbooks() {
    }

    static Workbook get(Api api, String path) {
        HttpResponse<byte[]> response = api.header("Accept", XLSX).getBytes(path);
        assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith(XLSX);
        try {
            return new XSSFWorkbook(new ByteArrayInputStream(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A sheet's header row: each column's name and its index. */
    static Map<String, Integer> header(Sheet sheet) {
        Map<String, Integer> columns = new HashMap<>();
        for (Cell cell : sheet.getRow(0)) {
            assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
            assertThat(sheet.getWorkbook().getFontAt(cell.getCellStyle().getFontIndex()).getBold()).isTrue();
            columns.put(cell.getStringCellValue(), cell.getColumnIndex());
        }
        return columns;
    }

    static List<String> headerNames(Sheet sheet) {
        List<String> names = new ArrayList<>();
        sheet.getRow(0).forEach(cell -> names.add(cell.getStringCellValue()));
        return names;
    }

    /** The cell holds the JSON's whole riel (or count) as a number, with no decimals shown. */
    static void assertMoney(Row row, Map<String, Integer> columns, String column, JsonNode json) {
        Cell cell = row.getCell(columns.get(column));
        assertThat(cell.getCellType()).as(column).isEqualTo(CellType.NUMERIC);
        assertThat((long) cell.getNumericCellValue()).as(column).isEqualTo(json.get(column).asLong());
        assertThat(cell.getNumericCellValue()).as(column).isEqualTo((double) json.get(column).asLong());
        assertThat(cell.getCellStyle().getDataFormatString()).as(column).isIn("#,##0", "0");
    }

    /** The cell holds the JSON's ratio as a number, shown as a percentage. */
    static void assertRatio(Row row, Map<String, Integer> columns, String column, JsonNode json) {
        Cell cell = row.getCell(columns.get(column));
        assertThat(cell.getCellType()).as(column).isEqualTo(CellType.NUMERIC);
        assertThat(cell.getNumericCellValue()).as(column).isEqualTo(json.get(column).decimalValue().doubleValue());
        assertThat(cell.getCellStyle().getDataFormatString()).as(column).isEqualTo("0.00%");
    }

    static void assertText(Row row, Map<String, Integer> columns, String column, String expected) {
        Cell cell = row.getCell(columns.get(column));
        assertThat(cell.getCellType()).as(column).isEqualTo(CellType.STRING);
        assertThat(cell.getStringCellValue()).as(column).isEqualTo(expected);
    }
}
