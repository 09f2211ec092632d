package dk.vendepunkt.people.internal;

import dk.vendepunkt.areas.AreaDirectory;
import dk.vendepunkt.audit.AuditAction;
import dk.vendepunkt.audit.AuditLog;
import dk.vendepunkt.audit.AuditedAccessDenied;
import dk.vendepunkt.organisation.CurrentUser;
import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.organisation.StaffMember;
import dk.vendepunkt.people.CprNumber;
import dk.vendepunkt.people.PersonDirectory;
import dk.vendepunkt.people.PersonSummary;
import dk.vendepunkt.platform.ConflictException;
import dk.vendepunkt.platform.NotFoundException;
import dk.vendepunkt.platform.Texts;
import dk.vendepunkt.platform.ValidationException;
import dk.vendepunkt.platform.ValidationException.FieldProblem;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Persons: registration, search, reading and changing, revealing the CPR number. Every read and
 * change is audited; caseworkers and programme managers reach only persons of their own teams.
 */
@Service
public class PersonService implements PersonDirectory, dk.vendepunkt.audit.AuditPersonLookup {

    private final JdbcClient jdbc;
    private final CprVault vault;
    private final AuditLog audit;
    private final CurrentUser currentUser;
    private final CprLookupLimit lookupLimit;
    private final PersonReach reach;
    private final Clock clock;
    private final AreaDirectory areas;

    PersonService(JdbcClient jdbc, CprVault vault, AuditLog audit, CurrentUser currentUser, CprLookupLimit lookupLimit,
                  PersonReach reach, Clock clock, AreaDirectory areas) {
        this.reach = reach;
        this.clock = clock;
        this.areas = areas;
        this.jdbc = jdbc;
        this.vault = vault;
        this.audit = audit;
        this.currentUser = currentUser;
        this.lookupLimit = lookupLimit;
    }

    /** Shortest reason for revealing a CPR number (trimmed), and the fewest words in it. */
    static final int REVEAL_REASON_MIN_CHARS = 10;
    static final int REVEAL_REASON_MIN_WORDS = 2;
    static final int REVEAL_REASON_MAX_CHARS = 500;

    /** The full person record for the person page and the API (CPR masked). */
    public record PersonDetails(long id, String maskedCpr, LocalDate birthDate, int age, String firstName, String lastName,
                                String phone, String email, String address, String districtCode, int version) {}

    public record PersonChange(String firstName, String lastName, String phone, String email, String address,
                               String districtCode, int version) {}

    private static final String COLUMNS = "id, birth_date, first_name, last_name, phone, email, address, district_code, version";

    /**
     * A person as lists and pages show them: the masked CPR number is the birth date's DDMMYY (the birth date is the
     * CPR number's date part, stored when the person is registered and never changed), so no list decrypts a CPR
     * number; only {@link #revealCpr} does.
     */
    private PersonDetails details(ResultSet rs, int i) throws SQLException {
        LocalDate birth = rs.getObject("birth_date", LocalDate.class);
        String masked = String.format("%02d%02d%02d-XXXX", birth.getDayOfMonth(), birth.getMonthValue(), birth.getYear() % 100);
        return new PersonDetails(rs.getLong("id"), masked, birth, java.time.Period.between(birth, LocalDate.now(clock)).getYears(),
                rs.getString("first_name"), rs.getString("last_name"), rs.getString("phone"), rs.getString("email"),
                rs.getString("address"), rs.getString("district_code"), rs.getInt("version"));
    }

    private static PersonSummary summary(PersonDetails d) {
        return new PersonSummary(d.id(), d.maskedCpr(), d.birthDate(), d.firstName(), d.lastName(), d.districtCode());
    }

    private StaffMember caseStaff() {
        StaffMember u = currentUser.require();
        if (!u.hasRole(Role.CASEWORKER) && !u.hasRole(Role.PROGRAMME_MANAGER)) {
            audit.record(AuditAction.DENIED, null, null, "person", "rollen giver ikke adgang");
            throw new AuditedAccessDenied("Only caseworkers and programme managers work with persons");
        }
        return u;
    }

