package dk.vendepunkt.outcomes.demo;

import dk.vendepunkt.casework.FamilyProgramme;
import dk.vendepunkt.outcomes.internal.OutcomeDerivation;
import dk.vendepunkt.people.PersonDirectory;
import dk.vendepunkt.platform.DemoData;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The register history of the family demo's children (seed 003: 41 % of the first cohort had been charged before the
 * start, 16 % of the last): charges before the start for that share of each cohort, some new charges after it. Keyed by
 * the children's blind index as a register extract would be after matching.
 */
@Component
class FamilyChargesDemoData implements DemoData {

    /** The share charged before the start per enrolment year; other years (the families of now) 25 %. */
    static final Map<Integer, Double> CHARGED_BEFORE = Map.of(2019, 0.41, 2021, 0.28, 2023, 0.16);

    private final FamilyProgramme programme;
    private final PersonDirectory people;
    private final JdbcClient jdbc;
    private final OutcomeDerivation derivation;

    FamilyChargesDemoData(FamilyProgramme programme, PersonDirectory people, JdbcClient jdbc, OutcomeDerivation derivation) {
        this.programme = programme;
        this.people = people;
        this.jdbc = jdbc;
        this.derivation = derivation;
    }

    @Override
    public int order() {
        return 31;
    }

    @Override
    public void load(DemoContext ctx) {
        RandomGenerator rnd = ctx.random();
        Map<Integer, List<FamilyProgramme.Child>> years = new TreeMap<>();
        for (FamilyProgramme.Child c : programme.cohort(ctx.today()).children()) {
            years.computeIfAbsent(c.enrolledOn().getYear(), k -> new ArrayList<>()).add(c);
        }
        List<Long> persons = new ArrayList<>();
        int seq = 0;
        for (var y : years.entrySet()) {
            List<FamilyProgramme.Child> children = y.getValue();
            long charged = Math.round(CHARGED_BEFORE.getOrDefault(y.getKey(), 0.25) * children.size());
            for (int i = 0; i < children.size(); i++) {
                FamilyProgramme.Child c = children.get(i);
                long person = outcomePerson(c.personId());
                persons.add(person);
                if (i < charged) event(person, "CHARGE", c.enrolledOn().minusDays(60 + rnd.nextInt(500)), ++seq);
                // a new charge after the start for about one in six
                if (rnd.nextInt(6) == 0) event(person, "CHARGE", c.enrolledOn().plusDays(90 + rnd.nextInt(600)), ++seq);
            }
        }
        derivation.refresh(persons);
    }

    private long outcomePerson(long personId) {
        String hash = people.blindIndexOf(personId).orElseThrow();
        return jdbc.sql("""
                insert into out_person (person_hash, person_id) values (?, ?)
                on conflict (person_hash) do update set person_id = excluded.person_id returning id""")
                .params(hash, personId).query(Long.class).single();
    }

    private void event(long person, String type, LocalDate on, int seq) {
        jdbc.sql("""
                insert into out_register_event (event_ref, person, event_type, event_date, offence_code, ssp_level, level_from_table)
                values (?, ?, ?, ?, 'STRFL-276-INDBRUD', 3, true)""").params("demo-family-" + seq, person, type, on).update();
    }
}
