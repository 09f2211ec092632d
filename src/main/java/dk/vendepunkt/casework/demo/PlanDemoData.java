package dk.vendepunkt.casework.demo;

import dk.vendepunkt.casework.domain.ActionPlan;
import dk.vendepunkt.casework.domain.ActionPlan.Action;
import dk.vendepunkt.casework.domain.ActionPlan.Agreement;
import dk.vendepunkt.casework.domain.ActionPlan.Goal;
import dk.vendepunkt.casework.domain.ActionPlan.Version;
import dk.vendepunkt.casework.domain.ActionStatus;
import dk.vendepunkt.casework.domain.Instrument;
import dk.vendepunkt.casework.domain.LifeDomain;
import dk.vendepunkt.casework.domain.NeedLevel;
import dk.vendepunkt.casework.domain.PoolPurchase;
import dk.vendepunkt.casework.domain.PurchaseStatus;
import dk.vendepunkt.casework.domain.ResponsibleDepartment;
import dk.vendepunkt.casework.internal.ActionPlanService;
import dk.vendepunkt.casework.internal.AssessmentService;
import dk.vendepunkt.casework.internal.JournalService;
import dk.vendepunkt.casework.internal.PoolService;
import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.organisation.StaffDirectory;
import dk.vendepunkt.organisation.StaffMember;
import dk.vendepunkt.platform.DemoData;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo data of the plan (order 25, after the forløb of the casework core at 20): for every demo forløb
 * a baseline assessment and re-assessments, an action plan with versions, mentors, journal notes,
 * contacts and pool purchases in every state; pool budgets for each programme and year from 2010.
 * Synthetic text only.
 */
@Component
class PlanDemoData implements DemoData {

    private final JdbcClient jdbc;
    private final AssessmentService assessments;
    private final ActionPlanService plans;
    private final PoolService pool;
    private final StaffDirectory staff;

    PlanDemoData(JdbcClient jdbc, AssessmentService assessments, ActionPlanService plans, PoolService pool, StaffDirectory staff) {
        this.jdbc = jdbc;
        this.assessments = assessments;
        this.plans = plans;
        this.pool = pool;
        this.staff = staff;
    }

    @Override
    public int order() {
        return 25;
    }

    record Forloeb(long id, String programme, long teamId, LocalDate start, LocalDate end) {}

    static final Map<LifeDomain, String[]> SITUATIONS = new EnumMap<>(Map.of(
            LifeDomain.ECONOMY, new String[] {"Gæld til det offentlige og kviklån.", "Ingen fast indtægt; lever af lån fra familien.", "Styr på budgettet med hjælp fra mentor."},
            LifeDomain.HOUSING, new String[] {"Bor på sofaen hos venner.", "Venter på boliganvisning.", "Egen lejlighed siden sidste år."},
            LifeDomain.EDUCATION_EMPLOYMENT, new String[] {"Ingen afsluttet uddannelse efter 9. klasse.", "Har afbrudt to uddannelser.", "Fritidsjob i supermarked."},
            LifeDomain.NETWORK, new String[] {"Omgangskreds primært i gruppen.", "Kontakt til familie er genoptaget.", "Få venner uden for miljøet."},
            LifeDomain.SUBSTANCE_ABUSE, new String[] {"Dagligt hashforbrug.", "Forbrug i weekender.", "Intet aktuelt misbrug."},
            LifeDomain.MENTAL_HEALTH, new String[] {"Søvnproblemer og uro.", "Tidligere udredt for ADHD.", "Ingen kendte problemer."},
            LifeDomain.THREAT_LEVEL, new String[] {"Oplever trusler fra tidligere gruppe.", "Vurderes af politiet som lav.", "Ingen kendte trusler."},
            LifeDomain.CRIMINAL_THINKING, new String[] {"Bagatelliserer egen kriminalitet.", "Begyndende erkendelse af konsekvenser.", "Tager afstand fra tidligere miljø."},
            LifeDomain.LEISURE, new String[] {"Ingen struktureret fritid.", "Træner i fitnesscenter.", "Spiller fodbold i lokal klub."}));

