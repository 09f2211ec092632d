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
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The module's two reports in the report framework: the yearly Tryghedsindeks (index per district
 * and the goals) and the half-yearly "Afrapportering af urolige områder" per bydel (Tryghedsindeks
 * result, city-wide charges of 12–17-year-olds, SSP single cases and the SSP leaders' assessment).
 * Counts that derive from persons (charges, SSP single cases) pass disclosure control in the public
 * version. Texts are Danish: the reports are for the municipality's committees.
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

    SafetyIndexReports(SafetyIndexService service, SspStore ssp, PoliceFigures police, DisclosurePolicy disclosure) {
        this.service = service;
        this.ssp = ssp;
        this.police = police;
        this.disclosure = disclosure;
    }

    static String categoryText(Category c) {
        return c == null ? "" : switch (c) {
            case MARKANT -> "Markant";
            case INTENSIVERET -> "Intensiveret";
            case ORDINAER -> "Ordinær";
            case REDUCERET -> "Reduceret";
            case MINIMAL -> "Minimal";
            case INSUFFICIENT_DATA -> "For få svar";
        };
    }

    // ------------------------------------------------------------------ the yearly index

    public Report indexReport(int year, Integer baselineYear) {
        var y = service.index(year);
        var props = service.properties();
        var b = Report.builder("Tryghedsindeks " + year).subtitle("Behov for tryghedsskabende indsats pr. distrikt");
        b.text("Indekset er beregnet ud fra spørgeskemaundersøgelsen (andel, der føler sig utrygge, har været udsat for kriminalitet "
                + "og oplever kriminalitet som et stort problem i nabolaget, vægtet) og politiets anmeldelser af borgerrettet kriminalitet "
                + "pr. 1000 indbyggere. Hver komponent er distriktets værdi i forhold til hele byen (100 = byens niveau); indekset er "
                + "det vægtede gennemsnit. Distrikter med under " + props.minimumRespondents() + " respondenter får intet indeks.");
        b.add(new ReportSection.Facts(List.of(
                new Fact("Respondenter i alt", String.valueOf(y.cityRespondents())),
                new Fact("Markant behov", String.valueOf(y.count(Category.MARKANT))),
                new Fact("Intensiveret behov", String.valueOf(y.count(Category.INTENSIVERET))),
                new Fact("Ordinært behov", String.valueOf(y.count(Category.ORDINAER))),
                new Fact("Reduceret behov", String.valueOf(y.count(Category.REDUCERET))),
                new Fact("Minimalt behov", String.valueOf(y.count(Category.MINIMAL))),
                new Fact("For få respondenter", String.valueOf(y.count(Category.INSUFFICIENT_DATA))))));
        b.heading("Indeks pr. distrikt");
        b.add(districtTable("Tryghedsindeks " + year + " pr. distrikt", y.districts(), true, y));
        trend(b, year);
        if (baselineYear != null && baselineYear < year) {
            goalSections(b, baselineYear, year);
        }
        return b.build();
    }

    private ReportSection.Table districtTable(String caption, List<SafetyIndexService.DistrictIndex> rows, boolean withBydel,
                                              SafetyIndexService.YearIndex cityFrom) {
        List<Column> cols = new ArrayList<>();
        if (withBydel) cols.add(Column.text("Bydel"));
        cols.addAll(List.of(Column.text("Distrikt"), Column.integer("Respondenter"), Column.decimal("Indeks"), Column.text("Kategori"),
                Column.decimal("Ændring siden sidste år"), Column.percent("Føler sig utryg"), Column.percent("Udsat for kriminalitet"),
                Column.percent("Kriminalitet et stort problem"), Column.decimal("Anmeldelser pr. 1000")));
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
            if (withBydel) totals.add("Hele byen");
            totals.addAll(java.util.Arrays.asList(withBydel ? "" : "Hele byen", cityFrom.cityRespondents(), 100.0, "", null,
                    cityFrom.city().feelsUnsafe(), cityFrom.city().victimised(), cityFrom.city().crimeBigProblem(),
                    cityFrom.city().reportsPer1000()));
        }
        return new ReportSection.Table(caption, cols, data, totals,
                "Indeks 100 = byens niveau. Kategorier: markant ≥ " + fmt(service.properties().cutPoints().markant())
                        + ", intensiveret ≥ " + fmt(service.properties().cutPoints().intensiveret())
                        + ", ordinær ≥ " + fmt(service.properties().cutPoints().ordinaer())
                        + ", reduceret ≥ " + fmt(service.properties().cutPoints().reduceret()) + ", ellers minimal.");
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
        b.heading("Udvikling");
        b.add(new ReportSection.Chart("Distrikter med markant eller intensiveret behov pr. år", ReportSection.ChartType.BAR, labels,
                List.of(ReportSection.Series.of("Markant", markant), ReportSection.Series.of("Intensiveret", intensiveret)),
                "Distrikter", false, null, null));
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d).replace('.', ',');
    }

    private void goalSections(Report.Builder b, int baselineYear, int year) {
        var g3 = service.effectGoal3(baselineYear, year);
        b.heading("Effektmål 3: distrikter med markant behov i " + baselineYear);
        b.text("Målet: tryghedsniveauet i de udvalgte områder skal gå fra markant til ordinært behov for indsats. "
                + g3.reached() + " af " + g3.total() + " distrikter har nu ordinært behov eller mindre.");
        var t = ReportSection.Table.builder("Distrikter med markant behov i " + baselineYear + " og deres kategori i " + year,
                Column.text("Distrikt"), Column.decimal("Indeks " + baselineYear), Column.decimal("Indeks " + year),
                Column.text("Kategori " + year), Column.text("Nået"));
        for (var d : g3.districts()) {
            t.row(service.name(d.area()) + " (" + d.area() + ")", d.baselineIndex(), d.index(), categoryText(d.category()), d.reached() ? "Ja" : "Nej");
        }
        b.add(t.build());
        var h = service.halving(baselineYear, year);
        b.heading("Halvering af områder med markant eller intensiveret behov");
        b.add(new ReportSection.Facts(List.of(
                new Fact("Antal i " + baselineYear, String.valueOf(h.baselineCount())),
                new Fact("Antal i " + year, String.valueOf(h.count())),
                new Fact("Mål (højst halvdelen)", String.valueOf(h.target())),
                new Fact("Status", h.onTrack() ? "Målet er nået" : "Målet er endnu ikke nået"))));
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
        var overview = ReportSection.Table.builder("Bydele: Tryghedsindeks " + indexYear.map(String::valueOf).orElse("–")
                        + " og enkeltsager i SSP",
                Column.text("Bydel"), Column.integer("Distrikter"), Column.integer("Markant eller intensiveret"),
                Column.integer("SSP-enkeltsager " + h.label()), Column.integer("SSP-enkeltsager " + h.previous().label()));
        for (int i = 0; i < bydele.size(); i++) {
            Area by = bydele.get(i);
            List<SafetyIndexService.DistrictIndex> ds = districtsOf(index, by.code());
            overview.row(by.name(), (long) service.districtsOf(by.code()).size(),
                    index == null ? null : ds.stream().filter(x -> x.category().highNeed()).count(),
                    sspCell(sspTable, i, 0, now.get(by.code())), sspCell(sspTable, i, 1, before.get(by.code())));
        }
        overview.totals("Hele byen", (long) bydele.stream().mapToInt(by -> service.districtsOf(by.code()).size()).sum(),
                index == null ? null : index.districts().stream().filter(x -> x.category().highNeed()).count(),
                sspTable.columnTotalCell(0), sspTable.columnTotalCell(1));
        overview.note("SSP-enkeltsager indberettes af analytikeren pr. bydel og halvår; \"ikke indberettet\" tæller som 0 i totalen."
                + (d == Disclosure.PUBLIC ? " – = under " + disclosure.threshold() + " eller kan udledes af totalen, undertrykt." : ""));
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

        var b = Report.builder("Afrapportering af urolige områder").subtitle(h.label() + " (" + Report.longDate(h.from()) + " – " + Report.longDate(h.to()) + ")");
        b.text("Halvårlig afrapportering pr. bydel: resultater fra Tryghedsindekset, sigtelser af 12–17-årige, antal enkeltsager "
                + "behandlet i SSP og SSP-ledergruppernes vurdering af udviklingen."
                + (d == Disclosure.PUBLIC ? " Antal under " + disclosure.threshold() + " er undertrykt (–)." : " Intern udgave: ingen tal er undertrykt."));

        b.heading("Overblik pr. bydel");
        SuppressedTable sspTable = null;
        if (bydele.isEmpty()) {
            b.text("Der er ingen bydele endnu: importér områderne (areas) for at få overblikket pr. bydel.");
        } else {
            sspTable = bydelOverview(b, h, d, bydele, now, before, indexYear, index);
        }

        // charges of 12–17-year-olds: city-wide, the charge data have no location
        long charges = police.charges(h.from(), h.to(), MIN_AGE, MAX_AGE);
        HalfYear ly = h.yearEarlier();
        long chargesBefore = police.charges(ly.from(), ly.to(), MIN_AGE, MAX_AGE);
        b.heading("Sigtelser af 12–17-årige (hele byen)");
        Object c0 = count(charges, d);
        Object c1 = count(chargesBefore, d);
        Double change = chargesBefore == 0 || c0 == ReportMark.SUPPRESSED || c1 == ReportMark.SUPPRESSED ? null
                : (charges - chargesBefore) * 1.0 / chargesBefore;
        b.add(ReportSection.Table.builder("Sigtelser af 12–17-årige i hele byen", Column.text("Periode"), Column.integer("Sigtelser"))
                .row(h.label(), c0).row(ly.label(), c1).row("Ændring", change == null ? null : String.format(java.util.Locale.ROOT, "%+.1f %%", change * 100).replace('.', ','))
                .note("Sigtelsesdata har ingen stedangivelse; tallene gælder hele byen og kan ikke fordeles på bydele. Alder på sigtelsestidspunktet.")
                .build());

        // per bydel
        for (int i = 0; i < bydele.size(); i++) {
            Area by = bydele.get(i);
            b.heading(by.name());
            List<SafetyIndexService.DistrictIndex> ds = districtsOf(index, by.code());
            if (index == null) {
                b.text("Der er ingen resultater fra Tryghedsindekset for " + h.year() + " eller tidligere.");
            } else {
                b.add(districtTable("Tryghedsindeks " + indexYear.get() + ": " + by.name(), ds, false, null));
            }
            SspStore.Entry e = now.get(by.code());
            b.add(new ReportSection.Facts(List.of(
                    new Fact("Enkeltsager behandlet i SSP, " + h.label(), factText(sspCell(sspTable, i, 0, e))),
                    new Fact("Enkeltsager behandlet i SSP, " + h.previous().label(), factText(sspCell(sspTable, i, 1, before.get(by.code())))))));
            b.subheading("SSP-ledergruppens vurdering");
            b.text(e == null || e.assessment() == null || e.assessment().isBlank() ? "Ingen vurdering indberettet." : e.assessment());
        }
        return b.build();
    }

    private static List<SafetyIndexService.DistrictIndex> districtsOf(SafetyIndexService.YearIndex index, String bydel) {
        return index == null ? List.of() : index.districts().stream().filter(x -> bydel.equals(x.bydel())).toList();
    }

    private static long value(SspStore.Entry e) {
        return e == null || e.singleCases() == null ? 0 : e.singleCases();
    }

    private static Object sspCell(SuppressedTable t, int row, int col, SspStore.Entry e) {
        if (e == null || e.singleCases() == null) return "ikke indberettet";
        return t.cell(row, col);
    }

    private static String factText(Object cell) {
        return cell == ReportMark.SUPPRESSED ? "– (undertrykt)" : String.valueOf(cell);
    }

    private Object count(long n, Disclosure d) {
        return d == Disclosure.PUBLIC && disclosure.suppressCount(n) ? ReportMark.SUPPRESSED : (Object) n;
    }
}
