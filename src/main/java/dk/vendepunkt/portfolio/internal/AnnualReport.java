package dk.vendepunkt.portfolio.internal;

import dk.vendepunkt.portfolio.AnnualReportSection;
import dk.vendepunkt.reporting.Report;
import dk.vendepunkt.reporting.ReportMark;
import dk.vendepunkt.reporting.ReportSection;
import dk.vendepunkt.reporting.ReportSection.Column;
import dk.vendepunkt.reporting.ReportSection.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The annual Sikker By report to Økonomiudvalget (002 §5.3): status of every effect goal, the indicators
 * with their series and trend against the desired direction, the portfolio and budgets of the year
 * (tables with totals), the budget over years, the departments' prioritisations and the self-evaluations.
 * Portfolio figures are not personal data; figures derived from personal data (effect measures and
 * indicators flagged {@code personal_data}) pass disclosure control in the public version.
 */
@Component
public class AnnualReport {

    private final InitiativeService initiatives;
    private final IndicatorService indicators;
    private final EvaluationService evaluations;
    private final PrioritisationService prioritisations;
    /** The report goes to a Danish committee: always in Danish, whatever the producer's browser language. */
    static final java.util.Locale DA = java.util.Locale.of("da", "DK");

    private final MessageSource messages;
    private final PortfolioDisclosure disclosure;
    private final PortfolioFormat format;
    /** Other modules' sections (portfolio.AnnualReportSection), added at the end. */
    private final ObjectProvider<AnnualReportSection> otherSections;

    AnnualReport(InitiativeService initiatives, IndicatorService indicators, EvaluationService evaluations,
                 PrioritisationService prioritisations, MessageSource messages, PortfolioDisclosure disclosure, PortfolioFormat format,
                 ObjectProvider<AnnualReportSection> otherSections) {
        this.format = format;
        this.otherSections = otherSections;
        this.initiatives = initiatives;
        this.indicators = indicators;
        this.evaluations = evaluations;
        this.prioritisations = prioritisations;
        this.messages = messages;
        this.disclosure = disclosure;
    }

    public static String key(int year) {
        return "sikker-by-" + year;
    }

    private String m(String code, Object... args) {
        return messages.getMessage(code, args, DA);
    }

    /** The date the figures are taken at: the year's last day, or today while the year runs. */
    LocalDate asOf(int year) {
        LocalDate end = LocalDate.of(year, 12, 31);
        LocalDate today = indicators.today();
        return today.isBefore(end) ? today : end;
    }

    public Report build(int year, boolean publicVersion) {
        LocalDate asOf = asOf(year);
        Report.Builder r = Report.builder(m("pf.report.title", year))
                .subtitle(m("pf.report.subtitle") + (publicVersion ? "" : " – " + m("pf.report.internal")));
        r.heading(m("pf.vision")).text(initiatives.programme().vision());
        goals(r, asOf, publicVersion);
        indicators(r, asOf, publicVersion);
        portfolio(r, year);
        budgetOverYears(r);
        prioritisations(r, year);
        evaluations(r, year);
        otherSections.orderedStream().forEach(section -> section.addTo(r, asOf, publicVersion));
        return r.build();
    }

    // ------------------------------------------------------------------ effect goals

