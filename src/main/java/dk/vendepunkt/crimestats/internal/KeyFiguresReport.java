package dk.vendepunkt.crimestats.internal;

import dk.vendepunkt.areas.Area;
import dk.vendepunkt.areas.AreaDirectory;
import dk.vendepunkt.reporting.Disclosure;
import dk.vendepunkt.reporting.DisclosurePolicy;
import dk.vendepunkt.reporting.Report;
import dk.vendepunkt.reporting.ReportMark;
import dk.vendepunkt.reporting.ReportSection;
import dk.vendepunkt.reporting.ReportSection.Column;
import dk.vendepunkt.reporting.SuppressedTable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The quarterly crime key figures for Økonomiudvalget (Sikker By 2010 §5.2, see docs/sources.md) as a report: reports by type
 * and by area against the same period last year, the top 25 cells, hotspots, charges of 0–25-year-olds
 * in three age groups and charges of under-18s by type. The public version (the one that is
 * published) withholds counts below the disclosure threshold:
 * <ul>
 * <li>each column (this period, last year) of the type table and of the area table is suppressed with
 * its total (the city total), so no withheld figure follows from the total; a bydel's subtotal is shown
 * only when all its districts are; a change in per cent only when both counts are shown;</li>
 * <li>top cells and hotspots: each count on its own;</li>
 * <li>charges: the table type × (under 15, 15–17) with its totals gives the under-18 table (row
 * totals) and the first two age groups (column totals), so the two tables are protected together;
 * 18–25 on its own; the 0–25 total only when all three groups are shown.</li>
 * </ul>
 */
@Component
public class KeyFiguresReport {

    public static final String KEY = "crime-key-figures";
    private static final Locale DA = Locale.forLanguageTag("da");

    private final RollupCrimeFigures figures;
    private final AreaDirectory areas;
    private final DisclosurePolicy policy;
    private final MessageSource messages;

    KeyFiguresReport(RollupCrimeFigures figures, AreaDirectory areas, DisclosurePolicy policy, MessageSource messages) {
        this.figures = figures;
        this.areas = areas;
        this.policy = policy;
        this.messages = messages;
    }

    String msg(String code, Object... args) {
        return messages.getMessage(code, args, DA);
    }

    String category(String name) {
        return msg("crime.category." + name);
    }

    static String period(LocalDate from, LocalDate to) {
        return Report.longDate(from) + " – " + Report.longDate(to);
    }

    public Report build(LocalDate from, LocalDate to, java.util.Set<OffenceCategory> hotspotCategories, Disclosure disclosure) {
        KeyFigures k = figures.keyFigures(from, to);
        Hotspots h = figures.hotspots(from, to, hotspotCategories);
        return build(k, h, disclosure);
    }

