package dk.vendepunkt.safetyindex.internal;

import dk.vendepunkt.safetyindex.imports.SurveyImport;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored survey rows ({@code si_survey_response}); the index reads them summed per district. */
@Repository
public class SurveyStore {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    SurveyStore(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /**
     * Inserts or updates every line by respondent_ref and year, in batches; returns how many were new.
     * Call inside the import's transaction.
     */
    public int upsertAll(List<SurveyImport.Line> lines) {
        Set<String> existing = new HashSet<>();
        Integer[] years = lines.stream().map(SurveyImport.Line::year).distinct().toArray(Integer[]::new);
        jdbc.sql("select respondent_ref || '|' || year from si_survey_response where year = any(?)")
                .param(years).query(String.class).list().forEach(existing::add);
        int created = 0;
        for (SurveyImport.Line l : lines) {
            if (!existing.contains(l.ref() + "|" + l.year())) created++;
        }
        for (int from = 0; from < lines.size(); from += 1000) {
            List<SurveyImport.Line> chunk = lines.subList(from, Math.min(lines.size(), from + 1000));
            batch.batchUpdate("""
                    insert into si_survey_response (respondent_ref, year, area, weight, feels_unsafe, victimised, crime_big_problem)
                    values (?, ?, ?, ?, ?, ?, ?)
                    on conflict (respondent_ref, year) do update set area = excluded.area, weight = excluded.weight,
                      feels_unsafe = excluded.feels_unsafe, victimised = excluded.victimised,
                      crime_big_problem = excluded.crime_big_problem, imported_at = now(), version = si_survey_response.version + 1""",
                    chunk.stream().map(l -> new Object[] {l.ref(), l.year(), l.area(), l.weight(), l.feelsUnsafe(), l.victimised(),
                            l.crimeBigProblem()}).toList());
        }
        return created;
    }

    /** The survey rows of a year summed per area code. */
    Map<String, SurveyTally> tallies(int year) {
        Map<String, SurveyTally> out = new LinkedHashMap<>();
        jdbc.sql("""
                select area, count(*) as n,
                  coalesce(sum(weight) filter (where feels_unsafe is not null), 0) as fu_w,
                  coalesce(sum(weight) filter (where feels_unsafe = 1), 0) as fu_y,
                  coalesce(sum(weight) filter (where victimised is not null), 0) as vi_w,
                  coalesce(sum(weight) filter (where victimised = 1), 0) as vi_y,
                  coalesce(sum(weight) filter (where crime_big_problem is not null), 0) as cb_w,
                  coalesce(sum(weight) filter (where crime_big_problem = 1), 0) as cb_y
                from si_survey_response where year = ? group by area order by area""")
                .param(year)
                .query((rs, i) -> {
                    out.put(rs.getString("area"), new SurveyTally(rs.getLong("n"),
                            new SurveyTally.Question(rs.getDouble("fu_w"), rs.getDouble("fu_y")),
                            new SurveyTally.Question(rs.getDouble("vi_w"), rs.getDouble("vi_y")),
                            new SurveyTally.Question(rs.getDouble("cb_w"), rs.getDouble("cb_y"))));
                    return null;
                }).list();
        return out;
    }

    /** Years with survey data, newest first. */
    List<Integer> years() {
        return jdbc.sql("select distinct year from si_survey_response order by year desc").query(Integer.class).list();
    }

    long count(int year) {
        return jdbc.sql("select count(*) from si_survey_response where year = ?").param(year).query(Long.class).single();
    }
}