    private void goals(Report.Builder r, LocalDate asOf, boolean publicVersion) {
        r.heading(m("pf.goals"));
        var goals = indicators.goalViews(asOf, publicVersion);
        // two narrow tables rather than one wide one (A4 portrait)
        Table.Builder texts = Table.builder(m("pf.report.goals.texts"), Column.text(m("pf.report.number")), Column.text(m("pf.goal.text")),
                Column.text(m("pf.goal.department")), Column.text(m("pf.goal.deadline")));
        Table.Builder status = Table.builder(m("pf.report.goals.caption", Report.longDate(asOf)), Column.text(m("pf.report.number")),
                Column.text(m("pf.goal.target")), Column.text(m("pf.goal.tracker")), Column.text(m("pf.goal.latest")), Column.text(m("pf.status")));
        boolean anySuppressed = false;
        List<String> measures = new ArrayList<>();
        for (var g : goals) {
            String number = String.valueOf(g.goal().number());
            String tracker = m("pf.goal.none");
            if (g.indicator() != null) tracker = g.indicator().name();
            else if (g.goal().effectMeasure() != null) {
                tracker = m("pf.report.goals.measure");
                measures.add(m("pf.report.goals.measureNote", number, g.trackerLabel()));
            }
            // as the overview page shows it: a rate as a percentage ("63,6 %"), an indicator value as entered
            Object value = g.latestValue() == null ? null : format.goalValue(g);
            String goalStatus = m("pf.status." + g.status().name());
            if (g.suppressed() || (publicVersion && g.personalData() && g.indicator() != null && g.latestValue() != null
                    && disclosure.withhold(g.latestValue()))) {
                value = ReportMark.SUPPRESSED;
                // the status compares the withheld value with the target: "Nået" would tell which side of it the value lies
                goalStatus = m("pf.status.SUPPRESSED");
                anySuppressed = true;
            }
            texts.row(number, g.goal().text(), g.goal().departmentLabel(), g.goal().deadline() == null ? "" : Report.shortDate(g.goal().deadline()));
            status.row(number, g.goal().targetText(), tracker, value, goalStatus);
        }
        r.add(texts.build());
        status.note(String.join(" ", measures) + (measures.isEmpty() ? "" : " ") + m("pf.report.goals.note")
                + (anySuppressed ? " " + m("pf.report.suppressed", disclosure.threshold()) : ""));
        r.add(status.build());
    }

    // ------------------------------------------------------------------ indicators

    private void indicators(Report.Builder r, LocalDate asOf, boolean publicVersion) {
        r.heading(m("pf.indicators"));
        var views = indicators.views();
        Table.Builder overview = Table.builder(m("pf.report.indicators.caption", Report.longDate(asOf)), Column.text(m("pf.indicator.name")),
                Column.text(m("pf.indicator.unit")), Column.text(m("pf.indicator.department")), Column.text(m("pf.indicator.direction")),
                Column.text(m("pf.indicator.latestPeriod")), Column.decimal(m("pf.goal.latest")), Column.text(m("pf.trend")));
        List<Runnable> series = new ArrayList<>();
        boolean anySuppressed = false;
        for (var v : views) {
            var values = v.values().stream().filter(x -> !x.periodEnd().isAfter(asOf)).toList();
            boolean controlled = publicVersion && v.indicator().personalData();
            List<Object> shown = new ArrayList<>();
            for (var x : values) shown.add(controlled && disclosure.withhold(x.value()) ? ReportMark.SUPPRESSED : x.value());
            boolean suppressed = shown.contains(ReportMark.SUPPRESSED);
            anySuppressed |= suppressed;
            var trend = GoalStatus.Trend.of(v.indicator().direction(), IndicatorService.points(values));
            var last = values.isEmpty() ? null : values.getLast();
            overview.row(v.indicator().name(), v.indicator().unit(), v.indicator().departmentLabel(), m("pf.direction." + v.indicator().direction()),
                    last == null ? "" : period(last), shown.isEmpty() ? null : shown.getLast(),
                    suppressed ? m("pf.report.trend.withheld") : m(trend.key()));
            if (values.isEmpty()) continue;
            series.add(() -> {
                r.subheading(v.indicator().name());
                Table.Builder t = Table.builder(m("pf.indicator.seriesCaption", v.indicator().name(), v.indicator().unit()),
                        Column.text(m("pf.report.period")), Column.decimal(m("pf.value.value")), Column.text(m("pf.value.source")));
                for (int i = 0; i < values.size(); i++) t.row(period(values.get(i)), shown.get(i), values.get(i).source());
                if (suppressed) t.note(m("pf.report.suppressed", disclosure.threshold()));
                r.add(t.build());
                if (values.size() > 1) {
                    List<Double> ys = shown.stream().map(o -> o instanceof BigDecimal b ? b.doubleValue() : null).toList();
                    r.add(new ReportSection.Chart(m("pf.indicator.chart", v.indicator().name()) + " (" + m("pf.direction." + v.indicator().direction()) + " " + m("pf.report.isBetter") + ")",
                            ReportSection.ChartType.LINE, values.stream().map(x -> String.valueOf(x.periodEnd().getYear())).toList(),
                            List.of(ReportSection.Series.of(v.indicator().unit(), ys)), v.indicator().unit(), false, null, null));
                }
            });
        }
        overview.note(m("pf.report.indicators.note") + (anySuppressed ? " " + m("pf.report.suppressed", disclosure.threshold()) : ""));
        r.add(overview.build());
        series.forEach(Runnable::run);
    }

