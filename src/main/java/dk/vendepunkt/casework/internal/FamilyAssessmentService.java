package dk.vendepunkt.casework.internal;

import dk.vendepunkt.casework.RiskInstruments;
import dk.vendepunkt.casework.domain.Decision;
import dk.vendepunkt.casework.domain.FamilyAssessment;
import dk.vendepunkt.casework.domain.FamilyAssessment.JournalSummary;
import dk.vendepunkt.casework.domain.FamilyAssessment.JournalSummaryPolicy;
import dk.vendepunkt.casework.domain.FamilyAssessment.Measure;
import dk.vendepunkt.casework.domain.FamilyCase;
import dk.vendepunkt.casework.domain.FamilyDepartment;
import dk.vendepunkt.casework.domain.RiskLevel;
import dk.vendepunkt.organisation.CurrentUser;
import dk.vendepunkt.people.Disclosures;
import dk.vendepunkt.people.Families;
import dk.vendepunkt.people.Families.Family;
import dk.vendepunkt.people.Families.Member;
import dk.vendepunkt.people.LegalBasis;
import dk.vendepunkt.people.PersonDirectory;
import dk.vendepunkt.people.PersonSummary;
import dk.vendepunkt.platform.ConflictException;
import dk.vendepunkt.platform.Enums;
import dk.vendepunkt.platform.NotFoundException;
import dk.vendepunkt.platform.ValidationException;
import dk.vendepunkt.platform.ValidationException.FieldProblem;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The six-part assessment (udredning) of a family case (issue 13 part 5, {@link FamilyAssessment}): every read and change
 * goes through {@link FamilyCaseService#readPart}/{@link FamilyCaseService#write} (access and audit). Part 1 is assembled
 * from the family and the person directory, part 4 from the children's forløb and their assessments (cw_assessment);
 * nothing of either is copied. Sharing parts 2, 3 and 5 with a department records a disclosure per member concerned in
 * the people module's disclosure log.
 */
@Service
public class FamilyAssessmentService {

    static final String SUBJECT = "udredning";

    private final JdbcClient jdbc;
    private final FamilyCaseService cases;
    private final Families families;
    private final PersonDirectory people;
    private final Disclosures disclosures;
    private final RiskInstruments instruments;
    private final Clock clock;

    FamilyAssessmentService(JdbcClient jdbc, FamilyCaseService cases, Families families, PersonDirectory people, Disclosures disclosures,
                            RiskInstruments instruments, Clock clock) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.families = families;
        this.people = people;
        this.disclosures = disclosures;
        this.instruments = instruments;
        this.clock = clock;
    }

    /** Part 1: a member's master data, as the family and the person directory hold it (masked CPR). */
    public record MemberData(long personId, String name, String maskedCpr, LocalDate birthDate, Integer age, Families.Relation relation,
                             LocalDate memberFrom, String districtCode, List<String> authorityOver) {}

    /** Part 2: a journal summary row; {@code mine}: the current user wrote it (only the author changes it). */
    public record SummaryRow(long id, long personId, String personName, String department, String source, LocalDate summaryDate,
                             String summary, String author, boolean mine, int version) {}

    /** Part 3: a measure in place. */
    public record MeasureRow(long id, long personId, String personName, String department, String measure, LocalDate from, LocalDate to,
                             String createdBy) {}

    /**
     * Part 4: a child's screening: the age, the instrument that fits it (YLS/CMI 12-17, LS/RNR 18+, none under 12), the
     * child's forløb in the case and its assessments (count, the latest's date, instrument and level).
     */
    public record ChildScreening(long personId, String name, Integer age, String fittingInstrument, Long enrolmentId, int assessments,
                                 LocalDate latestOn, String latestInstrument, RiskLevel latestLevel) {
        public boolean screened() {
            return assessments > 0;
        }
    }

    /** A part shared with a department: per member, with the disclosure it was logged as. */
    public record ShareRow(String part, String department, long personId, String personName, long disclosureId, String legalBasis,
                           LocalDate sharedOn, String sharedBy) {}

    /** Whether each completion rule holds (the page lists them). */
    public record Completion(boolean masterData, boolean journalSummaries, boolean overall) {
        public boolean ready() {
            return masterData && journalSummaries && overall;
        }
    }

    /** The whole assessment as the page and the API show it. */
    public record AssessmentView(long familyCaseId, long familyId, String familyName, boolean caseClosed, FamilyAssessment assessment,
                                 List<MemberData> members, List<SummaryRow> journalSummaries, List<MeasureRow> measures,
                                 List<ChildScreening> screening, List<ShareRow> shares, Completion completion) {
        public int version() {
            return assessment.version();
        }

        /** Whether parts 2, 3 and 5 can still change. */
        public boolean editable() {
            return !caseClosed && !assessment.completed();
        }

        /** The children (part 5 asks each one's primary needs). */
        public List<MemberData> children() {
            return members.stream().filter(m -> m.relation() == Families.Relation.CHILD).toList();
        }
    }

    // ------------------------------------------------------------------ reading

    public AssessmentView read(long caseId) {
        FamilyCase c = cases.readPart(caseId, SUBJECT);
        return view(c);
    }

    private AssessmentView view(FamilyCase c) {
        Family f = families.find(c.familyId()).orElseThrow();
        Map<Long, PersonSummary> persons = summaries(f);
        LocalDate today = LocalDate.now(clock);
        Function<Long, String> name = id -> persons.containsKey(id) ? persons.get(id).name()
                : f.members().stream().filter(m -> m.personId() == id).map(Member::name).findFirst().orElse("?");
        List<MemberData> members = f.currentMembers().stream().map(m -> {
            PersonSummary p = persons.get(m.personId());
            LocalDate birth = p != null ? p.birthDate() : m.birthDate();
            return new MemberData(m.personId(), name.apply(m.personId()), p == null ? null : p.maskedCpr(), birth,
                    birth == null ? null : Period.between(birth, today).getYears(), m.relation(), m.from(), p == null ? null : p.districtCode(),
                    m.authorityOver().stream().map(name).sorted().toList());
        }).toList();
        FamilyAssessment a = load(c.id());
        List<SummaryRow> summaries = summaries(c.id(), name);
        List<MeasureRow> measures = jdbc.sql("""
                select id, person_id, department, measure, from_date, to_date, created_by from cw_family_measure
                 where family_case_id = ? order by from_date, id""").param(c.id())
                .query((rs, i) -> new MeasureRow(rs.getLong(1), rs.getLong(2), name.apply(rs.getLong(2)), rs.getString(3), rs.getString(4),
                        rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), rs.getString(7))).list();
        List<ShareRow> shares = jdbc.sql("""
                select part, department, person_id, disclosure_id, legal_basis, shared_on, shared_by from cw_family_part_share
                 where family_case_id = ? order by shared_on desc, id desc""").param(c.id())
                .query((rs, i) -> new ShareRow(rs.getString(1), rs.getString(2), rs.getLong(3), name.apply(rs.getLong(3)), rs.getLong(4),
                        rs.getString(5), rs.getObject(6, LocalDate.class), rs.getString(7))).list();
        FamilyAssessment.CompletionFacts facts = facts(f, members, summaries.size());
        Completion completion = new Completion(FamilyAssessment.CompletionPolicy.masterDataFilled(facts).isEmpty(),
                FamilyAssessment.CompletionPolicy.journalSummariesFilled(facts).isEmpty(),
                FamilyAssessment.CompletionPolicy.overallAssessmentFilled(a, facts.children()).isEmpty());
        return new AssessmentView(c.id(), f.id(), f.name(), c.closed(), a, members, summaries, measures, screening(c, members), shares,
                completion);
    }

    private Map<Long, PersonSummary> summaries(Family f) {
        return people.summaries(f.members().stream().map(Member::personId).distinct().toList()).stream()
                .collect(Collectors.toMap(PersonSummary::id, p -> p, (x, y) -> x));
    }

    private static FamilyAssessment.CompletionFacts facts(Family f, List<MemberData> members, int summaries) {
        return new FamilyAssessment.CompletionFacts(members.size(), (int) members.stream().filter(m -> m.birthDate() == null).count(), summaries,
                f.children().stream().map(Member::personId).toList());
    }

    private List<SummaryRow> summaries(long caseId, Function<Long, String> name) {
        String user = CurrentUser.username();
        return jdbc.sql("""
                select id, person_id, department, source, summary_date, summary, author, version from cw_family_journal_summary
                 where family_case_id = ? order by summary_date desc, id desc""").param(caseId)
                .query((rs, i) -> new SummaryRow(rs.getLong(1), rs.getLong(2), name.apply(rs.getLong(2)), rs.getString(3), rs.getString(4),
                        rs.getObject(5, LocalDate.class), rs.getString(6), rs.getString(7), rs.getString(7).equals(user), rs.getInt(8))).list();
    }

    /**
     * Part 4: the instrument that fits the child's age today ({@link RiskInstruments#forPerson}: YLS/CMI for 12-17, LS/RNR for
     * 18+ with the seed); assessments read from the child's forløb. The screenings themselves: {@link FamilyScreeningService}.
     */
    private List<ChildScreening> screening(FamilyCase c, List<MemberData> members) {
        Map<Long, FamilyCaseService.ChildForlob> forlob = cases.childEnrolments(c.id()).stream()
                .collect(Collectors.toMap(FamilyCaseService.ChildForlob::personId, e -> e, (x, y) -> y));
        List<ChildScreening> out = new ArrayList<>();
        for (MemberData m : members) {
            if (m.relation() != Families.Relation.CHILD) continue;
            String fitting = m.birthDate() == null ? null
                    : instruments.forPerson(m.birthDate(), LocalDate.now(clock)).map(RiskInstruments.Definition::name).orElse(null);
            FamilyCaseService.ChildForlob e = forlob.get(m.personId());
            if (e == null) {
                out.add(new ChildScreening(m.personId(), m.name(), m.age(), fitting, null, 0, null, null, null));
                continue;
            }
            record Latest(int count, LocalDate on, String instrument, String level) {}
            Latest l = jdbc.sql("""
                    select (select count(*) from cw_assessment where enrolment_id = :e), a.assessed_on, i.name, a.risk_level
                      from cw_assessment a join cw_assessment_instrument i on i.code = a.instrument_code
                     where a.enrolment_id = :e order by a.assessed_on desc, a.id desc limit 1""").param("e", e.enrolmentId())
                    .query((rs, i) -> new Latest(rs.getInt(1), rs.getObject(2, LocalDate.class), rs.getString(3), rs.getString(4)))
                    .optional().orElse(new Latest(0, null, null, null));
            out.add(new ChildScreening(m.personId(), m.name(), m.age(), fitting, e.enrolmentId(), l.count(), l.on(), l.instrument(),
                    l.level() == null ? null : RiskLevel.valueOf(l.level())));
        }
        return out;
    }

    /** The stored assessment (a new draft at version 0 before anything is saved). */
    FamilyAssessment load(long caseId) {
        Map<Long, String> needs = new LinkedHashMap<>();
        jdbc.sql("select person_id, primary_needs from cw_family_child_need where family_case_id = ? order by person_id").param(caseId)
                .query((rs, i) -> needs.put(rs.getLong(1), rs.getString(2))).list();
        return jdbc.sql("""
                select status, resources, challenges, completed_on, completed_by, version from cw_family_assessment where family_case_id = ?""")
                .param(caseId)
                .query((rs, i) -> new FamilyAssessment(caseId, FamilyAssessment.Status.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3),
                        needs, rs.getObject(4, LocalDate.class), rs.getString(5), rs.getInt(6)))
                .optional().orElse(FamilyAssessment.draft(caseId));
    }

    // ------------------------------------------------------------------ changing

    /** Part 5: resources, challenges and the children's primary needs; {@code version} as read (409 when stale). */
    @Transactional
    public AssessmentView writeOverall(long caseId, FamilyAssessment.Overall overall, Integer version) {
        FamilyCase c = cases.write(caseId, SUBJECT + ": samlet vurdering");
        Family f = families.find(c.familyId()).orElseThrow();
        FamilyAssessment current = locked(caseId, version);
        store(current, current.writeOverall(overall, version, f.children().stream().map(Member::personId).toList()));
        return view(c);
    }

    /** Completes the assessment (parts 1, 2 and 5 filled); {@code on} null = today. */
    @Transactional
    public AssessmentView complete(long caseId, LocalDate on, Integer version) {
        FamilyCase c = cases.write(caseId, SUBJECT + ": afslutning af udredningen");
        AssessmentView v = view(c);
        FamilyAssessment current = locked(caseId, version);
        Family f = families.find(c.familyId()).orElseThrow();
        store(current, current.complete(facts(f, v.members(), v.journalSummaries().size()), on, version, CurrentUser.username(),
                LocalDate.now(clock)));
        return view(c);
    }

    /** The assessment row locked for a change, the version checked against {@code basedOn} (409 when stale). */
    private FamilyAssessment locked(long caseId, Integer basedOn) {
        jdbc.sql("insert into cw_family_assessment (family_case_id) values (?) on conflict do nothing").param(caseId).update();
        jdbc.sql("select version from cw_family_assessment where family_case_id = ? for update").param(caseId).query(Integer.class).single();
        FamilyAssessment a = load(caseId);
        if (basedOn != null && basedOn != a.version()) throw ConflictException.stale();
        return a;
    }

    private void store(FamilyAssessment before, Decision<FamilyAssessment> decision) {
        FamilyAssessment a = decision.orThrow().result();
        int n = jdbc.sql("""
                update cw_family_assessment set status = ?, resources = ?, challenges = ?, completed_on = ?, completed_by = ?, version = ?
                 where family_case_id = ? and version = ?""")
                .params(a.status().name(), a.resources(), a.challenges(), a.completedOn(), a.completedBy(), a.version(), a.familyCaseId(),
                        before.version()).update();
        if (n == 0) throw ConflictException.stale();
        jdbc.sql("delete from cw_family_child_need where family_case_id = ?").param(a.familyCaseId()).update();
        a.primaryNeeds().forEach((child, text) -> jdbc.sql("insert into cw_family_child_need (family_case_id, person_id, primary_needs) values (?, ?, ?)")
                .params(a.familyCaseId(), child, text).update());
    }

    /** Part 2: adds a journal summary (not a copy: at most {@value FamilyAssessment#SUMMARY_MAX} characters). Returns its id. */
    @Transactional
    public long addSummary(long caseId, JournalSummary s) {
        FamilyCase c = cases.write(caseId, SUBJECT + ": journalresumé");
        draftOnly(caseId);
        check(JournalSummaryPolicy.problems(s, memberIds(c), LocalDate.now(clock)));
        return jdbc.sql("""
                insert into cw_family_journal_summary (family_case_id, person_id, department, source, summary_date, summary, author)
                values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(caseId, s.personId(), s.department(), s.source().strip(), s.summaryDate(), s.summary().strip(), CurrentUser.username())
                .query(Long.class).single();
    }

    /** Part 2: changes a journal summary: only its author, only while the assessment is a draft; {@code version} as read. */
    @Transactional
    public void updateSummary(long caseId, long summaryId, JournalSummary s, Integer version) {
        FamilyCase c = cases.write(caseId, SUBJECT + ": journalresumé");
        draftOnly(caseId);
        String author = jdbc.sql("select author from cw_family_journal_summary where id = ? and family_case_id = ?").params(summaryId, caseId)
                .query(String.class).optional().orElseThrow(() -> new NotFoundException("familywork.summary.notFound", summaryId));
        List<FieldProblem> problems = new ArrayList<>();
        JournalSummaryPolicy.onlyAuthor(author, CurrentUser.username()).ifPresent(problems::add);
        if (version == null) problems.add(FieldProblem.of("version", "common.version.required"));
        problems.addAll(JournalSummaryPolicy.problems(s, memberIds(c), LocalDate.now(clock)));
        check(problems);
        int n = jdbc.sql("""
                update cw_family_journal_summary set person_id = ?, department = ?, source = ?, summary_date = ?, summary = ?, version = version + 1
                 where id = ? and version = ?""")
                .params(s.personId(), s.department(), s.source().strip(), s.summaryDate(), s.summary().strip(), summaryId, version).update();
        if (n == 0) throw ConflictException.stale();
    }

    /** Part 3: adds a measure in place for a member. Returns its id. */
    @Transactional
    public long addMeasure(long caseId, Measure m) {
        FamilyCase c = cases.write(caseId, SUBJECT + ": iværksatte indsatser");
        draftOnly(caseId);
        check(FamilyAssessment.measureProblems(m, memberIds(c)));
        return jdbc.sql("""
                insert into cw_family_measure (family_case_id, person_id, department, measure, from_date, to_date, created_by)
                values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(caseId, m.personId(), m.department(), m.measure().strip(), m.from(), m.to(), CurrentUser.username())
                .query(Long.class).single();
    }

    private void draftOnly(long caseId) {
        FamilyAssessment.draftOnly(load(caseId)).ifPresent(p -> {
            throw new ValidationException(List.of(p));
        });
    }

    private static void check(List<FieldProblem> problems) {
        if (!problems.isEmpty()) throw new ValidationException(problems);
    }

    private List<Long> memberIds(FamilyCase c) {
        return families.find(c.familyId()).orElseThrow().currentMembers().stream().map(Member::personId).toList();
    }

    // ------------------------------------------------------------------ sharing

    /** The parts that can be shared with a department. */
    public enum SharedPart { JOURNALS, MEASURES, OVERALL }

    /**
     * Shares a part with a department: a disclosure per member concerned (the members with rows in parts 2 or 3; every
     * current member for part 5) on the legal basis given; for CONSENT, {@code consents} names the consent per member,
     * and the people module refuses one that does not carry the disclosure (the field is then {@code consents[<person id>]}).
     */
    public record Share(String part, String department, String legalBasis, String legalBasisText, Map<Long, Long> consents,
                        LocalDate sharedOn) {}

    @Transactional
    public List<ShareRow> share(long caseId, Share s) {
        FamilyCase c = cases.write(caseId, SUBJECT + ": deling med forvaltning");
        List<FieldProblem> problems = new ArrayList<>();
        SharedPart part = Enums.parseOrNull(SharedPart.class, s.part());
        if (part == null) problems.add(FieldProblem.of("part", "familywork.share.part.required"));
        FamilyDepartment department = Enums.parseOrNull(FamilyDepartment.class, s.department());
        if (department == null) problems.add(FieldProblem.of("department", "familywork.department.required"));
        check(problems);
        List<Long> concerned = switch (part) {
            case JOURNALS -> jdbc.sql("select distinct person_id from cw_family_journal_summary where family_case_id = ? order by 1")
                    .param(caseId).query(Long.class).list();
            case MEASURES -> jdbc.sql("select distinct person_id from cw_family_measure where family_case_id = ? order by 1")
                    .param(caseId).query(Long.class).list();
            case OVERALL -> load(caseId).resources() == null ? List.of() : memberIds(c);
        };
        if (concerned.isEmpty()) throw ValidationException.of("part", "familywork.share.part.empty");
        LocalDate on = s.sharedOn() == null ? LocalDate.now(clock) : s.sharedOn();
        boolean consent = LegalBasis.CONSENT.equals(s.legalBasis());
        String by = CurrentUser.username();
        for (long person : concerned) {
            Long consentId = consent && s.consents() != null ? s.consents().get(person) : null;
            long disclosure;
            try {
                disclosure = disclosures.record(person, new Disclosures.NewDisclosure(department.recipient(), s.legalBasis(), s.legalBasisText(),
                        consentId, scope(part), on, "cw_family_case:" + caseId));
            } catch (ValidationException e) {
                throw new ValidationException(e.problems().stream().map(p -> new FieldProblem(shareField(p.field(), person), p.code(), p.args()))
                        .toList());
            }
            jdbc.sql("""
                    insert into cw_family_part_share (family_case_id, part, department, person_id, disclosure_id, legal_basis, shared_on, shared_by)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(caseId, part.name(), department.name(), person, disclosure, s.legalBasis(), on, by).update();
        }
        return view(c).shares();
    }

    /** The disclosure log's field as the share's: the consent per member, the date shared, the department. */
    private static String shareField(String field, long person) {
        return switch (field) {
            case "consentId" -> "consents[" + person + "]";
            case "disclosedOn" -> "sharedOn";
            case "recipient" -> "department";
            default -> field;
        };
    }

    private static String scope(SharedPart part) {
        return switch (part) {
            case JOURNALS -> "Familieudredning del 2: resuméer af familiens journaler";
            case MEASURES -> "Familieudredning del 3: iværksatte indsatser og tidslinje";
            case OVERALL -> "Familieudredning del 5: samlet tværgående vurdering";
        };
    }
}
