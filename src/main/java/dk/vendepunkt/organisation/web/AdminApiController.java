package dk.vendepunkt.organisation.web;

import dk.vendepunkt.organisation.Department;
import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.organisation.StaffFunction;
import dk.vendepunkt.organisation.StaffMember;
import dk.vendepunkt.organisation.Team;
import dk.vendepunkt.organisation.internal.JdbcStaffRepository;
import dk.vendepunkt.organisation.internal.StaffAdministration;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/admin")
@Tag(name = "Administration", description = "Users, teams and roles (ADMIN)")
class AdminApiController {

    private final JdbcStaffRepository repo;
    private final StaffAdministration admin;

    AdminApiController(JdbcStaffRepository repo, StaffAdministration admin) {
        this.repo = repo;
        this.admin = admin;
    }

    record UserView(long id, String username, String displayName, String email, boolean enabled, Set<Role> roles,
                    Set<StaffFunction> functions, Set<Long> teamIds, int version, String departmentCode) {}

    private UserView view(StaffMember m) {
        return new UserView(m.id(), m.username(), m.displayName(), m.email(), m.enabled(), m.roles(), m.functions(),
                m.teamIds(), repo.userVersion(m.id()), m.departmentCode());
    }

    @GetMapping("/users")
    List<UserView> users() {
        return repo.all().stream().map(this::view).toList();
    }

    @GetMapping("/users/{id}")
    UserView user(@PathVariable long id) {
        return repo.find(id).map(this::view).orElseThrow(() -> new dk.vendepunkt.platform.NotFoundException("user.notFound", id));
    }

    @Operation(summary = "Create a user (password policy: 12-64 characters, not a common password, not the username, not repeated or sequential characters)")
    @PostMapping("/users")
    @ResponseStatus(HttpStatus.CREATED)
    UserView create(@RequestBody StaffAdministration.NewUser user) {
        return user(admin.createUser(user));
    }

    @Operation(summary = "Change a user; send the version you read (409 when stale)")
    @PutMapping("/users/{id}")
    UserView update(@PathVariable long id, @RequestBody StaffAdministration.UserChange change) {
        admin.updateUser(id, change);
        return user(id);
    }

    @GetMapping("/teams")
    List<Team> teams() {
        return repo.teams();
    }

    record NewTeam(String name, String departmentCode, String description) {}

    @PostMapping("/teams")
    @ResponseStatus(HttpStatus.CREATED)
    Team createTeam(@RequestBody NewTeam t) {
        return repo.team(admin.createTeam(t.name(), t.departmentCode(), t.description())).orElseThrow();
    }

    @GetMapping("/departments")
    List<Department> departments() {
        return admin.departments();
    }
}