    @Override
    public Reach reach(long personId) {
        return currentUser.get().map(u -> reach.of(u, personId)).orElse(Reach.OUTSIDE);
    }

    @Override
    public boolean canAccess(long personId) {
        Reach r = reach(personId);
        return r == Reach.TEAM || r == Reach.BREAK_GLASS;
    }

    @Override
    public void checkAccess(long personId) {
        check(personId, null, "person", null);
    }

    @Override
    public void checkCase(long personId, Long enrolmentId, String subject, boolean ownCase) {
        check(personId, enrolmentId, subject, ownCase);
    }

    /** The one rule (see {@link Reach}); {@code ownCase} null means "the person itself": own when in the user's teams. */
    private void check(long personId, Long enrolmentId, String subject, Boolean ownCase) {
        Reach r = reach(personId);
        if (r == Reach.BARRED) {
            audit.record(AuditAction.DENIED, personId, enrolmentId, subject, "begrænsning på personen");
            throw new AuditedAccessDenied("Person " + personId + " is restricted for the user");
        }
        boolean own = ownCase == null ? r == Reach.TEAM : ownCase;
        if (own) return;
        if (r == Reach.BREAK_GLASS) {
            audit.record(AuditAction.BREAK_GLASS, personId, enrolmentId, subject, "adgang ved bryd glasset");
            return;
        }
        audit.record(AuditAction.DENIED, personId, enrolmentId, subject, "uden for brugerens teams");
        throw new AuditedAccessDenied("Person " + personId + " is outside the user's teams");
    }

    @Override
    public Set<Long> accessible(Collection<Long> personIds) {
        return currentUser.get().map(u -> reach.accessible(u, personIds)).orElse(Set.of());
    }

    @Override
    public Set<Long> barred(Collection<Long> personIds) {
        return currentUser.get().map(u -> reach.barred(u, personIds)).orElse(Set.of());
    }

    /**
     * A CPR search that found nobody among the user's persons: the person with that number when registered and
     * outside the user's teams (not barred to them), so the page can offer break-the-glass. The answer is audited as
     * DENIED on that person; a query that is not a CPR number, an unknown number and a barred person give empty.
     */
    public Optional<Long> outsideTeams(String query) {
        StaffMember u = caseStaff();
        Optional<CprNumber> cpr = CprNumber.parse(query == null ? "" : query);
        Optional<Long> id = cpr.flatMap(c -> idForBlindIndex(vault.hash(c))).filter(p -> reach.of(u, p) == Reach.OUTSIDE);
        id.ifPresent(p -> audit.record(AuditAction.DENIED, p, null, "personsøgning: CPR-nummeret kendes uden for brugerens teams", hashRef(cpr.get())));
        return id;
    }

    /** A user's look-up of a CPR number: counted against the hourly limit (429 and audited above it). */
    private Optional<Long> lookUp(StaffMember u, CprNumber cpr) {
        String hash = vault.hash(cpr);
        lookupLimit.count(u.username(), hash);
        return idForBlindIndex(hash);
    }

    @Override
    public boolean isRegistered(CprNumber cpr) {
        return lookUp(caseStaff(), cpr).isPresent();
    }

    /** The first characters of the keyed hash: names a CPR number in the audit log without the number. */
    private String hashRef(CprNumber cpr) {
        return "cpr hash " + vault.hash(cpr).substring(0, 12);
    }

