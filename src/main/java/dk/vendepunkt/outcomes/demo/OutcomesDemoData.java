package dk.vendepunkt.outcomes.demo;

import dk.vendepunkt.outcomes.imports.EnrolmentImport;
import dk.vendepunkt.outcomes.imports.FollowUpImport;
import dk.vendepunkt.outcomes.imports.ReferenceGroupImport;
import dk.vendepunkt.outcomes.imports.RegisterEventImport;
import dk.vendepunkt.outcomes.internal.OffenceTable;
import dk.vendepunkt.outcomes.internal.OutcomeDerivation;
import dk.vendepunkt.platform.DemoData;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.random.RandomGenerator;
import org.springframework.stereotype.Component;

/**
 * Synthetic history for the effect page: the seed's 166 forløb ended 2010-2014 (Exit 80, KIV 72, Rammemodel 14,
 * as if imported from the old systems; {@link #SEED_HISTORY}), a register extract with charges and convictions, follow-up statuses and a reference group.
 * Rates are drawn around the seeds' levels (42 % not charged with new serious crime one year after discharge,
 * 45 % in education or employment three months after). CPR numbers are fake (serials from 0 to 3999 on made-up
 * birth dates); all files go through the contract imports.
 */
@Component
class OutcomesDemoData implements DemoData {

    private final EnrolmentImport enrolments;
    private final RegisterEventImport events;
    private final FollowUpImport followUps;
    private final ReferenceGroupImport reference;
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;
    private final OffenceTable offences;
    private final OutcomeDerivation derivation;

    OutcomesDemoData(EnrolmentImport enrolments, RegisterEventImport events, FollowUpImport followUps, ReferenceGroupImport reference,
                     org.springframework.jdbc.core.JdbcTemplate jdbc, OffenceTable offences, OutcomeDerivation derivation) {
        this.jdbc = jdbc;
        this.offences = offences;
        this.derivation = derivation;
        this.enrolments = enrolments;
        this.events = events;
        this.followUps = followUps;
        this.reference = reference;
    }

    @Override
    public int order() {
        return 30;
    }

    static final String[] SERIOUS_CHARGES = {"STRFL-244", "STRFL-245", "STRFL-288", "STRFL-266", "STRFL-276-INDBRUD", "STRFL-291-2", "LEF-SALG"};
    static final String[] MINOR = {"STRFL-276", "STRFL-290", "STRFL-291-1", "LEF-BESIDDELSE", "FAERDSL", "KNIVL"};
    /**
     * Seed 000: "Der har været 166 forløb i EKP fra 2010 til ultimo 2014" — Exit 80, KIV 72, Rammemodel 14. These came
     * from the old systems; KIV was merged into Exit in 2015, so no KIV forløb ends later. Forløb from 2015 on are the
     * case-work demo's, recorded in Vendepunkt itself.
     */
    static final java.util.Map<String, Integer> SEED_HISTORY = seedHistory();
    static final LocalDate HISTORY_FROM = LocalDate.of(2010, 1, 1);
    static final int HISTORY_DAYS = (int) (LocalDate.of(2015, 1, 1).toEpochDay() - HISTORY_FROM.toEpochDay());

    private static java.util.Map<String, Integer> seedHistory() {
        var m = new java.util.LinkedHashMap<String, Integer>();
        m.put("EXIT", 80);
        m.put("KIV", 72);
        m.put("RAMMEMODEL", 14);
        return java.util.Collections.unmodifiableMap(m);
    }

    static final String[] REASONS = {"COMPLETED", "COMPLETED", "COMPLETED", "COMPLETED", "DROPPED_OUT", "DROPPED_OUT", "MOVED", "IMPRISONED",
            "TRANSFERRED", "OTHER"};

    private final class Files {
        final StringBuilder e = new StringBuilder("enrolment_ref,person_key,programme,start_date,end_date,closure_reason,gang_related\n");
        final StringBuilder r = new StringBuilder("event_ref,person_key,event_type,event_date,offence_code,ssp_level\n");
        final StringBuilder f = new StringBuilder("person_key,status_date,status\n");
        final StringBuilder g = new StringBuilder("person_key,index_date,label\n");
        int events;

        void event(String cpr, String type, LocalDate date, String code) {
            r.append("demo-r-").append(++events).append(',').append(cpr).append(',').append(type).append(',').append(date).append(',').append(code).append(",\n");
        }
    }

    /** A fake CPR: birth 1988-1999, serial 0000-3999 (7th digit 0-3 = born in the 1900s). */
    static String cpr(int i) {
        LocalDate birth = LocalDate.of(1988, 1, 1).plusDays((i * 37L) % (12 * 365));
        return String.format("%02d%02d%02d-%04d", birth.getDayOfMonth(), birth.getMonthValue(), birth.getYear() % 100, 1000 + (i * 7) % 3000);
    }