    static final Map<LifeDomain, String[]> GOALS = new EnumMap<>(Map.of(
            LifeDomain.ECONOMY, new String[] {"Lægge et budget og få overblik over gælden", "Søge om afdragsordning"},
            LifeDomain.HOUSING, new String[] {"Få egen bolig", "Flytte væk fra det gamle område"},
            LifeDomain.EDUCATION_EMPLOYMENT, new String[] {"Starte på VUC", "Komme i praktik og derefter job"},
            LifeDomain.NETWORK, new String[] {"Genetablere kontakten til familien", "Finde nye fællesskaber uden for miljøet"},
            LifeDomain.SUBSTANCE_ABUSE, new String[] {"Stoppe hashforbruget", "Starte i misbrugsbehandling"},
            LifeDomain.MENTAL_HEALTH, new String[] {"Blive udredt", "Få hjælp til søvn og uro"},
            LifeDomain.THREAT_LEVEL, new String[] {"Sikkerhedsplan i samarbejde med politiet", "Midlertidig flytning af sikkerhedshensyn"},
            LifeDomain.CRIMINAL_THINKING, new String[] {"Gennemføre samtaleforløb om tankemønstre", "Arbejde med konsekvenstænkning"},
            LifeDomain.LEISURE, new String[] {"Finde en fritidsaktivitet", "Melde sig i en idrætsforening"}));

    /** Actions that fit each domain's goals: text and responsible department. */
    static final Map<LifeDomain, String[][]> ACTIONS = new EnumMap<>(Map.of(
            LifeDomain.ECONOMY, new String[][] {{"Aftale med gældsrådgivning", "EXTERNAL"}, {"Budgetlægning med mentor", "SOF"}},
            LifeDomain.HOUSING, new String[][] {{"Ansøgning om boliganvisning", "SOF"}, {"Møde med boligselskab", "EXTERNAL"}},
            LifeDomain.EDUCATION_EMPLOYMENT, new String[][] {{"Vejledningssamtale i UU", "BUF"}, {"Samtale i jobcentret", "BIF"}, {"Virksomhedspraktik", "BIF"}},
            LifeDomain.NETWORK, new String[][] {{"Familiesamtale", "SOF"}, {"Introduktion til Plus Center", "SOF"}},
            LifeDomain.SUBSTANCE_ABUSE, new String[][] {{"Henvisning til misbrugsbehandling", "SOF"}, {"Opfølgende samtale om forbrug", "SOF"}},
            LifeDomain.MENTAL_HEALTH, new String[][] {{"Henvisning til udredning", "SOF"}, {"Tid hos egen læge", "EXTERNAL"}},
            LifeDomain.THREAT_LEVEL, new String[][] {{"Møde med politiets exitkontakt", "EXTERNAL"}, {"Sikkerhedsplan", "SOF"}},
            LifeDomain.CRIMINAL_THINKING, new String[][] {{"Samtaleforløb om tankemønstre", "SOF"}, {"Forløb hos Kriminalforsorgen", "EXTERNAL"}},
            LifeDomain.LEISURE, new String[][] {{"Besøg i idrætsforening", "EXTERNAL"}, {"Fritidsvejledning", "BUF"}}));

    static final String[] NOTES = {
            "Samtale om status på handleplanen. Borgeren er motiveret.",
            "Telefonopkald: borgeren aflyste mødet og bad om ny tid.",
            "Netværksmøde med jobcenter og mentor. Næste skridt aftalt.",
            "Borgeren fortæller om pres fra tidligere venner. Drøftet sikkerhed.",
            "Hjemmebesøg. Lejligheden er i orden; budget gennemgået.",
            "Opfølgning efter praktikstart: god første uge.",
            "Borgeren mødte ikke op. Sms sendt.",
            "Samtale om fritid; borgeren vil prøve fodbold."};

