package dk.vendepunkt.reporting.internal;

import dk.vendepunkt.reporting.ReportSection.Chart;
import dk.vendepunkt.reporting.ReportSection.ChartType;
import dk.vendepunkt.reporting.ReportSection.Series;
import java.util.List;
import java.util.Locale;

/**
 * Draws a {@link Chart} as a self-contained SVG (presentation attributes only, no CSS, no script), so
 * the same picture appears in the HTML page (under a strict CSP) and in the PDF.
 */
final class ReportSvgChart {

    static final String[] COLOURS = {"#00507a", "#b35900", "#2e7d32", "#6a1b9a", "#c62828", "#00838f"};
    private static final int W = 640, H = 320, LEFT = 56, RIGHT = 16, TOP = 32, BOTTOM = 64;

    private ReportSvgChart() {}

    static String svg(Chart c) {
        double min = 0, max = 0;
        for (Series s : c.series()) {
            for (List<Double> l : new List[]{s.values(), s.lower(), s.upper()}) {
                if (l == null) continue;
                for (Double v : l) if (v != null) { min = Math.min(min, v); max = Math.max(max, v); }
            }
        }
        if (c.target() != null) max = Math.max(max, c.target());
        if (c.percent() && max <= 1.0) max = 1.0;
        if (max == min) max = min + 1;
        max = niceCeil(max);
        final double lo = min, hi = max;
        int plotW = W - LEFT - RIGHT, plotH = H - TOP - BOTTOM;
        StringBuilder sb = new StringBuilder();
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(W).append(' ').append(H)
                .append("\" width=\"").append(W).append("\" height=\"").append(H).append("\" role=\"img\" aria-label=\"")
                .append(CachedReportRenderer.esc(c.caption())).append("\">");
        // y grid and labels
        for (int i = 0; i <= 4; i++) {
            double v = lo + (hi - lo) * i / 4;
            double y = TOP + plotH - plotH * i / 4.0;
            sb.append(line(LEFT, y, LEFT + plotW, y, "#dddddd", 1));
            sb.append(text(LEFT - 6, y + 4, "end", c.percent() ? fmt(v * 100, 0) + " %" : fmt(v, hi - lo < 10 ? 1 : 0)));
        }
        sb.append(line(LEFT, TOP + plotH, LEFT + plotW, TOP + plotH, "#555555", 1));
        int n = c.xLabels().size();
        java.util.function.DoubleUnaryOperator yOf = v -> TOP + plotH - (v - lo) / (hi - lo) * plotH;
        if (c.type() == ChartType.BAR) {
            double group = n == 0 ? plotW : (double) plotW / n;
            int k = Math.max(1, c.series().size());
            double bw = group * 0.8 / k;
            for (int si = 0; si < c.series().size(); si++) {
                Series s = c.series().get(si);
                String col = COLOURS[si % COLOURS.length];
                for (int i = 0; i < n && i < s.values().size(); i++) {
                    Double v = s.values().get(i);
                    if (v == null) continue;
                    double x = LEFT + group * i + group * 0.1 + bw * si;
                    double y0 = yOf.applyAsDouble(Math.max(0, lo)), y1 = yOf.applyAsDouble(v);
                    sb.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>",
                            x, Math.min(y0, y1), bw * 0.9, Math.abs(y0 - y1), col));
                    if (s.lower() != null && s.upper() != null && s.lower().get(i) != null && s.upper().get(i) != null) {
                        double cx = x + bw * 0.45;
                        sb.append(line(cx, yOf.applyAsDouble(s.lower().get(i)), cx, yOf.applyAsDouble(s.upper().get(i)), "#1b1b1b", 1.5));
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                sb.append(text(LEFT + group * i + group / 2, TOP + plotH + 16, "middle", c.xLabels().get(i)));
            }
        } else {
            double[] xs = new double[n];
            double xmin = 0, xmax = Math.max(1, n - 1);
            boolean numeric = c.type() == ChartType.STEP;
            if (numeric && n > 0) {
                xmin = Double.MAX_VALUE;
                xmax = -Double.MAX_VALUE;
                for (int i = 0; i < n; i++) {
                    xs[i] = Double.parseDouble(c.xLabels().get(i));
                    xmin = Math.min(xmin, xs[i]);
                    xmax = Math.max(xmax, xs[i]);
                }
                if (xmax == xmin) xmax = xmin + 1;
            } else {
                for (int i = 0; i < n; i++) xs[i] = i;
            }
            final double fxmin = xmin, fxmax = xmax;
            java.util.function.DoubleUnaryOperator xOf = x -> LEFT + (x - fxmin) / (fxmax - fxmin) * plotW;
            for (int si = 0; si < c.series().size(); si++) {
                Series s = c.series().get(si);
                String col = COLOURS[si % COLOURS.length];
                if (s.lower() != null && s.upper() != null) {
                    sb.append("<path fill=\"").append(col).append("\" fill-opacity=\"0.18\" stroke=\"none\" d=\"")
                            .append(bandPath(xs, s.lower(), s.upper(), xOf, yOf, c.type() == ChartType.STEP)).append("\"/>");
                }
                sb.append("<path fill=\"none\" stroke=\"").append(col).append("\" stroke-width=\"2\" d=\"")
                        .append(linePath(xs, s.values(), xOf, yOf, c.type() == ChartType.STEP)).append("\"/>");
            }
            int step = Math.max(1, n / 8);
            for (int i = 0; i < n; i += step) {
                sb.append(text(xOf.applyAsDouble(xs[i]), TOP + plotH + 16, "middle", c.xLabels().get(i)));
            }
        }
        if (c.target() != null) {
            double y = yOf.applyAsDouble(c.target());
            sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#a4001d\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>",
                    LEFT, y, LEFT + plotW, y));
            if (c.targetLabel() != null) sb.append(text(LEFT + plotW - 4, y - 6, "end", c.targetLabel()));
        }
        // legend
        double lx = LEFT;
        for (int si = 0; si < c.series().size(); si++) {
            String name = c.series().get(si).name();
            sb.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>", lx, H - 22, COLOURS[si % COLOURS.length]));
            sb.append(text(lx + 16, H - 12, "start", name));
            lx += 24 + name.length() * 7;
        }
        // the y-axis label sits above the plot so it never meets the top tick label
        if (c.yLabel() != null) sb.append(text(4, 14, "start", c.yLabel()));
        sb.append("</svg>");
        return sb.toString();
    }

    private static String linePath(double[] xs, List<Double> ys, java.util.function.DoubleUnaryOperator xOf,
                                   java.util.function.DoubleUnaryOperator yOf, boolean step) {
        StringBuilder d = new StringBuilder();
        boolean pen = false;
        double prevY = 0;
        for (int i = 0; i < xs.length && i < ys.size(); i++) {
            Double v = ys.get(i);
            if (v == null) { pen = false; continue; }
            double x = xOf.applyAsDouble(xs[i]), y = yOf.applyAsDouble(v);
            if (!pen) {
                d.append(String.format(Locale.ROOT, "M%.1f %.1f", x, y));
                pen = true;
            } else if (step) {
                d.append(String.format(Locale.ROOT, " L%.1f %.1f L%.1f %.1f", x, prevY, x, y));
            } else {
                d.append(String.format(Locale.ROOT, " L%.1f %.1f", x, y));
            }
            prevY = y;
        }
        return d.toString();
    }

    private static String bandPath(double[] xs, List<Double> lower, List<Double> upper,
                                   java.util.function.DoubleUnaryOperator xOf, java.util.function.DoubleUnaryOperator yOf, boolean step) {
        StringBuilder up = new StringBuilder(), down = new StringBuilder();
        java.util.List<double[]> lowPts = new java.util.ArrayList<>();
        boolean first = true;
        double prevUp = 0;
        for (int i = 0; i < xs.length; i++) {
            if (lower.get(i) == null || upper.get(i) == null) continue;
            double x = xOf.applyAsDouble(xs[i]), yu = yOf.applyAsDouble(upper.get(i)), yl = yOf.applyAsDouble(lower.get(i));
            if (first) { up.append(String.format(Locale.ROOT, "M%.1f %.1f", x, yu)); first = false; }
            else if (step) up.append(String.format(Locale.ROOT, " L%.1f %.1f L%.1f %.1f", x, prevUp, x, yu));
            else up.append(String.format(Locale.ROOT, " L%.1f %.1f", x, yu));
            prevUp = yu;
            lowPts.add(new double[]{x, yl});
        }
        if (lowPts.isEmpty()) return "";
        for (int i = lowPts.size() - 1; i >= 0; i--) {
            double[] p = lowPts.get(i);
            if (step && i < lowPts.size() - 1) {
                down.append(String.format(Locale.ROOT, " L%.1f %.1f", lowPts.get(i + 1)[0], p[1]));
            }
            down.append(String.format(Locale.ROOT, " L%.1f %.1f", p[0], p[1]));
        }
        return up + down.toString() + " Z";
    }

    private static String line(double x1, double y1, double x2, double y2, String colour, double width) {
        return String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%.1f\"/>",
                x1, y1, x2, y2, colour, width);
    }

    private static String text(double x, double y, String anchor, String s) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-family=\"sans-serif\" font-size=\"11\" fill=\"#1b1b1b\">%s</text>",
                x, y, anchor, CachedReportRenderer.esc(s));
    }

    private static String fmt(double v, int decimals) {
        java.text.NumberFormat f = java.text.NumberFormat.getNumberInstance(Locale.of("da", "DK"));
        f.setMaximumFractionDigits(decimals);
        f.setMinimumFractionDigits(decimals);
        return f.format(v);
    }

    private static double niceCeil(double v) {
        if (v <= 0) return 1;
        double exp = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[]{1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10}) {
            if (m * exp >= v) return m * exp;
        }
        return 10 * exp;
    }
}
