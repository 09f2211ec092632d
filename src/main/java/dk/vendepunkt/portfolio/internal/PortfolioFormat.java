package dk.vendepunkt.portfolio.internal;

import dk.vendepunkt.reporting.ReportRenderer;
import dk.vendepunkt.reporting.ReportSection;
import java.math.BigDecimal;
import org.springframework.stereotype.Component;

/** Danish number formatting for the portfolio's templates ({@code ${@pfFormat.money(x)}}), the same as in reports. */
@Component("pfFormat")
public class PortfolioFormat {

    /** 61.219.000 or 1.250,50 (exact DKK, two decimals only when there are øre). */
    public String money(BigDecimal v) {
        return ReportRenderer.format(v, ReportSection.Kind.MONEY);
    }

    /** An indicator value or other number as entered, Danish style: 12,5. */
    public String number(BigDecimal v) {
        if (v == null) return "";
        java.text.NumberFormat f = java.text.NumberFormat.getNumberInstance(java.util.Locale.of("da", "DK"));
        f.setMaximumFractionDigits(6);
        return f.format(v);
    }

    /** A rate 0–1 as a Danish percentage with one decimal: 0.701389 → 70,1 %. */
    public String percent(BigDecimal v) {
        if (v == null) return "";
        java.text.NumberFormat f = java.text.NumberFormat.getNumberInstance(java.util.Locale.of("da", "DK"));
        f.setMinimumFractionDigits(1);
        f.setMaximumFractionDigits(1);
        return f.format(v.movePointRight(2)) + " %";
    }

    /** A goal's latest value: effect measures (rates) as percentages, indicator values as entered. */
    public String goalValue(IndicatorService.GoalView g) {
        return g.rate() ? percent(g.latestValue()) : number(g.latestValue());
    }

    public String department(String code) {
        return Departments.label(code);
    }
}