    private static String period(IndicatorService.Value v) {
        return Report.shortDate(v.periodStart()) + " – " + Report.shortDate(v.periodEnd());
    }

    // ------------------------------------------------------------------ portfolio of the year

    private void portfolio(Report.Builder r, int year) {
        r.heading(m("pf.report.portfolio", year));
        PortfolioSummary s = initiatives.summary(year);
        Table.Builder dept = Table.builder(m("pf.summary.byDepartment", year), Column.text(m("pf.initiative.department")),
                Column.integer(m("pf.summary.initiatives")), Column.money(m("pf.summary.amount")));
        s.byDepartment().forEach(d -> dept.row(Departments.label(d.department()), d.initiatives(), d.amountDkk()));
        dept.totals(m("pf.budget.total"), s.total().initiatives(), s.total().amountDkk());
        r.add(dept.build());

        var areas = initiatives.focusAreas();
        Table.Builder area = Table.builder(m("pf.summary.byFocusArea", year), Column.text(m("pf.focusArea")),
                Column.integer(m("pf.summary.initiatives")), Column.money(m("pf.summary.amount")));
        s.byFocusArea().forEach(f -> area.row(f.focusArea() == null ? m("pf.focusArea.none") : f.focusArea() + ". " + areas.get(f.focusArea() - 1).name(),
                f.initiatives(), f.amountDkk()));
        area.totals(m("pf.budget.total"), s.total().initiatives(), s.total().amountDkk());
        r.add(area.build());

        var funding = initiatives.fundingPicture(year);
        Table.Builder fund = Table.builder(m("pf.funding.caption", year), Column.text(m("pf.initiative.funding")),
                Column.integer(m("pf.summary.initiatives")), Column.money(m("pf.budget.type.DRIFT")), Column.money(m("pf.budget.type.ANLAEG")),
                Column.money(m("pf.summary.amount")));
        int n = 0;
        BigDecimal drift = BigDecimal.ZERO, anlaeg = BigDecimal.ZERO, total = BigDecimal.ZERO;
        List<String> labels = new ArrayList<>();
        List<Double> amounts = new ArrayList<>();
        for (var f : funding) {
            String label = m(f.funding() == null ? "pf.funding.none" : "pf.funding." + f.funding().name());
            fund.row(label, f.initiatives(), f.drift(), f.anlaeg(), f.amountDkk());
            n += f.initiatives();
            drift = drift.add(f.drift());
            anlaeg = anlaeg.add(f.anlaeg());
            total = total.add(f.amountDkk());
            labels.add(label);
            amounts.add(f.amountDkk().doubleValue() / 1_000_000d);
        }
        fund.totals(m("pf.budget.total"), n, PortfolioSummary.plain(drift), PortfolioSummary.plain(anlaeg), PortfolioSummary.plain(total));
        r.add(fund.build());
        if (!funding.isEmpty()) {
            r.add(new ReportSection.Chart(m("pf.funding.chart", year), ReportSection.ChartType.BAR, labels,
                    List.of(ReportSection.Series.of(m("pf.report.millions"), amounts)), m("pf.report.millions"), false, null, null));
        }

        // narrow enough for A4 portrait; the funding of each initiative is summed up in the funding picture above
        Table.Builder list = Table.builder(m("pf.initiatives.captionYear", year), Column.text(m("pf.initiative")),
                Column.text(m("pf.report.department")), Column.text(m("pf.report.area")),
                Column.money(m("pf.budget.type.DRIFT")), Column.money(m("pf.budget.type.ANLAEG")), Column.money(m("pf.budget.total")));
        BigDecimal d = BigDecimal.ZERO, a = BigDecimal.ZERO;
        for (var l : initiatives.yearLines(year)) {
            var i = l.initiative();
            list.row(i.name(), i.departmentLabel(), i.focusArea() == null ? "" : String.valueOf(i.focusArea()), l.drift(), l.anlaeg(), l.total());
            d = d.add(l.drift());
            a = a.add(l.anlaeg());
        }
        list.note(m("pf.report.abbreviations"));
        list.totals(m("pf.budget.total"), "", "", PortfolioSummary.plain(d), PortfolioSummary.plain(a), PortfolioSummary.plain(d.add(a)));
        r.add(list.build());
    }

