package dk.vendepunkt.casework.internal;

import dk.vendepunkt.casework.RiskInstruments;
import dk.vendepunkt.casework.domain.InstrumentRules;
import dk.vendepunkt.platform.ConflictException;
import dk.vendepunkt.platform.Texts;
import dk.vendepunkt.platform.ValidationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Instruments as data ({@code cw_assessment_instrument} with its domains and bands): reading for
 * {@link RiskInstruments}, and the administrator's create, change and (de)activate (web checks the role). An
 * instrument that has been used in an assessment keeps its domains' codes, order and maxima (a change would rewrite
 * the assessments' meaning; define a new instrument instead); their names may be corrected.
 */
@Service
public class InstrumentCatalogue implements RiskInstruments {

    private final JdbcClient jdbc;

    InstrumentCatalogue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Definition> all() {
        Map<String, List<Domain>> domains = new LinkedHashMap<>();
        jdbc.sql("select instrument_code, domain, label, max_score from cw_instrument_domain order by instrument_code, position")
                .query(rs -> {
                    domains.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Domain(rs.getString(2), rs.getString(3), rs.getInt(4)));
                });
        Map<String, List<Band>> bands = new LinkedHashMap<>();
        jdbc.sql("select instrument_code, risk_level, min_total from cw_instrument_band order by instrument_code, min_total")
                .query(rs -> {
                    bands.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Band(rs.getString(2), rs.getInt(3)));
                });
        return jdbc.sql("""
                select code, name, description, min_age, max_age, active, version from cw_assessment_instrument
                 order by active desc, min_age nulls last, name""")
                .query((rs, i) -> new Definition(rs.getString(1), rs.getString(2), rs.getString(3), (Integer) rs.getObject(4),
                        (Integer) rs.getObject(5), domains.getOrDefault(rs.getString(1), List.of()), bands.getOrDefault(rs.getString(1), List.of()),
                        rs.getBoolean(6), rs.getInt(7))).list();
    }

    @Override
    public Optional<Definition> find(String code) {
        return all().stream().filter(d -> d.code().equals(code)).findFirst();
    }

    @Override
    public Optional<Definition> forAge(int age) {
        return InstrumentRules.forAge(all(), age);
    }

    @Override
    public Score score(String instrumentCode, Map<String, Integer> domainScores) {
        Definition d = find(instrumentCode).filter(Definition::active)
                .orElseThrow(() -> ValidationException.of("instrumentCode", "caseplan.assessment.instrument.unknown", instrumentCode));
        return InstrumentRules.score(d, domainScores);
    }

    /** A new instrument (active as given); the code must be new. */
    @Transactional
    public Definition create(Definition d) {
        List<Definition> all = all();
        List<ValidationException.FieldProblem> problems = new ArrayList<>(InstrumentRules.problems(d, all));
        if (d.code() != null && all.stream().anyMatch(o -> o.code().equals(d.code()))) {
            problems.add(ValidationException.FieldProblem.of("code", "instrument.code.taken", d.code()));
        }
        if (!problems.isEmpty()) throw new ValidationException(problems);
        jdbc.sql("insert into cw_assessment_instrument (code, name, description, min_age, max_age, active) values (?, ?, ?, ?, ?, ?)")
                .params(d.code(), d.name().strip(), Texts.blankToNull(d.description()), d.minAge(), d.maxAge(), d.active()).update();
        writeParts(d);
        return find(d.code()).orElseThrow();
    }

    /** Changes an instrument (name, description, ages, domains unless used, bands, active) at the version read. */
    @Transactional
    public Definition update(String code, Definition d) {
        Definition changed = new Definition(code, d.name(), d.description(), d.minAge(), d.maxAge(), d.domains(), d.bands(), d.active(), d.version());
        Definition current = find(code).orElseThrow(() -> ValidationException.of("code", "caseplan.assessment.instrument.unknown", code));
        InstrumentRules.check(changed, all());
        boolean used = jdbc.sql("select exists (select 1 from cw_assessment where instrument_code = ?)").param(code).query(Boolean.class).single();
        if (used && !shape(current).equals(shape(changed))) throw ValidationException.of("domains", "instrument.domains.inUse");
        if (current.active() && !changed.active() && isDefault(code)) throw ValidationException.of("active", "instrument.default.active");
        int n = jdbc.sql("""
                update cw_assessment_instrument set name = ?, description = ?, min_age = ?, max_age = ?, active = ?, version = version + 1
                 where code = ? and version = ?""")
                .params(changed.name().strip(), Texts.blankToNull(changed.description()), changed.minAge(), changed.maxAge(), changed.active(), code,
                        d.version()).update();
        if (n == 0) throw ConflictException.stale();
        writeParts(changed);
        return find(code).orElseThrow();
    }

    /** The domains without their names: what a used instrument must keep (names may be corrected). */
    private static List<String> shape(Definition d) {
        return d.domains().stream().map(x -> x.code() + ":" + x.maxScore()).toList();
    }

    private boolean isDefault(String code) {
        return jdbc.sql("select default_instrument from cw_assessment_instrument where code = ?").param(code).query(Boolean.class).single();
    }

    private void writeParts(Definition d) {
        jdbc.sql("delete from cw_instrument_domain where instrument_code = ?").param(d.code()).update();
        int position = 0;
        for (Domain dom : d.domains()) {
            jdbc.sql("insert into cw_instrument_domain (instrument_code, domain, label, max_score, position) values (?, ?, ?, ?, ?)")
                    .params(d.code(), dom.code(), dom.name().strip(), dom.maxScore(), ++position).update();
        }
        jdbc.sql("delete from cw_instrument_band where instrument_code = ?").param(d.code()).update();
        for (Band b : d.bands()) {
            jdbc.sql("insert into cw_instrument_band (instrument_code, risk_level, min_total) values (?, ?, ?)").params(d.code(), b.level(), b.minTotal()).update();
        }
    }
}