    @Override
    @Transactional
    public long registerOrFind(NewPerson p) {
        StaffMember u = caseStaff();
        List<FieldProblem> problems = new ArrayList<>();
        Optional<CprNumber> cpr = CprNumber.parse(p.cpr());
        if (cpr.isEmpty()) problems.add(new FieldProblem("cpr", "person.cpr.invalid", new Object[0]));
        if (!u.teamIds().contains(p.teamId())) problems.add(new FieldProblem("teamId", "person.team.notYours", new Object[0]));
        Optional<Long> existing = cpr.flatMap(c -> lookUp(u, c));
        if (existing.isEmpty()) validateNames(p.firstName(), p.lastName(), problems);
        if (existing.isEmpty()) validateDistrict(p.districtCode(), problems);
        if (!problems.isEmpty()) throw new ValidationException(problems);
        if (existing.isPresent()) {
            boolean known = canAccess(existing.get());
            grantTeam(existing.get(), p.teamId());
            if (!known) {
                // the referring team sees the master data from now on; other teams' forløb and notes stay closed
                audit.record(AuditAction.UPDATE, existing.get(), null, "person: teamadgang givet ved henvisning (kun stamdata)",
                        "team " + p.teamId());
            }
            return existing.get();
        }
        long id = insert(cpr.get(), p, u.username());
        audit.person(AuditAction.CREATE, id, "person");
        return id;
    }

    /** Creates a new person; a CPR number that is already registered is refused. */
    @Transactional
    public long create(NewPerson p) {
        StaffMember u = caseStaff();
        List<FieldProblem> problems = new ArrayList<>();
        Optional<CprNumber> cpr = CprNumber.parse(p.cpr());
        Optional<Long> existing = cpr.flatMap(c -> lookUp(u, c));
        if (cpr.isEmpty()) {
            problems.add(new FieldProblem("cpr", "person.cpr.invalid", new Object[0]));
        } else if (existing.isPresent() && canAccess(existing.get())) {
            problems.add(new FieldProblem("cpr", "person.cpr.duplicate", new Object[0]));
        } else if (existing.isPresent()) {
            // known outside the user's teams: say so, and nothing else; the attempt is logged on that person
            audit.record(AuditAction.DENIED, existing.get(), null, "person: registrering med et CPR-nummer, der kendes i et andet team",
                    hashRef(cpr.get()));
            problems.add(new FieldProblem("cpr", "person.cpr.existsElsewhere", new Object[0]));
        }
        if (!u.teamIds().contains(p.teamId())) problems.add(new FieldProblem("teamId", "person.team.notYours", new Object[0]));
        validateNames(p.firstName(), p.lastName(), problems);
        validateDistrict(p.districtCode(), problems);
        if (!problems.isEmpty()) throw new ValidationException(problems);
        long id = insert(cpr.get(), p, u.username());
        audit.person(AuditAction.CREATE, id, "person");
        return id;
    }