    public Report build(KeyFigures k, Hotspots h, Disclosure disclosure) {
        boolean pub = disclosure == Disclosure.PUBLIC;
        String note = pub ? msg("crime.report.suppressedNote", policy.threshold()) : msg("crime.report.internalNote");
        Report.Builder b = Report.builder(msg("crime.report.title"))
                .subtitle(msg("crime.report.subtitle", period(k.from(), k.to()), period(k.previousFrom(), k.previousTo())));
        b.text(msg("crime.report.intro"));

        // 1. reports by type
        int nc = k.byCategory().size();
        long[] cur = new long[nc];
        long[] prev = new long[nc];
        for (int i = 0; i < nc; i++) {
            cur[i] = k.byCategory().get(i).count();
            prev[i] = k.byCategory().get(i).previousCount();
        }
        SuppressedTable sc = policy.column(cur, disclosure);
        SuppressedTable sp = policy.column(prev, disclosure);
        var t1 = ReportSection.Table.builder(msg("crime.report.byCategory"), Column.text(msg("crime.col.category")),
                Column.integer(msg("crime.col.count")), Column.integer(msg("crime.col.previous")), Column.changePercent(msg("crime.col.change")));
        List<String> labels = new ArrayList<>();
        List<Double> curSeries = new ArrayList<>();
        List<Double> prevSeries = new ArrayList<>();
        for (int i = 0; i < nc; i++) {
            KeyFigures.CategoryCount c = k.byCategory().get(i);
            t1.row(category(c.category()), sc.cell(i, 0), sp.cell(i, 0), change(sc.suppressed(i, 0) || sp.suppressed(i, 0), c.changePct()));
            labels.add(category(c.category()));
            curSeries.add(sc.suppressed(i, 0) ? null : (double) cur[i]);
            prevSeries.add(sp.suppressed(i, 0) ? null : (double) prev[i]);
        }
        t1.totals(msg("crime.col.total"), sc.columnTotalCell(0), sp.columnTotalCell(0),
                change(sc.columnTotalSuppressed(0) || sp.columnTotalSuppressed(0), KeyFigures.changePct(sc.columnTotal(0), sp.columnTotal(0))));
        b.heading(msg("crime.report.byCategory")).add(t1.note(note).build());
        b.add(new ReportSection.Chart(msg("crime.report.byCategoryChart"), ReportSection.ChartType.BAR, labels,
                List.of(ReportSection.Series.of(msg("crime.col.count"), curSeries), ReportSection.Series.of(msg("crime.col.previous"), prevSeries)),
                msg("crime.col.reports"), false, null, null));

        // 2. reports by area
        Map<String, KeyFigures.AreaCount> byArea = new HashMap<>();
        for (KeyFigures.AreaCount a : k.byArea()) byArea.put(a.area(), a);
        List<String> districtCodes = new ArrayList<>();
        for (Area bydel : areas.bydele()) for (Area d : areas.districtsOf(bydel.code())) districtCodes.add(d.code());
        districtCodes.add(RollupCrimeFigures.UNKNOWN);
        long[] dc = new long[districtCodes.size()];
        long[] dp = new long[districtCodes.size()];
        Map<String, Integer> row = new HashMap<>();
        for (int i = 0; i < dc.length; i++) {
            KeyFigures.AreaCount a = byArea.get(districtCodes.get(i));
            dc[i] = a == null ? 0 : a.count();
            dp[i] = a == null ? 0 : a.previousCount();
            row.put(districtCodes.get(i), i);
        }
        SuppressedTable ac = policy.column(dc, disclosure);
        SuppressedTable ap = policy.column(dp, disclosure);
        var t2 = ReportSection.Table.builder(msg("crime.report.byArea"), Column.text(msg("crime.col.area")),
                Column.integer(msg("crime.col.count")), Column.integer(msg("crime.col.previous")), Column.changePercent(msg("crime.col.change")));
        for (Area bydel : areas.bydele()) {
            KeyFigures.AreaCount ba = byArea.get(bydel.code());
            boolean hideCur = false;
            boolean hidePrev = false;
            for (Area d : areas.districtsOf(bydel.code())) {
                hideCur |= ac.suppressed(row.get(d.code()), 0);
                hidePrev |= ap.suppressed(row.get(d.code()), 0);
            }
            t2.row(bydel.name() + " (" + bydel.code() + ")", hideCur ? ReportMark.SUPPRESSED : ba.count(), hidePrev ? ReportMark.SUPPRESSED : ba.previousCount(),
                    change(hideCur || hidePrev, KeyFigures.changePct(ba.count(), ba.previousCount())));
            for (Area d : areas.districtsOf(bydel.code())) {
                int i = row.get(d.code());
                t2.row("  " + d.name() + " (" + d.code() + ")", ac.cell(i, 0), ap.cell(i, 0),
                        change(ac.suppressed(i, 0) || ap.suppressed(i, 0), KeyFigures.changePct(dc[i], dp[i])));
            }
        }
        int u = row.get(RollupCrimeFigures.UNKNOWN);
        t2.row(msg("crime.area.unknown"), ac.cell(u, 0), ap.cell(u, 0), change(ac.suppressed(u, 0) || ap.suppressed(u, 0), KeyFigures.changePct(dc[u], dp[u])));
        t2.totals(msg("crime.col.total"), ac.columnTotalCell(0), ap.columnTotalCell(0),
                change(ac.columnTotalSuppressed(0) || ap.columnTotalSuppressed(0), KeyFigures.changePct(ac.columnTotal(0), ap.columnTotal(0))));
        b.heading(msg("crime.report.byArea")).add(t2.note(note).build());

        // 3. top 25 cells
        var t3 = ReportSection.Table.builder(msg("crime.report.topCells"), Column.integer(msg("crime.col.rank")), Column.text(msg("crime.col.cell")),
                Column.integer(msg("crime.col.count")));
        int rank = 0;
        for (KeyFigures.CellCount c : k.topCells()) {
            t3.row(++rank, c.cell(), count(c.count(), pub));
        }
        b.heading(msg("crime.report.topCells")).text(msg("crime.report.topCellsText")).add(t3.note(note).build());

        // 4. hotspots
        var t4 = ReportSection.Table.builder(msg("crime.report.hotspots"), Column.text(msg("crime.col.cell")), Column.integer(msg("crime.col.count")),
                Column.decimal(msg("crime.col.z")), Column.text(msg("crime.col.confidence")));
        int hot = 0;
        for (Hotspots.Cell c : h.cells()) {
            if (c.bin() <= 0) continue;
            hot++;
            t4.row(c.cell(), count(c.count(), pub), Math.round(c.z() * 100) / 100.0, msg("crime.bin." + c.bin()));
        }
        b.heading(msg("crime.report.hotspots"))
                .text(msg("crime.report.hotspotsText", String.join(", ", h.categories().stream().map(this::category).toList()), h.studyAreaCells()));
        if (hot == 0) b.text(msg("crime.report.noHotspots"));
        else b.add(t4.note(note).build());

        // 5. charges: type × (under 15, 15–17) protects the under-18 table and the first two groups together
        long[][] charges = figures.chargesByAgeAndCategory(k.from(), k.to());
        long[][] young = new long[OffenceCategory.values().length][2];
        long older = 0;
        for (int age = 0; age <= 25; age++) {
            for (OffenceCategory c : OffenceCategory.values()) {
                long v = charges[age][c.ordinal()];
                if (age < 15) young[c.ordinal()][0] += v;
                else if (age < 18) young[c.ordinal()][1] += v;
                else older += v;
            }
        }
        SuppressedTable sy = policy.apply(young, disclosure);
        boolean olderHidden = pub && policy.suppressCount(older);
        var t5 = ReportSection.Table.builder(msg("crime.report.chargesByAge"), Column.text(msg("crime.col.ageGroup")), Column.integer(msg("crime.col.charges")));
        t5.row(msg("crime.age.UNDER_15"), sy.columnTotalCell(0));
        t5.row(msg("crime.age.AGE_15_17"), sy.columnTotalCell(1));
        t5.row(msg("crime.age.AGE_18_25"), olderHidden ? ReportMark.SUPPRESSED : older);
        boolean totalHidden = sy.columnTotalSuppressed(0) || sy.columnTotalSuppressed(1) || olderHidden;
        t5.totals(msg("crime.col.total025"), totalHidden ? ReportMark.SUPPRESSED : sy.grandTotal() + older);
        b.heading(msg("crime.report.chargesByAge")).add(t5.note(note).build());

        var t6 = ReportSection.Table.builder(msg("crime.report.chargesUnder18"), Column.text(msg("crime.col.category")), Column.integer(msg("crime.col.charges")));
        for (OffenceCategory c : OffenceCategory.values()) t6.row(category(c.name()), sy.rowTotalCell(c.ordinal()));
        t6.totals(msg("crime.col.total"), sy.grandTotalCell());
        b.heading(msg("crime.report.chargesUnder18")).add(t6.note(note).build());
        return b.build();
    }

    private Object count(long n, boolean pub) {
        return pub && policy.suppressCount(n) ? ReportMark.SUPPRESSED : (Object) n;
    }

    /** A change in per cent as a fraction for a PERCENT column; "–" when a count behind it is withheld. */
    private static Object change(boolean hidden, Double pct) {
        if (hidden) return ReportMark.SUPPRESSED;
        return pct == null ? null : pct / 100.0;
    }
}
