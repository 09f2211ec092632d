package dk.vendepunkt.organisation.internal;

import static dk.vendepunkt.platform.Texts.blankToNull;

import dk.vendepunkt.organisation.Department;
import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.organisation.StaffAccountEvent;
import dk.vendepunkt.organisation.StaffFunction;
import dk.vendepunkt.organisation.StaffMember;
import dk.vendepunkt.platform.ConflictException;
import dk.vendepunkt.platform.NotFoundException;
import dk.vendepunkt.platform.Texts;
import dk.vendepunkt.platform.ValidationException;
import dk.vendepunkt.platform.ValidationException.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Administration of staff users and teams (ADMIN only; checked by the web layer). */
@Service
public class StaffAdministration {

    private final JdbcStaffRepository repo;
    private final PasswordEncoder encoder;
    private final ApplicationEventPublisher events;

    StaffAdministration(JdbcStaffRepository repo, PasswordEncoder encoder, ApplicationEventPublisher events) {
        this.repo = repo;
        this.encoder = encoder;
        this.events = events;
    }

    /** A user to create; {@code departmentCode}: the department (forvaltning) they come from, null for none. */
    public record NewUser(String username, String displayName, String email, String password,
                          Set<Role> roles, Set<StaffFunction> functions, Set<Long> teamIds, String departmentCode) {
        public NewUser(String username, String displayName, String email, String password, Set<Role> roles, Set<StaffFunction> functions,
                       Set<Long> teamIds) {
            this(username, displayName, email, password, roles, functions, teamIds, null);
        }
    }

    /** A change of a user; {@code departmentCode} replaces the department (null or blank: none), as teamIds replaces the teams. */
    public record UserChange(String displayName, String email, boolean enabled, Set<Role> roles,
                             Set<StaffFunction> functions, Set<Long> teamIds, int version, String departmentCode) {
        public UserChange(String displayName, String email, boolean enabled, Set<Role> roles, Set<StaffFunction> functions,
                          Set<Long> teamIds, int version) {
            this(displayName, email, enabled, roles, functions, teamIds, version, null);
        }
    }

    public List<Department> departments() {
        return repo.departments();
    }

    @Transactional
    public long createUser(NewUser u) {
        List<FieldProblem> problems = new ArrayList<>();
        if (u.username() == null || !u.username().matches("[a-z0-9._-]{2,64}")) {
            problems.add(new FieldProblem("username", "user.username.invalid", new Object[0]));
        }
        checkCommon(u.displayName(), u.roles(), problems);
        PasswordPolicy.check(u.password(), u.username()).ifPresent(problems::add);
        departmentProblem(u.departmentCode()).ifPresent(problems::add);
        if (!problems.isEmpty()) throw new ValidationException(problems);
        try {
            long id = repo.insertUser(u.username(), u.displayName().trim(), blankToNull(u.email()),
                    encoder.encode(u.password()), u.roles(), orEmpty(u.functions()));
            Set<Long> teams = u.teamIds() == null ? Set.of() : u.teamIds();
            repo.setTeams(id, teams);
            String department = blankToNull(u.departmentCode());
            if (department != null) repo.setDepartment(id, department);
            audit(StaffAccountEvent.Kind.USER_CREATED, "medarbejder " + u.username(),
                    "roller " + sorted(u.roles()) + (teams.isEmpty() ? "" : "; teams " + sorted(teams))
                            + (department == null ? "" : "; forvaltning " + department));
            return id;
        } catch (DuplicateKeyException e) {
            throw ValidationException.of("username", "user.username.taken", u.username());
        }
    }

    /** Sets the department a staff member comes from (null: none); an unknown department code is refused. */
    @Transactional
    public void setDepartment(long userId, String departmentCode) {
        String code = blankToNull(departmentCode);
        departmentProblem(code).ifPresent(p -> {
            throw new ValidationException(List.of(p));
        });
        repo.setDepartment(userId, code);
        audit(StaffAccountEvent.Kind.USER_CHANGED, "medarbejder " + userId, "forvaltning " + (code == null ? "ingen" : code));
    }

    /** An unknown department code is a problem on the field departmentCode; none (null or blank) is not. */
    private java.util.Optional<FieldProblem> departmentProblem(String departmentCode) {
        String code = blankToNull(departmentCode);
        if (code == null || departments().stream().anyMatch(d -> d.code().equals(code))) return java.util.Optional.empty();
        return java.util.Optional.of(new FieldProblem("departmentCode", "user.department.invalid", new Object[0]));
    }

