package dk.vendepunkt.safetyindex.internal;

import dk.vendepunkt.areas.Area;
import dk.vendepunkt.reporting.Disclosure;
import dk.vendepunkt.reporting.DisclosurePolicy;
import dk.vendepunkt.reporting.Report;
import dk.vendepunkt.reporting.ReportMark;
import dk.vendepunkt.reporting.ReportSection;
import dk.vendepunkt.reporting.ReportSection.Column;
import dk.vendepunkt.reporting.ReportSection.Fact;
import dk.vendepunkt.reporting.SuppressedTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The module's two reports in the report framework: the yearly Tryghedsindeks (index per district
 * and the goals) and the half-yearly m("safety.unrest.title") per bydel (Tryghedsindeks
 * result, city-wide charges of 12–17-year-olds, SSP single cases and the SSP leaders' assessment).
 * Counts that derive from persons (charges, SSP single cases) pass disclosure control in the public
 * version. Texts are Danish (the reports are for the municipality's committees), from the message bundle
 * {@code i18n/safetyindex} ({@code safety.report.*}, {@code safety.category.*}).
 */
@Component
public class SafetyIndexReports {

    public static final String INDEX_KEY = "tryghedsindeks";
    public static final String UNREST_KEY = "urolige-omraader";
    static final int MIN_AGE = 12;
    static final int MAX_AGE = 17;

    private final SafetyIndexService service;
    private final SspStore ssp;
    private final PoliceFigures police;
    private final DisclosurePolicy disclosure;
    private final MessageSource messages;

    private static final Locale DA = Locale.of("da");

    SafetyIndexReports(SafetyIndexService service, SspStore ssp, PoliceFigures police, DisclosurePolicy disclosure,
                       MessageSource messages) {
        this.messages = messages;
        this.service = service;
        this.ssp = ssp;
        this.police = police;
        this.disclosure = disclosure;
    }

    /** A report text (Danish); numbers are passed as text, so a year stays "2024". */
    private String m(String code, Object... args) {
        return messages.getMessage(code, args, DA);
    }

    private String categoryText(Category c) {
        return c == null ? "" : m("safety.category." + c.name());
    }

    // ------------------------------------------------------------------ the yearly index

    public Report indexReport(int year, Integer baselineYear) {
        var y = service.index(year);
        var props = service.properties();
        var b = Report.builder(m("safety.report.title", String.valueOf(year))).subtitle(m("safety.report.subtitle"));
        b.text(m("safety.report.method", String.valueOf(props.minimumRespondents())));
        b.add(new ReportSection.Facts(List.of(
                new Fact(m("safety.report.respondents"), String.valueOf(y.cityRespondents())),
                new Fact(m("safety.report.need.MARKANT"), String.valueOf(y.count(Category.MARKANT))),
                new Fact(m("safety.report.need.INTENSIVERET"), String.valueOf(y.count(Category.INTENSIVERET))),
                new Fact(m("safety.report.need.ORDINAER"), String.valueOf(y.count(Category.ORDINAER))),
                new Fact(m("safety.report.need.REDUCERET"), String.valueOf(y.count(Category.REDUCERET))),
                new Fact(m("safety.report.need.MINIMAL"), String.valueOf(y.count(Category.MINIMAL))),
                new Fact(m("safety.report.need.INSUFFICIENT_DATA"), String.valueOf(y.count(Category.INSUFFICIENT_DATA))))));
        b.heading(m("safety.report.perDistrict"));
        b.add(districtTable(m("safety.report.districtCaption", String.valueOf(year)), y.districts(), true, y));
        trend(b, year);
        if (baselineYear != null && baselineYear < year) {
            goalSections(b, baselineYear, year);
        }
        return b.build();
    }

    private ReportSection.Table districtTable(String caption, List<SafetyIndexService.DistrictIndex> rows, boolean withBydel,
                                              SafetyIndexService.YearIndex cityFrom) {
        List<Column> cols = new ArrayList<>();
        if (withBydel) cols.add(Column.text(m("safety.col.bydel")));
        cols.addAll(List.of(Column.text(m("safety.col.district")), Column.integer(m("safety.col.respondents")), Column.decimal1(m("safety.col.index")), Column.text(m("safety.col.category")),
                Column.change(m("safety.col.change")), Column.percent(m("safety.col.feelsUnsafe")), Column.percent(m("safety.col.victimised")),
                Column.percent(m("safety.col.crimeBigProblem")), Column.decimal1(m("safety.report.reportsPer1000"))));
        List<List<Object>> data = new ArrayList<>();
        for (var d : rows) {
            List<Object> r = new ArrayList<>();
            if (withBydel) r.add(d.bydelName());
            boolean tooFew = d.category() == Category.INSUFFICIENT_DATA;
            r.addAll(java.util.Arrays.asList(d.name() + " (" + d.area() + ")", d.respondents(), d.index(), categoryText(d.category()), d.change(),
                    tooFew ? ReportMark.SUPPRESSED : d.components().feelsUnsafe(), tooFew ? ReportMark.SUPPRESSED : d.components().victimised(),
                    tooFew ? ReportMark.SUPPRESSED : d.components().crimeBigProblem(), d.components().reportsPer1000()));
            data.add(r);
        }
        List<Object> totals = null;
        if (cityFrom != null) {
            totals = new ArrayList<>();
            if (withBydel) totals.add(m("safety.city"));
            totals.addAll(java.util.Arrays.asList(withBydel ? "" : m("safety.city"), cityFrom.cityRespondents(), 100.0, "", null,
                    cityFrom.city().feelsUnsafe(), cityFrom.city().victimised(), cityFrom.city().crimeBigProblem(),
                    cityFrom.city().reportsPer1000()));
        }
        return new ReportSection.Table(caption, cols, data, totals,
                m("safety.report.cutPoints", fmt(service.properties().cutPoints().markant()), fmt(service.properties().cutPoints().intensiveret()),
                        fmt(service.properties().cutPoints().ordinaer()), fmt(service.properties().cutPoints().reduceret())));
    }

    /** Districts with MARKANT and INTENSIVERET need in each survey year up to the report's year. */
    private void trend(Report.Builder b, int year) {
        List<Integer> years = service.years().stream().filter(y -> y <= year).sorted().toList();
        if (years.size() < 2) return;
        List<String> labels = new ArrayList<>();
        List<Double> markant = new ArrayList<>();
        List<Double> intensiveret = new ArrayList<>();
        for (int y : years) {
            var statuses = service.compute(y).areas();
            labels.add(String.valueOf(y));
            markant.add((double) statuses.stream().filter(a -> a.category() == Category.MARKANT).count());
            intensiveret.add((double) statuses.stream().filter(a -> a.category() == Category.INTENSIVERET).count());
        }
        b.heading(m("safety.report.trend"));
        b.add(new ReportSection.Chart(m("safety.report.trend.caption"), ReportSection.ChartType.BAR, labels,
                List.of(ReportSection.Series.of(m("safety.category.MARKANT"), markant), ReportSection.Series.of(m("safety.category.INTENSIVERET"), intensiveret)),
                m("safety.report.trend.axis"), false, null, null));
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d).replace('.', ',');
    }

    private void goalSections(Report.Builder b, int baselineYear, int year) {
        var g3 = service.effectGoal3(baselineYear, year);
        b.heading(m("safety.report.goal3", String.valueOf(baselineYear)));
        b.text(m("safety.report.goal3.text", String.valueOf(g3.reached()), String.valueOf(g3.total())));
        var t = ReportSection.Table.builder(m("safety.report.goal3.caption", String.valueOf(baselineYear), String.valueOf(year)),
                Column.text(m("safety.col.district")), Column.decimal1(m("safety.report.indexOf", String.valueOf(baselineYear))), Column.decimal1(m("safety.report.indexOf", String.valueOf(year))),
                Column.text(m("safety.report.categoryOf", String.valueOf(year))), Column.text(m("safety.report.reached")));
        for (var d : g3.districts()) {
            t.row(service.name(d.area()) + " (" + d.area() + ")", d.baselineIndex(), d.index(), categoryText(d.category()), d.reached() ? m("safety.yes") : m("safety.no"));
        }
        b.add(t.build());
        var h = service.halving(baselineYear, year);
        b.heading(m("safety.report.halving"));
        b.add(new ReportSection.Facts(List.of(
                new Fact(m("safety.report.countIn", String.valueOf(baselineYear)), String.valueOf(h.baselineCount())),
                new Fact(m("safety.report.countIn", String.valueOf(year)), String.valueOf(h.count())),
                new Fact(m("safety.report.halving.target"), String.valueOf(h.target())),
                new Fact(m("safety.halving.status"), h.onTrack() ? m("safety.halving.onTrack") : m("safety.halving.notOnTrack")))));
    }

    // ------------------------------------------------------------------ the half-yearly urolige områder

    /** The overview table: per bydel its districts, those in high need, and SSP single cases this and the previous half-year. */
    private SuppressedTable bydelOverview(Report.Builder b, HalfYear h, Disclosure d, List<Area> bydele, Map<String, SspStore.Entry> now,
                               Map<String, SspStore.Entry> before, Optional<Integer> indexYear, SafetyIndexService.YearIndex index) {
        // SSP single cases per bydel, this and the previous half-year
        long[][] cells = new long[bydele.size()][2];
        for (int i = 0; i < bydele.size(); i++) {
            cells[i][0] = value(now.get(bydele.get(i).code()));
            cells[i][1] = value(before.get(bydele.get(i).code()));
        }
        SuppressedTable sspTable = disclosure.apply(cells, d);
        var overview = ReportSection.Table.builder(m("safety.report.unrest.caption", indexYear.map(String::valueOf).orElse("–")),
                Column.text(m("safety.col.bydel")), Column.integer(m("safety.report.unrest.districts")), Column.integer(m("safety.report.unrest.highNeed")),
                Column.integer(m("safety.report.unrest.cases", h.label())), Column.integer(m("safety.report.unrest.cases", h.previous().label())));
        for (int i = 0; i < bydele.size(); i++) {
            Area by = bydele.get(i);
            List<SafetyIndexService.DistrictIndex> ds = districtsOf(index, by.code());
            overview.row(by.name(), (long) service.districtsOf(by.code()).size(),
                    index == null ? null : ds.stream().filter(x -> x.category().highNeed()).count(),
                    sspCell(sspTable, i, 0, now.get(by.code())), sspCell(sspTable, i, 1, before.get(by.code())));
        }
        overview.totals(m("safety.city"), (long) bydele.stream().mapToInt(by -> service.districtsOf(by.code()).size()).sum(),
                index == null ? null : index.districts().stream().filter(x -> x.category().highNeed()).count(),
                sspTable.columnTotalCell(0), sspTable.columnTotalCell(1));
        overview.note(m("safety.report.unrest.note")
                + (d == Disclosure.PUBLIC ? m("safety.report.unrest.suppressed", String.valueOf(disclosure.threshold())) : ""));
        b.add(overview.build());
        return sspTable;
    }

    /** The Tryghedsindeks year the half-year's report shows: the newest survey year not after the half-year's year. */
    Optional<Integer> indexYearFor(HalfYear h) {
        return service.years().stream().filter(y -> y <= h.year()).findFirst();
    }

    public Report unrestReport(HalfYear h, Disclosure d) {
        List<Area> bydele = service.bydele();
        Map<String, SspStore.Entry> now = ssp.entries(h);
        Map<String, SspStore.Entry> before = ssp.entries(h.previous());
        Optional<Integer> indexYear = indexYearFor(h);
        SafetyIndexService.YearIndex index = indexYear.map(service::index).orElse(null);

        var b = Report.builder(m("safety.unrest.title")).subtitle(h.label() + " (" + Report.longDate(h.from()) + " – " + Report.longDate(h.to()) + ")");
        b.text(m("safety.report.unrest.intro")
                + (d == Disclosure.PUBLIC ? m("safety.report.unrest.intro.public", String.valueOf(disclosure.threshold()))
                : m("safety.report.unrest.intro.internal")));

        b.heading(m("safety.report.unrest.overview"));
        SuppressedTable sspTable = null;
        if (bydele.isEmpty()) {
            b.text(m("safety.report.unrest.noBydele"));
        } else {
            sspTable = bydelOverview(b, h, d, bydele, now, before, indexYear, index);
        }

        // charges of 12–17-year-olds: city-wide, the charge data have no location
        long charges = police.charges(h.from(), h.to(), MIN_AGE, MAX_AGE);
        HalfYear ly = h.yearEarlier();
        long chargesBefore = police.charges(ly.from(), ly.to(), MIN_AGE, MAX_AGE);
        b.heading(m("safety.report.charges.heading"));
        Object c0 = count(charges, d);
        Object c1 = count(chargesBefore, d);
        Double change = chargesBefore == 0 || c0 == ReportMark.SUPPRESSED || c1 == ReportMark.SUPPRESSED ? null
                : (charges - chargesBefore) * 1.0 / chargesBefore;
        b.add(ReportSection.Table.builder(m("safety.report.charges.caption"), Column.text(m("safety.report.charges.ageGroup")), Column.integer(h.label()),
                        Column.integer(ly.label()), Column.changePercent(m("safety.report.charges.change")))
                .row(m("safety.report.charges.ages"), c0, c1, change)
                .note(m("safety.report.charges.note"))
                .build());

        // per bydel
        for (int i = 0; i < bydele.size(); i++) {
            Area by = bydele.get(i);
            b.heading(by.name());
            List<SafetyIndexService.DistrictIndex> ds = districtsOf(index, by.code());
            if (index == null) {
                b.text(m("safety.report.unrest.noIndex", String.valueOf(h.year())));
            } else {
                b.add(districtTable(m("safety.report.unrest.bydelCaption", String.valueOf(indexYear.get()), by.name()), ds, false, null));
            }
            SspStore.Entry e = now.get(by.code());
            b.add(new ReportSection.Facts(List.of(
                    new Fact(m("safety.report.unrest.handled", h.label()), factText(sspCell(sspTable, i, 0, e))),
                    new Fact(m("safety.report.unrest.handled", h.previous().label()), factText(sspCell(sspTable, i, 1, before.get(by.code())))))));
            b.subheading(m("safety.report.unrest.assessment"));
            b.text(e == null || e.assessment() == null || e.assessment().isBlank() ? m("safety.report.unrest.noAssessment") : e.assessment());
        }
        return b.build();
    }

    private static List<SafetyIndexService.DistrictIndex> districtsOf(SafetyIndexService.YearIndex index, String bydel) {
        return index == null ? List.of() : index.districts().stream().filter(x -> bydel.equals(x.bydel())).toList();
    }

    private static long value(SspStore.Entry e) {
        return e == null || e.singleCases() == null ? 0 : e.singleCases();
    }

    private Object sspCell(SuppressedTable t, int row, int col, SspStore.Entry e) {
        if (e == null || e.singleCases() == null) return m("safety.report.notReported");
        return t.cell(row, col);
    }

    private String factText(Object cell) {
        return cell == ReportMark.SUPPRESSED ? m("safety.report.suppressedFact") : String.valueOf(cell);
    }

    private Object count(long n, Disclosure d) {
        return d == Disclosure.PUBLIC && disclosure.suppressCount(n) ? ReportMark.SUPPRESSED : (Object) n;
    }
}
