package dk.vendepunkt.economics.internal;

import dk.vendepunkt.economics.SuccessRates;
import dk.vendepunkt.portfolio.AnnualReportSection;
import dk.vendepunkt.reporting.DisclosurePolicy;
import dk.vendepunkt.reporting.Report;
import dk.vendepunkt.reporting.ReportMark;
import dk.vendepunkt.reporting.ReportSection.Column;
import dk.vendepunkt.reporting.ReportSection.Table;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The economics section of the annual Sikker By report: per programme with complete parameters (base
 * scenario) the costs, the benefit per success, the break-even rate and, where the success rate is
 * measured, the gain with its interval and Monte Carlo percentiles. The measured rate and everything
 * derived from it are withheld in the public version when the rate would be ({@link DisclosurePolicy#suppressRate}).
 */
@Component
@Order(100)
class EconomicsReportSection implements AnnualReportSection {

    private static final Locale DA = Locale.of("da", "DK");

    private final ParameterStore store;
    private final EconomicsService service;
    private final DisclosurePolicy disclosure;
    private final MessageSource messages;

    EconomicsReportSection(ParameterStore store, EconomicsService service, DisclosurePolicy disclosure, MessageSource messages) {
        this.store = store;
        this.service = service;
        this.disclosure = disclosure;
        this.messages = messages;
    }

    private String m(String code, Object... args) {
        return messages.getMessage(code, args, DA);
    }

    @Override
    public void addTo(Report.Builder report, LocalDate asOf, boolean publicVersion) {
        var table = Table.builder(m("economics.report.caption", Report.longDate(asOf)), Column.text(m("economics.programme")),
                Column.money(m("economics.costPerParticipant")), Column.money(m("economics.costPerParticipantYear")),
                Column.money(m("economics.benefitPerSuccess")), Column.percent(m("economics.breakEven")), Column.percent(m("economics.report.rate")),
                Column.money(m("economics.gainPerParticipant")), Column.money(m("economics.report.gainLow")), Column.money(m("economics.report.gainHigh")),
                Column.money(m("economics.report.p05")), Column.money(m("economics.report.p95")));
        boolean any = false, suppressed = false;
        for (String programme : store.programmes()) {
            var parameters = store.effective(programme, ParameterStore.BASE);
            boolean complete = true;
            for (Parameter p : Parameter.values()) complete &= p.defaultValue() != null || parameters.containsKey(p);
            if (!complete) continue;
            any = true;
            var measured = service.measured(programme, asOf).stream().filter(r -> r.cohort() == null && r.eligible() > 0).findFirst();
            if (measured.isEmpty()) {
                var point = CostBenefit.point(CostBenefit.values(parameters), null);
                table.row(programme, point.costPerParticipant(), point.costPerParticipantYear(), point.benefitPerSuccess(), point.breakEvenSuccessRate(),
                        m("economics.report.noRate"), null, null, null, null, null);
                continue;
            }
            SuccessRates.Rate rate = measured.get();
            var r = service.calculate(programme, ParameterStore.BASE, asOf, null, null, null);
            var point = r.point();
            if (publicVersion && disclosure.suppressRate(rate.successes(), rate.eligible())) {
                suppressed = true;
                ReportMark s = ReportMark.SUPPRESSED;
                table.row(programme, point.costPerParticipant(), point.costPerParticipantYear(), point.benefitPerSuccess(), point.breakEvenSuccessRate(),
                        s, s, s, s, s, s);
            } else {
                table.row(programme, point.costPerParticipant(), point.costPerParticipantYear(), point.benefitPerSuccess(), point.breakEvenSuccessRate(),
                        r.successRate(), point.gainPerParticipant(), r.gainCi95()[0], r.gainCi95()[1], r.simulation().gainP05(), r.simulation().gainP95());
            }
        }
        if (!any) return;
        if (suppressed) table.note(m("economics.report.suppressed"));
        report.heading(m("economics.report.title")).text(m("economics.report.intro")).add(table.build());
    }
}