    @Transactional
    public void updateUser(long id, UserChange c) {
        List<FieldProblem> problems = new ArrayList<>();
        checkCommon(c.displayName(), c.roles(), problems);
        departmentProblem(c.departmentCode()).ifPresent(problems::add);
        if (!problems.isEmpty()) throw new ValidationException(problems);
        StaffMember before = repo.find(id).orElseThrow(() -> new NotFoundException("user.notFound", id));
        if (repo.updateUser(id, c.version(), c.displayName().trim(), blankToNull(c.email()), c.enabled(), c.roles(), orEmpty(c.functions())) == 0) {
            if (repo.userVersion(id) < 0) throw new NotFoundException("user.notFound", id);
            throw ConflictException.stale();
        }
        Set<Long> teams = c.teamIds() == null ? Set.of() : c.teamIds();
        repo.setTeams(id, teams);
        String department = blankToNull(c.departmentCode());
        repo.setDepartment(id, department);
        String change = changes(before, c, teams);
        if (!java.util.Objects.equals(before.departmentCode(), department)) {
            change = (change.isEmpty() ? "" : change + "; ") + "forvaltning " + (department == null ? "ingen" : department);
        }
        if (!change.isEmpty()) audit(StaffAccountEvent.Kind.USER_CHANGED, "medarbejder " + before.username(), change);
    }

    /** Sets a new password (the password policy applies), lifts a lock-out and ends the user's sessions. */
    @Transactional
    public void setPassword(long id, String password) {
        StaffMember user = repo.find(id).orElseThrow(() -> new NotFoundException("user.notFound", id));
        PasswordPolicy.check(password, user.username()).ifPresent(p -> {
            throw new ValidationException(List.of(p));
        });
        repo.setPassword(id, encoder.encode(password));
        audit(StaffAccountEvent.Kind.PASSWORD_RESET, "medarbejder " + user.username(), "ny adgangskode sat; brugerens sessioner afsluttet");
    }

    /** What changed, for the audit log: "deaktiveret; roller +CASEWORKER −ANALYST; teams +3 −5; navn". */
    private static String changes(StaffMember before, UserChange c, Set<Long> teams) {
        List<String> parts = new ArrayList<>();
        if (before.enabled() != c.enabled()) parts.add(c.enabled() ? "aktiveret" : "deaktiveret");
        diff("roller", before.roles(), c.roles(), parts);
        diff("funktioner", before.functions(), orEmpty(c.functions()), parts);
        diff("teams", before.teamIds(), teams, parts);
        if (!before.displayName().equals(c.displayName().trim())) parts.add("navn ændret");
        if (!Objects.equals(before.email(), blankToNull(c.email()))) parts.add("e-mail ændret");
        return String.join("; ", parts);
    }

    static <T extends Comparable<? super T>> void diff(String what, Set<T> before, Set<T> after, List<String> parts) {
        List<String> d = new ArrayList<>();
        after.stream().filter(x -> !before.contains(x)).sorted().forEach(x -> d.add("+" + x));
        before.stream().filter(x -> !after.contains(x)).sorted().forEach(x -> d.add("−" + x));
        if (!d.isEmpty()) parts.add(what + " " + String.join(" ", d));
    }

    static String sorted(Set<?> values) {
        return values.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
    }

    private void audit(StaffAccountEvent.Kind kind, String subject, String change) {
        events.publishEvent(new StaffAccountEvent(kind, null, subject, change));
    }

    @Transactional
    public long createTeam(String name, String department, String description) {
        checkTeam(name, department);
        try {
            long id = repo.insertTeam(name.trim(), department, blankToNull(description));
            audit(StaffAccountEvent.Kind.TEAM_CREATED, "team " + name.trim(), "forvaltning " + department);
            return id;
        } catch (DuplicateKeyException e) {
            throw ValidationException.of("name", "team.name.taken", name);
        }
    }

    @Transactional
    public void updateTeam(long id, int version, String name, String department, String description) {
        checkTeam(name, department);
        try {
            if (repo.updateTeam(id, version, name.trim(), department, blankToNull(description)) == 0) {
                throw ConflictException.stale();
            }
            audit(StaffAccountEvent.Kind.TEAM_CHANGED, "team " + name.trim(), "forvaltning " + department);
        } catch (DuplicateKeyException e) {
            throw ValidationException.of("name", "team.name.taken", name);
        }
    }

    private void checkTeam(String name, String department) {
        List<FieldProblem> problems = new ArrayList<>();
        if (name == null || name.isBlank()) problems.add(new FieldProblem("name", "team.name.required", new Object[0]));
        Texts.check(problems, "name", name, Texts.SHORT);
        if (department == null || repo.departments().stream().noneMatch(d -> d.code().equals(department))) {
            problems.add(new FieldProblem("departmentCode", "team.department.invalid", new Object[0]));
        }
        if (!problems.isEmpty()) throw new ValidationException(problems);
    }

    private static void checkCommon(String displayName, Set<Role> roles, List<FieldProblem> problems) {
        if (displayName == null || displayName.isBlank()) {
            problems.add(new FieldProblem("displayName", "user.displayName.required", new Object[0]));
        }
        Texts.check(problems, "displayName", displayName, Texts.SHORT);
        if (roles == null || roles.isEmpty()) {
            problems.add(new FieldProblem("roles", "user.roles.required", new Object[0]));
        }
    }

    private static Set<StaffFunction> orEmpty(Set<StaffFunction> f) {
        return f == null ? Set.of() : f;
    }
}
