package dk.vendepunkt.outcomes;

import dk.vendepunkt.support.TableAttacker;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import tools.jackson.databind.JsonNode;

/**
 * The effect table of one measure as an attacker reads it from each format: rows of [label, ended, eligible,
 * successes, rate, lower, upper, missing, not yet eligible] as shown ("–" withheld, "" or null not shown), the
 * total row last; then {@link #leaks} puts every figure and the table's identities into a {@link TableAttacker}:
 * per row ended = eligible + missing + not yet eligible, eligible = successes + failures (never shown),
 * successes / eligible = the shown rate; per column the cohorts sum to the total.
 */
final class EffectTableAttack {

    private EffectTableAttack() {}

    static final String WITHHELD = "–";

    /** From the API's JSON (the totals have no ended: not shown). Rates at full precision. */
    static List<String[]> fromJson(JsonNode report, String measure) {
        List<String[]> rows = new ArrayList<>();
        for (JsonNode c : report.get("cohorts")) rows.add(jsonRow(c.get("cohort").asString(), c.get("ended"), OutcomeTestData.measure(c.get("measures"), measure)));
        rows.add(jsonRow("total", null, OutcomeTestData.measure(report.get("measures"), measure)));
        return rows;
    }

    private static String[] jsonRow(String label, JsonNode ended, JsonNode m) {
        boolean s = m.get("suppressed").asBoolean();
        JsonNode ci = m.get("ci95");
        return new String[] {label, json(ended, false), json(m.get("eligible"), s), json(m.get("successes"), s), json(m.get("rate"), s),
                ci == null || ci.isNull() ? (s ? WITHHELD : null) : ci.get(0).asString(), ci == null || ci.isNull() ? (s ? WITHHELD : null) : ci.get(1).asString(),
                json(m.get("missing"), false), json(m.get("notYetEligible"), false)};
    }

    private static String json(JsonNode v, boolean suppressed) {
        if (v == null || v.isNull()) return suppressed ? WITHHELD : null;
        return v.asString();
    }

    private static final Pattern ROW = Pattern.compile("<tr[^>]*>(.*?)</tr>", Pattern.DOTALL);
    private static final Pattern CELL = Pattern.compile("<t[hd][^>]*>(.*?)</t[hd]>", Pattern.DOTALL);

    /** From the page's HTML: the body and total rows of the table captioned {@code caption}. */
    static List<String[]> fromHtml(String html, String caption) {
        int at = html.indexOf("<caption>" + caption + "</caption>");
        if (at < 0) throw new AssertionError("no table " + caption);
        String table = html.substring(html.indexOf("<tbody>", at), html.indexOf("</table>", at));
        List<String[]> rows = new ArrayList<>();
        Matcher tr = ROW.matcher(table);
        while (tr.find()) {
            List<String> cells = new ArrayList<>();
            Matcher td = CELL.matcher(tr.group(1));
            while (td.find()) cells.add(td.group(1).replaceAll("<[^>]+>", "").replace("&nbsp;", " ").replace("\u00a0", " ").strip());
            rows.add(cells.toArray(String[]::new));
        }
        return rows;
    }

    private static final Pattern FIGURE = Pattern.compile("–|\\d+(?:\\.\\d{3})*(?:,\\d+)?(?: %)?");

    /** From the PDF's text: the lines after the caption up to the total row ("I alt …"). */
    static List<String[]> fromPdf(byte[] pdf, String caption) {
        return fromPdf(pdf, caption, 9);
    }

