package dk.vendepunkt.crimestats.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * An inclusive date range split into the whole calendar months it covers (read from the monthly
 * rollups) and the days before and after them (read from the daily rollups).
 *
 * @param monthFrom   first whole month (first day), inclusive
 * @param monthTo     end of the whole months, exclusive (equal to monthFrom when there are none)
 * @param headFrom    days before the months: [headFrom, headTo)
 * @param tailFrom    days after the months: [tailFrom, tailTo)
 */
record PeriodSplit(LocalDate monthFrom, LocalDate monthTo, LocalDate headFrom, LocalDate headTo, LocalDate tailFrom, LocalDate tailTo) {

    static PeriodSplit of(LocalDate from, LocalDate to) {
        LocalDate end = to.plusDays(1);
        LocalDate firstMonth = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
        LocalDate endMonth = end.withDayOfMonth(1);
        if (firstMonth.isBefore(endMonth)) {
            return new PeriodSplit(firstMonth, endMonth, from, firstMonth, endMonth, end);
        }
        return new PeriodSplit(from, from, from, end, end, end);
    }

    /**
     * {@code select <columns>, sum(n) as n from (<monthly> union all <daily>) t group by <columns>} over a
     * rollup pair {@code <table>_month}/{@code <table>_day}; {@code filter} (may be empty) is an extra
     * condition on the rollup's columns, with {@code filterParams}.
     */
    Query sum(String table, String columns, String filter, List<Object> filterParams) {
        return sum(table + "_month", table + "_day", columns, filter, filterParams);
    }

    /**
     * As {@link #sum(String, String, String, List)} with the monthly table and the daily source named
     * separately; the daily source may be a subquery with columns {@code day}, the columns and {@code n}.
     */
    Query sum(String monthTable, String daySource, String columns, String filter, List<Object> filterParams) {
        String and = filter.isEmpty() ? "" : " and (" + filter + ")";
        String sql = "select " + columns + ", sum(n) as n from ("
                + "select " + columns + ", n from " + monthTable + " m where month >= ? and month < ?" + and
                + " union all select " + columns + ", n from " + daySource + " d where ((day >= ? and day < ?) or (day >= ? and day < ?))" + and
                + ") t group by " + columns;
        List<Object> params = new ArrayList<>();
        params.add(monthFrom);
        params.add(monthTo);
        params.addAll(filterParams);
        params.add(headFrom);
        params.add(headTo);
        params.add(tailFrom);
        params.add(tailTo);
        params.addAll(filterParams);
        return new Query(sql, params);
    }

    record Query(String sql, List<Object> params) {}
}