    static final String[][] PURCHASES = {
            {"Psykologisk udredning", "Privatpraktiserende psykolog", "12000"}, {"Kørekort (teori og praktik)", "Køreskole", "18500"},
            {"Midlertidigt ophold uden for København af sikkerhedshensyn", "Vandrehjem", "9600"}, {"Tatoveringsfjernelse", "Hudklinik", "7500"},
            {"Depositum til værelse", "Privat udlejer", "15000"}, {"Kursus i truckcertifikat", "AMU-center", "4200"},
            {"Misbrugsbehandling (dagbehandling)", "Privat behandlingstilbud", "32000"}, {"Arbejdstøj og sikkerhedssko", "Arbejdstøjsforretning", "1850.50"}};

    @Override
    public void load(DemoContext ctx) {
        RandomGenerator r = ctx.random();
        LocalDate today = ctx.today();
        budgets(today, r);
        generate(ctx, jdbc.sql("select id from cw_enrolment order by id").query(Long.class).list());
    }

    /** Assessments, plans, mentors, journal, contacts and purchases for the given forløb (also used by the test). */
    void generate(DemoContext ctx, List<Long> ids) {
        RandomGenerator r = ctx.random();
        LocalDate today = ctx.today();
        List<Forloeb> all = jdbc.sql("select id, programme, team_id, start_date, end_date from cw_enrolment where id = any(?) order by id")
                .param(ids.toArray(Long[]::new))
                .query((rs, i) -> new Forloeb(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getObject(4, LocalDate.class),
                        rs.getObject(5, LocalDate.class))).list();
        List<StaffMember> people = staff.all();
        Instrument generic = assessments.defaultInstrument();
        for (Forloeb f : all) {
            LocalDate until = f.end() != null ? f.end() : today;
            long days = ChronoUnit.DAYS.between(f.start(), until);
            List<StaffMember> team = people.stream().filter(s -> s.hasRole(Role.CASEWORKER) && s.teamIds().contains(f.teamId())).toList();
            String by = team.isEmpty() ? "exit" : team.get(r.nextInt(team.size())).username();
            contactsAndNotes(f, until, by, r, today);
            if (days < 10) continue;
            Map<LifeDomain, NeedLevel> needs = assessmentSeries(f, until, by, generic, r);
            planVersions(f, until, by, needs, r);
            mentors(f, until, team, r);
            purchases(f, until, by, r, today);
        }
    }

    private void budgets(LocalDate today, RandomGenerator r) {
        Map<String, Integer> base = Map.of("EXIT", 300_000, "RAMMEMODEL", 100_000, "SSP_PLUS", 150_000, "KIV", 120_000);
        List<String> programmes = jdbc.sql("select code from cw_programme").query(String.class).list();
        for (String p : programmes) {
            int amount = base.getOrDefault(p, 300_000);
            for (int year = 2010; year <= today.getYear(); year++) {
                if (p.equals("KIV") && year > 2014) continue;
                if (p.equals("RAMMEMODEL") && year < 2011) continue;
                BigDecimal budget = BigDecimal.valueOf(amount + 25_000L * r.nextInt(5)).setScale(2, RoundingMode.UNNECESSARY);
                jdbc.sql("insert into cw_pool_budget (programme, year, amount, set_by, set_at) values (?, ?, ?, 'leder', ?) on conflict do nothing")
                        .params(p, year, budget, java.sql.Timestamp.valueOf(LocalDate.of(year, 1, 5).atStartOfDay())).update();
            }
        }
    }