    private long insert(CprNumber cpr, NewPerson p, String by) {
        long id;
        try {
            id = jdbc.sql("""
                    insert into ppl_person (cpr_cipher, cpr_hash, birth_date, first_name, last_name, phone, email, address, district_code, created_by)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                    .params(vault.encrypt(cpr), vault.hash(cpr), cpr.birthDate(), p.firstName().trim(), p.lastName().trim(),
                            blank(p.phone()), blank(p.email()), blank(p.address()), blank(p.districtCode()), by)
                    .query(Long.class).single();
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw ValidationException.of("cpr", "person.cpr.duplicate");
        }
        grantTeam(id, p.teamId());
        return id;
    }

    private static void validateNames(String first, String last, List<FieldProblem> problems) {
        if (first == null || first.isBlank()) problems.add(new FieldProblem("firstName", "person.firstName.required", new Object[0]));
        if (last == null || last.isBlank()) problems.add(new FieldProblem("lastName", "person.lastName.required", new Object[0]));
        Texts.check(problems, "firstName", first, Texts.SHORT);
        Texts.check(problems, "lastName", last, Texts.SHORT);
    }

    /** "Bydel/distrikt" is empty or the code of an imported area (a bydel or a district; the areas module). */
    private void validateDistrict(String code, List<FieldProblem> problems) {
        String c = blank(code);
        if (c != null && areas.byCode(c).isEmpty()) problems.add(FieldProblem.of("districtCode", "person.district.unknown", c));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    public PersonDetails get(long personId) {
        caseStaff();
        PersonDetails d = jdbc.sql("select " + COLUMNS + " from ppl_person where id = ?").param(personId)
                .query(this::details).optional().orElseThrow(() -> new NotFoundException("person.notFound", personId));
        checkAccess(personId);
        audit.person(AuditAction.READ, personId, "person");
        return d;
    }

    @Override
    public PersonSummary read(long personId, String subject) {
        caseStaff();
        PersonDetails d = jdbc.sql("select " + COLUMNS + " from ppl_person where id = ?").param(personId)
                .query(this::details).optional().orElseThrow(() -> new NotFoundException("person.notFound", personId));
        checkAccess(personId);
        audit.person(AuditAction.READ, personId, subject);
        return summary(d);
    }

    @Override
    public List<PersonSummary> summaries(Collection<Long> personIds) {
        if (personIds.isEmpty()) return List.of();
        return jdbc.sql("select " + COLUMNS + " from ppl_person where id = any(?)").param(personIds.toArray(Long[]::new))
                .query(this::details).list().stream().map(PersonService::summary).toList();
    }

    /**
     * The CPR number in full; the user states why, and the reveal is audited with that reason. The reason, trimmed,
     * must have at least {@value #REVEAL_REASON_MIN_CHARS} characters and {@value #REVEAL_REASON_MIN_WORDS} words
     * (at most {@value #REVEAL_REASON_MAX_CHARS} characters).
     */
    public String revealCpr(long personId, String reason) {
        caseStaff();
        byte[] c = jdbc.sql("select cpr_cipher from ppl_person where id = ?").param(personId).query(byte[].class)
                .optional().orElseThrow(() -> new NotFoundException("person.notFound", personId));
        checkAccess(personId);
        String why = reason == null ? "" : reason.strip();
        if (why.length() < REVEAL_REASON_MIN_CHARS || why.split("\\s+").length < REVEAL_REASON_MIN_WORDS) {
            throw ValidationException.of("reason", "person.cpr.reason.required", REVEAL_REASON_MIN_CHARS, REVEAL_REASON_MIN_WORDS);
        }
        if (why.length() > REVEAL_REASON_MAX_CHARS) {
            throw ValidationException.of("reason", "person.cpr.reason.tooLong", REVEAL_REASON_MAX_CHARS);
        }
        audit.record(AuditAction.REVEAL_CPR, personId, null, "cpr", why);
        return vault.decrypt(c).formatted();
    }

    @Transactional
    public void update(long personId, PersonChange ch) {
        caseStaff();
        checkAccess(personId);
        List<FieldProblem> problems = new ArrayList<>();
        validateNames(ch.firstName(), ch.lastName(), problems);
        validateDistrict(ch.districtCode(), problems);
        if (!problems.isEmpty()) throw new ValidationException(problems);
        int n = jdbc.sql("""
                update ppl_person set first_name = ?, last_name = ?, phone = ?, email = ?, address = ?, district_code = ?,
                       version = version + 1 where id = ? and version = ?""")
                .params(ch.firstName().trim(), ch.lastName().trim(), blank(ch.phone()), blank(ch.email()), blank(ch.address()),
                        blank(ch.districtCode()), personId, ch.version()).update();
        if (n == 0) throw ConflictException.stale();
        audit.person(AuditAction.UPDATE, personId, "person");
    }

    @Override
    public List<PersonSummary> search(String query, int limit) {
        StaffMember u = caseStaff();
        Texts.require("q", query, Texts.SHORT);
        if (query == null || query.isBlank() || u.teamIds().isEmpty()) return List.of();
        Long[] teams = u.teamIds().toArray(Long[]::new);
        var now = PersonReach.param(reach.now());
        String reachable = " and not " + PersonReach.BARRED + " and (" + PersonReach.IN_TEAMS + " or " + PersonReach.GLASS_OPEN + ")";
        Optional<CprNumber> cpr = CprNumber.parse(query);
        List<PersonDetails> found;
        if (cpr.isPresent()) {
            lookupLimit.count(u.username(), vault.hash(cpr.get()));
            found = jdbc.sql("select " + COLUMNS + " from ppl_person p where cpr_hash = ?" + reachable)
                    .params(vault.hash(cpr.get()), u.username(), teams, u.username(), now, now).query(this::details).list();
        } else {
            String like = "%" + query.trim().toLowerCase().replace("%", "\\%").replace("_", "\\_") + "%";
            // from the persons the user reaches (their teams' and an open break-the-glass), not the whole register: the
            // same rule as PersonReach's fragments, driven by ppl_person_team's index instead of a scan of every person
            found = jdbc.sql("select " + COLUMNS + " from ppl_person p where p.id in (" + PersonReach.REACHABLE_IDS + ")"
                            + " and lower(first_name || ' ' || last_name) like ? and not " + PersonReach.BARRED
                            + " order by last_name, first_name limit ?")
                    .params(teams, u.username(), now, now, like, u.username(), limit).query(this::details).list();
        }
        audit.shown(AuditAction.SEARCH, found.stream().map(PersonDetails::id).toList(), "person search", "fund: " + found.size());
        return found.stream().map(PersonService::summary).toList();
    }

    /**
     * For the audit log's viewer (whose route only ADMIN and DPO reach): an exact CPR number through the blind index,
     * otherwise part of the name, over every person regardless of team. The search is itself audited.
     */
    @Override
    public List<Found> find(String query, int limit) {
        Texts.require("person", query, Texts.SHORT);
        if (query == null || query.isBlank()) return List.of();
        Optional<CprNumber> cpr = CprNumber.parse(query);
        List<PersonDetails> found;
        if (cpr.isPresent()) {
            found = jdbc.sql("select " + COLUMNS + " from ppl_person p where cpr_hash = ?").param(vault.hash(cpr.get())).query(this::details).list();
        } else {
            String like = "%" + query.trim().toLowerCase().replace("%", "\\%").replace("_", "\\_") + "%";
            found = jdbc.sql("select " + COLUMNS + " from ppl_person p where lower(first_name || ' ' || last_name) like ? order by last_name, first_name limit ?")
                    .params(like, limit).query(this::details).list();
        }
        audit.shown(AuditAction.SEARCH, found.stream().map(PersonDetails::id).toList(), "person search", "logning: fund: " + found.size());
        return found.stream().map(PersonService::summary)
                .map(p -> new Found(p.id(), p.firstName() + " " + p.lastName() + " (" + p.maskedCpr() + ")")).toList();
    }

    @Override
    public void grantTeam(long personId, long teamId) {
        jdbc.sql("insert into ppl_person_team (person_id, team_id) values (?, ?) on conflict do nothing").params(personId, teamId).update();
    }

    @Override
    public String blindIndex(CprNumber cpr) {
        return vault.hash(cpr);
    }

    @Override
    public Optional<String> blindIndexOf(long personId) {
        return jdbc.sql("select cpr_hash from ppl_person where id = ?").param(personId).query(String.class).optional();
    }

    @Override
    public Optional<Long> idForBlindIndex(String hash) {
        return jdbc.sql("select id from ppl_person where cpr_hash = ?").param(hash).query(Long.class).optional();
    }

    @Override
    @Transactional
    public long registerSystem(CprNumber cpr, String firstName, String lastName, String district, Long teamId) {
        Optional<Long> existing = idForBlindIndex(vault.hash(cpr));
        if (existing.isPresent()) {
            if (teamId != null) grantTeam(existing.get(), teamId);
            return existing.get();
        }
        long id = jdbc.sql("""
                insert into ppl_person (cpr_cipher, cpr_hash, birth_date, first_name, last_name, district_code, created_by)
                values (?, ?, ?, ?, ?, ?, 'system') returning id""")
                .params(vault.encrypt(cpr), vault.hash(cpr), cpr.birthDate(), firstName, lastName, district)
                .query(Long.class).single();
        if (teamId != null) grantTeam(id, teamId);
        audit.person(AuditAction.CREATE, id, "person (system)");
        return id;
    }
}