    /** The rows of a table of {@code width} columns (label first, "I alt" last) under {@code caption} in the PDF's text. */
    static List<String[]> fromPdf(byte[] pdf, String caption, int width) {
        String text;
        try (var doc = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int at = text.indexOf(caption);
        if (at < 0) throw new AssertionError("no table " + caption + " in " + text);
        List<String[]> rows = new ArrayList<>();
        for (String line : text.substring(at + caption.length()).split("\\R")) {
            String l = line.strip();
            boolean total = l.startsWith("I alt");
            if (!total && !l.matches("\\d{4} .*")) continue;
            List<String> cells = new ArrayList<>();
            cells.add(total ? "I alt" : l.substring(0, 4));
            Matcher m = FIGURE.matcher(total ? l.substring(5) : l.substring(4));
            while (m.find()) cells.add(m.group());
            if (cells.size() != width) throw new AssertionError("cannot read the row \"" + l + "\"");
            rows.add(cells.toArray(String[]::new));
            if (total) return rows;
        }
        throw new AssertionError("no total row after " + caption);
    }

    /** From the Excel sheet: the rows under the caption and its header row, up to the first empty row. */
    static List<String[]> fromXlsx(byte[] xlsx, String caption) {
        return fromXlsx(xlsx, caption, 9);
    }

    /** The rows of a table of {@code width} columns under {@code caption} and its header row in the Excel sheet. */
    static List<String[]> fromXlsx(byte[] xlsx, String caption, int width) {
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = wb.getSheetAt(0);
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null || row.getCell(0) == null || !caption.equals(row.getCell(0).toString())) continue;
                List<String[]> rows = new ArrayList<>();
                for (int i = r + 2; i <= sheet.getLastRowNum() && sheet.getRow(i) != null && sheet.getRow(i).getCell(1) != null; i++) {
                    String[] cells = new String[width];
                    for (int j = 0; j < width; j++) cells[j] = xlsx(sheet.getRow(i).getCell(j));
                    rows.add(cells);
                }
                return rows;
            }
            throw new AssertionError("no table " + caption);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String xlsx(Cell c) {
        if (c == null) return null;
        if (c.getCellType() == CellType.NUMERIC) {
            double v = c.getNumericCellValue();
            return v == Math.rint(v) && !c.getCellStyle().getDataFormatString().contains("%") ? Long.toString((long) v) : Double.toString(v);
        }
        return c.getStringCellValue();
    }

    /** What the attacker recovers from the rows (the last row the total). */
    static List<String> leaks(List<String[]> rows, int threshold) {
        TableAttacker a = new TableAttacker(threshold);
        int n = rows.size();
        int[][] id = new int[n][6]; // ended, eligible, successes, failures, missing, not yet eligible
        for (int r = 0; r < n; r++) {
            String[] row = rows.get(r);
            String label = row[0] + " ";
            id[r][0] = cell(a, label + "ended", row[1]);
            id[r][1] = cell(a, label + "eligible", row[2]);
            id[r][2] = cell(a, label + "successes", row[3]);
            id[r][3] = a.unpublished(label + "failures");
            id[r][4] = cell(a, label + "missing", row[7]);
            id[r][5] = cell(a, label + "not yet eligible", row[8]);
            a.sum(id[r][0], id[r][1], id[r][4], id[r][5]);
            a.sum(id[r][1], id[r][2], id[r][3]);
            if (row[4] != null && !row[4].isEmpty() && !row[4].equals(WITHHELD)) {
                double[] rate = rate(row[4]);
                a.ratio(id[r][2], id[r][1], rate[0], rate[1]);
            }
        }
        for (int k = 0; k < 6; k++) {
            int[] parts = new int[n - 1];
            for (int r = 0; r < n - 1; r++) parts[r] = id[r][k];
            a.sum(id[n - 1][k], parts);
        }
        return a.leaks();
    }

    private static int cell(TableAttacker a, String name, String text) {
        if (text == null || text.isEmpty()) return a.unpublished(name);
        if (text.equals(WITHHELD)) return a.withheld(name);
        return a.shown(name, Long.parseLong(text.replace(".", "")));
    }

    /** "83,6 %" is 0.8355 … 0.8365; a plain number is the rate itself. */
    private static double[] rate(String text) {
        if (text.endsWith("%")) {
            double v = Double.parseDouble(text.replace("%", "").strip().replace(".", "").replace(',', '.')) / 100;
            return new double[] {v - 0.0005, v + 0.0005};
        }
        double v = Double.parseDouble(text);
        return new double[] {v - 1e-9, v + 1e-9};
    }
}