    private Map<LifeDomain, NeedLevel> assessmentSeries(Forloeb f, LocalDate until, String by, Instrument instrument, RandomGenerator r) {
        Map<LifeDomain, NeedLevel> needs = new EnumMap<>(LifeDomain.class);
        for (LifeDomain d : LifeDomain.values()) needs.put(d, NeedLevel.values()[1 + r.nextInt(3)]);
        LocalDate on = f.start().plusDays(3 + r.nextInt(7));
        boolean first = true;
        while (!on.isAfter(until)) {
            List<Instrument.Rating> ratings = new ArrayList<>();
            for (LifeDomain d : LifeDomain.values()) {
                String[] s = SITUATIONS.get(d);
                int idx = needs.get(d).ordinal() >= 2 ? 0 : needs.get(d) == NeedLevel.LOW ? 1 : 2;
                ratings.add(new Instrument.Rating(d, s[idx], needs.get(d), null));
            }
            Instrument.Result res = instrument.score(ratings);
            long id = jdbc.sql("""
                    insert into cw_assessment (enrolment_id, instrument_code, kind, assessed_on, total_score, max_score, risk_level, summary, assessed_by)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                    .params(f.id(), instrument.code(), first ? "BASELINE" : "REASSESSMENT", on, res.total(), res.maxTotal(), res.level().name(),
                            first ? "Udgangssituation ved kontakt til programmet (syntetisk)." : "Revurdering efter opfølgning (syntetisk).", by)
                    .query(Long.class).single();
            for (Instrument.Rating rt : ratings) {
                jdbc.sql("insert into cw_assessment_domain (assessment_id, domain, situation, need_level, score) values (?, ?, ?, ?, ?)")
                        .params(id, rt.domain().name(), rt.situation(), rt.needLevel().name(), res.scores().get(rt.domain())).update();
            }
            first = false;
            // needs tend to fall over the forløb, with some setbacks
            for (LifeDomain d : LifeDomain.values()) {
                int n = needs.get(d).ordinal() + (r.nextInt(10) < 6 ? -1 : r.nextInt(10) < 8 ? 0 : 1);
                needs.put(d, NeedLevel.values()[Math.max(0, Math.min(3, n))]);
            }
            on = on.plusDays(150 + r.nextInt(60));
        }
        return needs;
    }

    private void planVersions(Forloeb f, LocalDate until, String by, Map<LifeDomain, NeedLevel> needs, RandomGenerator r) {
        LocalDate on = f.start().plusDays(10 + r.nextInt(10));
        if (on.isAfter(until)) return;
        List<LifeDomain> order = new ArrayList<>(Arrays.asList(LifeDomain.values()));
        java.util.Collections.shuffle(order, new java.util.Random(r.nextLong()));
        order.sort(Comparator.comparing((LifeDomain d) -> needs.get(d)).reversed());
        List<Goal> goals = new ArrayList<>();
        for (int g = 0; g < 2 + r.nextInt(2); g++) goals.add(goal(order.get(g), on, r));
        Optional<Version> current = Optional.empty();
        Version v = ActionPlan.revise(current, 0, goals, null, new Agreement(true, on), by, on);
        plans.store(f.id(), v);
        int versions = 1 + r.nextInt(4);
        for (int n = 1; n < versions; n++) {
            on = on.plusDays(30 + r.nextInt(90));
            if (on.isAfter(until)) break;
            List<Goal> next;
            String reason;
            if (n == 2 && v.goals().size() < 4) {
                next = ActionPlan.withGoal(Optional.of(v), goal(order.get(v.goals().size()), on, r));
                reason = "Nyt mål aftalt på opfølgningsmøde";
            } else {
                int g = r.nextInt(v.goals().size());
                Goal goal = v.goals().get(g);
                if (goal.actions().isEmpty()) continue;
                int a = r.nextInt(goal.actions().size());
                ActionStatus status = r.nextInt(10) < 7 ? ActionStatus.DONE : r.nextBoolean() ? ActionStatus.IN_PROGRESS : ActionStatus.CANCELLED;
                next = ActionPlan.withActionProgress(v, g, a, status, goal.actions().get(a).dueDate());
                reason = status == ActionStatus.DONE ? "Handling gennemført" : status == ActionStatus.CANCELLED ? "Handling opgivet; ny plan drøftes" : "Handling sat i gang";
            }
            v = ActionPlan.revise(Optional.of(v), v.number(), next, reason, new Agreement(r.nextInt(10) < 8, on), by, on);
            plans.store(f.id(), v);
        }
        // a follow-up closes the actions whose due date is long past, so that only recent ones are open or overdue
        LocalDate followUp = until.minusDays(r.nextInt(14));
        if (followUp.isBefore(v.createdOn())) followUp = v.createdOn();
        List<Goal> closedUp = new ArrayList<>();
        boolean changed = false;
        for (Goal g : v.goals()) {
            List<Action> actions = new ArrayList<>();
            for (Action a : g.actions()) {
                boolean open = a.status() == ActionStatus.PLANNED || a.status() == ActionStatus.IN_PROGRESS;
                if (open && a.dueDate() != null && a.dueDate().isBefore(followUp.minusDays(30))) {
                    actions.add(new Action(a.text(), a.department(), a.responsiblePerson(), a.dueDate(),
                            r.nextInt(10) < 8 ? ActionStatus.DONE : ActionStatus.CANCELLED));
                    changed = true;
                } else {
                    actions.add(a);
                }
            }
            closedUp.add(new Goal(g.domain(), g.text(), actions));
        }
        if (changed) {
            plans.store(f.id(), ActionPlan.revise(Optional.of(v), v.number(), closedUp, "Opfølgning på handleplanen",
                    new Agreement(true, followUp), by, followUp));
        }
    }

    private static Goal goal(LifeDomain d, LocalDate on, RandomGenerator r) {
        String[] texts = GOALS.get(d);
        List<Action> actions = new ArrayList<>();
        String[][] options = ACTIONS.get(d);
        int first = r.nextInt(options.length);
        int n = Math.min(options.length, 1 + r.nextInt(2));
        for (int a = 0; a < n; a++) {
            String[] act = options[(first + a) % options.length];
            actions.add(new Action(act[0], ResponsibleDepartment.valueOf(act[1]), r.nextBoolean() ? "Kontaktperson " + (char) ('A' + r.nextInt(6)) : null,
                    on.plusDays(14 + r.nextInt(90)), ActionStatus.PLANNED));
        }
        return new Goal(d, texts[r.nextInt(texts.length)], actions);
    }

    private void mentors(Forloeb f, LocalDate until, List<StaffMember> team, RandomGenerator r) {
        LocalDate start = f.start().plusDays(14 + r.nextInt(14));
        if (start.isAfter(until)) return;
        boolean external = team.isEmpty() || r.nextInt(3) == 0;
        LocalDate end = f.end();
        LocalDate second = r.nextInt(4) == 0 ? start.plusDays(90 + r.nextInt(120)) : null;
        if (second != null && !second.isBefore(until)) second = null;
        insertMentor(f, external, team, start, second != null ? second.minusDays(1) : end, r);
        if (second != null) insertMentor(f, !external || team.isEmpty(), team, second, end, r);
    }

    private void insertMentor(Forloeb f, boolean external, List<StaffMember> team, LocalDate start, LocalDate end, RandomGenerator r) {
        if (external || team.isEmpty()) {
            String[] names = {"Ali Mentorsen", "Berit Støtte", "Carsten Rollemodel", "Dina Vejleder", "Erik Brobygger"};
            String[] orgs = {"Foreningen Ny Start", "Idrætsforeningen Fremad", "Plus Center Nord", "Exit-netværket"};
            jdbc.sql("insert into cw_mentor (enrolment_id, kind, name, organisation, start_date, end_date, created_by) values (?, 'EXTERNAL', ?, ?, ?, ?, 'exit')")
                    .params(f.id(), names[r.nextInt(names.length)], orgs[r.nextInt(orgs.length)], start, end).update();
        } else {
            StaffMember m = team.get(r.nextInt(team.size()));
            jdbc.sql("insert into cw_mentor (enrolment_id, kind, staff_user_id, name, start_date, end_date, created_by) values (?, 'STAFF', ?, ?, ?, ?, 'exit')")
                    .params(f.id(), m.id(), m.displayName(), start, end).update();
        }
    }

    private void contactsAndNotes(Forloeb f, LocalDate until, String by, RandomGenerator r, LocalDate today) {
        JournalService.ContactType[] types = JournalService.ContactType.values();
        LocalDate on = f.start().plusDays(r.nextInt(5));
        int n = 0;
        while (!on.isAfter(until) && n < 24) {
            Boolean attended = r.nextInt(10) < 8;
            jdbc.sql("insert into cw_contact (enrolment_id, contact_date, contact_type, attended, note, recorded_by) values (?, ?, ?, ?, ?, ?)")
                    .params(f.id(), on, types[r.nextInt(types.length)].name(), attended, attended ? null : "Udeblev uden afbud.", by).update();
            if (r.nextInt(3) == 0) {
                jdbc.sql("insert into cw_journal_note (enrolment_id, note_date, text, author) values (?, ?, ?, ?)")
                        .params(f.id(), on, NOTES[r.nextInt(NOTES.length)], by).update();
            }
            on = on.plusDays(10 + r.nextInt(30));
            n++;
        }
        if (f.end() == null) {
            // a planned contact, attendance not yet known
            jdbc.sql("insert into cw_contact (enrolment_id, contact_date, contact_type, attended, recorded_by) values (?, ?, 'MEETING', null, ?)")
                    .params(f.id(), today.plusDays(3 + r.nextInt(10)), by).update();
        }
    }

    private void purchases(Forloeb f, LocalDate until, String by, RandomGenerator r, LocalDate today) {
        int count = r.nextInt(10) < 4 ? 1 + r.nextInt(2) : 0;
        for (int i = 0; i < count; i++) {
            // open forløb often have a recent request; otherwise any time in the forløb
            LocalDate on = f.end() == null && r.nextBoolean() ? until.minusDays(r.nextInt(60))
                    : f.start().plusDays(20 + r.nextInt(Math.max(1, (int) ChronoUnit.DAYS.between(f.start(), until))));
            if (on.isAfter(until)) on = until;
            if (on.isBefore(f.start())) on = f.start();
            String[] p = PURCHASES[r.nextInt(PURCHASES.length)];
            long id = pool.insertPurchase(f.id(), f.programme(), new PoolPurchase.Request(p[0], p[1], new BigDecimal(p[2]).setScale(2), on), by);
            long age = ChronoUnit.DAYS.between(on, today);
            int roll = r.nextInt(10);
            PurchaseStatus status;
            if (age < 60) status = roll < 4 ? PurchaseStatus.REQUESTED : roll < 8 || age < 10 ? PurchaseStatus.APPROVED
                    : roll == 8 ? PurchaseStatus.REJECTED : PurchaseStatus.PAID;
            else if (age < 180) status = roll < 3 ? PurchaseStatus.APPROVED : roll < 9 ? PurchaseStatus.PAID : PurchaseStatus.REJECTED;
            else status = roll < 9 ? PurchaseStatus.PAID : PurchaseStatus.REJECTED;
            java.sql.Timestamp decided = java.sql.Timestamp.valueOf((on.plusDays(2).isAfter(today) ? today : on.plusDays(2)).atStartOfDay());
            switch (status) {
                case REQUESTED -> { }
                case REJECTED -> jdbc.sql("update cw_pool_purchase set status = 'REJECTED', decided_by = 'leder', decided_at = ?, decision_note = ? where id = ?")
                        .params(decided, "Kan dækkes af forvaltningernes kerneydelser.", id).update();
                case APPROVED -> jdbc.sql("update cw_pool_purchase set status = 'APPROVED', decided_by = 'leder', decided_at = ? where id = ?")
                        .params(decided, id).update();
                case PAID -> {
                    LocalDate paid = on.plusDays(10 + r.nextInt(25));
                    if (paid.isAfter(today)) paid = today;
                    jdbc.sql("update cw_pool_purchase set status = 'PAID', decided_by = 'leder', decided_at = ?, paid_on = ? where id = ?")
                            .params(decided, paid, id).update();
                }
            }
        }
    }
}
