package dk.vendepunkt.organisation;

import dk.vendepunkt.platform.ConflictException;
import dk.vendepunkt.platform.NotFoundException;
import dk.vendepunkt.platform.ValidationException;
import dk.vendepunkt.platform.Texts;
import dk.vendepunkt.platform.ValidationException.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Administration of staff users and teams (ADMIN only; checked by the web layer). */
@Service
public class StaffAdministration {

    static final int MIN_PASSWORD_LENGTH = 12;

    private final JdbcStaffRepository repo;
    private final PasswordEncoder encoder;

    StaffAdministration(JdbcStaffRepository repo, PasswordEncoder encoder) {
        this.repo = repo;
        this.encoder = encoder;
    }

    public record NewUser(String username, String displayName, String email, String password,
                          Set<Role> roles, Set<StaffFunction> functions, Set<Long> teamIds) {}

    public record UserChange(String displayName, String email, boolean enabled, Set<Role> roles,
                             Set<StaffFunction> functions, Set<Long> teamIds, int version) {}

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
        checkPassword(u.password(), problems);
        if (!problems.isEmpty()) throw new ValidationException(problems);
        try {
            long id = repo.insertUser(u.username(), u.displayName().trim(), blankToNull(u.email()),
                    encoder.encode(u.password()), u.roles(), orEmpty(u.functions()));
            repo.setTeams(id, u.teamIds() == null ? Set.of() : u.teamIds());
            return id;
        } catch (DuplicateKeyException e) {
            throw ValidationException.of("username", "user.username.taken", u.username());
        }
    }

    @Transactional
    public void updateUser(long id, UserChange c) {
        List<FieldProblem> problems = new ArrayList<>();
        checkCommon(c.displayName(), c.roles(), problems);
        if (!problems.isEmpty()) throw new ValidationException(problems);
        if (repo.updateUser(id, c.version(), c.displayName().trim(), blankToNull(c.email()), c.enabled(), c.roles(), orEmpty(c.functions())) == 0) {
            if (repo.userVersion(id) < 0) throw new NotFoundException("user.notFound", id);
            throw ConflictException.stale();
        }
        repo.setTeams(id, c.teamIds() == null ? Set.of() : c.teamIds());
    }

    @Transactional
    public void setPassword(long id, String password) {
        List<FieldProblem> problems = new ArrayList<>();
        checkPassword(password, problems);
        if (!problems.isEmpty()) throw new ValidationException(problems);
        if (repo.userVersion(id) < 0) throw new NotFoundException("user.notFound", id);
        repo.setPassword(id, encoder.encode(password));
    }

    @Transactional
    public long createTeam(String name, String department, String description) {
        checkTeam(name, department);
        try {
            return repo.insertTeam(name.trim(), department, blankToNull(description));
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

    static void checkPassword(String password, List<FieldProblem> problems) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            problems.add(new FieldProblem("password", "user.password.tooShort", new Object[]{MIN_PASSWORD_LENGTH}));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static Set<StaffFunction> orEmpty(Set<StaffFunction> f) {
        return f == null ? Set.of() : f;
    }
}