    // ------------------------------------------------------------------ budget over years

    private void budgetOverYears(Report.Builder r) {
        List<Integer> years = initiatives.years();
        if (years.isEmpty()) return;
        var table = initiatives.budgetTable(years.getFirst(), years.getLast(), null, null);
        r.heading(m("pf.budget.table"));
        List<Column> cols = new ArrayList<>();
        cols.add(Column.text(m("pf.initiative.department")));
        table.years().forEach(y -> cols.add(Column.money(String.valueOf(y))));
        cols.add(Column.money(m("pf.budget.total")));
        List<List<Object>> rows = new ArrayList<>();
        for (var dt : table.departmentTotals()) {
            List<Object> row = new ArrayList<>();
            row.add(dt.departmentLabel());
            row.addAll(dt.amounts());
            row.add(dt.total());
            rows.add(row);
        }
        List<Object> totals = new ArrayList<>();
        totals.add(m("pf.budget.total"));
        totals.addAll(table.totals());
        totals.add(table.grandTotal());
        r.add(new Table(m("pf.budget.departmentCaption", table.years().getFirst(), table.years().getLast(),
                m("pf.budget.type.all")), cols, rows, totals, m("pf.report.budget.note")));
        r.add(new ReportSection.Chart(m("pf.report.budget.chart"), ReportSection.ChartType.BAR, table.years().stream().map(String::valueOf).toList(),
                List.of(ReportSection.Series.of(m("pf.report.millions"), table.totals().stream().map(v -> v.doubleValue() / 1_000_000d).toList())),
                m("pf.report.millions"), false, null, null));
    }

    // ------------------------------------------------------------------ prioritisations, evaluations

    private void prioritisations(Report.Builder r, int year) {
        r.heading(m("pf.prioritisations.year", year));
        var list = prioritisations.forYear(year);
        if (list.isEmpty()) {
            r.text(m("pf.prioritisation.empty", year));
            return;
        }
        for (var p : list) {
            Table.Builder t = Table.builder(p.departmentLabel(), Column.text(m("pf.prioritisation.kind")), Column.integer(m("pf.prioritisation.rank")),
                    Column.text(m("pf.initiative")), Column.text(m("pf.prioritisation.reason")));
            p.most().forEach(i -> t.row(m("pf.prioritisation.most"), i.rank(), i.initiativeName(), i.reason()));
            p.least().forEach(i -> t.row(m("pf.prioritisation.least"), i.rank(), i.initiativeName(), i.reason()));
            if (p.note() != null) t.note(p.note());
            r.add(t.build());
        }
    }

    private void evaluations(Report.Builder r, int year) {
        r.heading(m("pf.evaluations"));
        var list = evaluations.forPeriod(String.valueOf(year));
        if (list.isEmpty()) {
            r.text(m("pf.report.evaluations.empty", year));
            return;
        }
        Map<Long, String> names = new LinkedHashMap<>();
        initiatives.all().forEach(i -> names.put(i.id(), i.name()));
        Table.Builder t = Table.builder(m("pf.report.evaluations.caption", year), Column.text(m("pf.initiative")),
                Column.text(m("pf.evaluation.kind")), Column.text(m("pf.evaluation.period")), Column.text(m("pf.evaluation.status")));
        list.forEach(e -> t.row(names.get(e.initiativeId()), m("pf.evaluation.kind." + e.kind()), e.period(), m("pf.evaluation.status." + e.status())));
        r.add(t.build());
    }
}