    @Override
    public void load(DemoContext ctx) {
        RandomGenerator rnd = ctx.random();
        Files f = new Files();
        int person = 0, enrolment = 0;
        for (var history : SEED_HISTORY.entrySet()) {
            String programme = history.getKey();
            for (int i = 0; i < history.getValue(); i++) {
                String cpr = cpr(++person);
                LocalDate end = HISTORY_FROM.plusDays(rnd.nextInt(HISTORY_DAYS));
                LocalDate start = end.minusDays(120 + rnd.nextInt(540));
                String reason = REASONS[rnd.nextInt(REASONS.length)];
                boolean gang = programme.equals("RAMMEMODEL") || rnd.nextInt(3) == 0;
                f.e.append("demo-").append(programme.toLowerCase()).append('-').append(++enrolment).append(',').append(cpr).append(',')
                        .append(programme).append(',').append(start).append(',').append(end).append(',').append(reason).append(',')
                        .append(gang).append('\n');
                // history before the forløb: what brought them in
                for (int k = 0; k < 1 + rnd.nextInt(3); k++) {
                    f.event(cpr, "CHARGE", start.minusDays(30 + rnd.nextInt(700)), SERIOUS_CHARGES[rnd.nextInt(SERIOUS_CHARGES.length)]);
                }
                // 58 % charged with new serious crime within the year (42 % success, Exit 2014 in docs/sources.md)
                if (rnd.nextDouble() < 0.58) {
                    LocalDate d = end.plusDays(1 + rnd.nextInt(365));
                    String code = SERIOUS_CHARGES[rnd.nextInt(SERIOUS_CHARGES.length)];
                    f.event(cpr, "CHARGE", d, code);
                    // about two thirds of the serious charges end in a conviction for that offence
                    if (rnd.nextInt(3) > 0) f.event(cpr, "CONVICTION", d, code);
                } else if (rnd.nextDouble() < 0.35) {
                    f.event(cpr, "CHARGE", end.plusDays(366 + rnd.nextInt(1500)), SERIOUS_CHARGES[rnd.nextInt(SERIOUS_CHARGES.length)]);
                }
                if (rnd.nextDouble() < 0.5) f.event(cpr, "CHARGE", end.plusDays(1 + rnd.nextInt(700)), MINOR[rnd.nextInt(MINOR.length)]);
                // follow-up at about three months for most forløb; 45 % in education, employment or activation
                if (rnd.nextDouble() < 0.88) {
                    double u = rnd.nextDouble();
                    String status = u < 0.20 ? "EDUCATION" : u < 0.35 ? "EMPLOYMENT" : u < 0.45 ? "ACTIVATION" : "NONE";
                    f.f.append(cpr).append(',').append(end.plusDays(60 + rnd.nextInt(61))).append(',').append(status).append('\n');
                }
            }
        }
        // reference group: young people with a comparable record who did not take part
        for (int i = 0; i < 400; i++) {
            String cpr = cpr(++person);
            LocalDate index = LocalDate.of(2010, 1, 1).plusDays(rnd.nextInt(365 * 12));
            f.g.append(cpr).append(',').append(index).append(",Sammenligningsgruppe 2010-2021\n");
            f.event(cpr, "CHARGE", index.minusDays(30 + rnd.nextInt(300)), SERIOUS_CHARGES[rnd.nextInt(SERIOUS_CHARGES.length)]);
            if (rnd.nextDouble() < 0.66) {
                LocalDate d = index.plusDays(1 + rnd.nextInt(365));
                f.event(cpr, "CHARGE", d, SERIOUS_CHARGES[rnd.nextInt(SERIOUS_CHARGES.length)]);
                if (rnd.nextInt(3) > 0) f.event(cpr, "CONVICTION", d, SERIOUS_CHARGES[rnd.nextInt(SERIOUS_CHARGES.length)]);
            }
            if (rnd.nextDouble() < 0.7) {
                f.f.append(cpr).append(',').append(index.plusDays(60 + rnd.nextInt(61))).append(',').append(rnd.nextDouble() < 0.35 ? "EDUCATION" : "NONE").append('\n');
            }
        }
        enrolments.importFile(stream(f.e));
        events.importFile(stream(f.r));
        followUps.importFile(stream(f.f));
        reference.importFile(stream(f.g));
        registerExtractForCasework(rnd);
    }

    /**
     * Forløb closed in the case-work demo (order 20) reached this module as events; the register extract
     * covers those persons too (with the same rates), keyed by their blind index.
     */
    private void registerExtractForCasework(RandomGenerator rnd) {
        var levels = offences.levels();
        java.util.List<Object[]> rows = new java.util.ArrayList<>();
        java.util.Set<Long> persons = new java.util.HashSet<>();
        int[] n = {0};
        jdbc.query("select person, end_date from out_enrolment where source = 'CASEWORK' and end_date is not null order by id", rs -> {
            long person = rs.getLong(1);
            LocalDate end = rs.getDate(2).toLocalDate();
            if (rnd.nextDouble() >= 0.58) return;
            String code = SERIOUS_CHARGES[rnd.nextInt(SERIOUS_CHARGES.length)];
            LocalDate d = end.plusDays(1 + rnd.nextInt(365));
            rows.add(new Object[] {"demo-cw-" + (++n[0]), person, "CHARGE", d, code, levels.get(code)});
            if (rnd.nextInt(3) > 0) rows.add(new Object[] {"demo-cw-" + (++n[0]), person, "CONVICTION", d, code, levels.get(code)});
            persons.add(person);
        });
        jdbc.batchUpdate("insert into out_register_event (event_ref, person, event_type, event_date, offence_code, ssp_level, level_from_table)"
                + " values (?, ?, ?, ?, ?, ?, true) on conflict do nothing", rows);
        derivation.refresh(persons);
    }

    private static ByteArrayInputStream stream(StringBuilder sb) {
        return new ByteArrayInputStream(sb.toString().getBytes(StandardCharsets.UTF_8));
    }
}
