package dk.vendepunkt.organisation.web;

import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.organisation.StaffDirectory;
import dk.vendepunkt.organisation.StaffFunction;
import dk.vendepunkt.organisation.internal.JdbcStaffRepository;
import dk.vendepunkt.organisation.internal.StaffAdministration;
import dk.vendepunkt.platform.FormErrors;
import dk.vendepunkt.platform.ValidationException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin pages for users and teams (ADMIN only, see SecurityConfiguration). */
@Controller
class AdminController {

    private final StaffDirectory directory;
    private final StaffAdministration admin;
    private final FormErrors formErrors;
    private final JdbcStaffRepository repo;

    AdminController(JdbcStaffRepository repo, StaffAdministration admin, FormErrors formErrors) {
        this.repo = repo;
        this.directory = repo;
        this.admin = admin;
        this.formErrors = formErrors;
    }

    private void common(Model model) {
        model.addAttribute("teams", directory.teams());
        model.addAttribute("roles", Role.values());
        model.addAttribute("functions", StaffFunction.values());
        model.addAttribute("departments", admin.departments());
    }

    @GetMapping("/admin/users")
    String users(Model model) {
        model.addAttribute("users", directory.all());
        common(model);
        return "admin/users";
    }

    @PostMapping("/admin/users")
    String createUser(@RequestParam String username, @RequestParam String displayName, @RequestParam(required = false) String email,
                      @RequestParam String password, @RequestParam(required = false) List<Role> roles,
                      @RequestParam(required = false) List<StaffFunction> functions,
                      @RequestParam(required = false) List<Long> teamIds, @RequestParam(required = false) String departmentCode,
                      Model model, RedirectAttributes redirect) {
        try {
            admin.createUser(new StaffAdministration.NewUser(username, displayName, email, password, toSet(roles, Role.class),
                    toSet(functions, StaffFunction.class), teamIds == null ? Set.of() : Set.copyOf(teamIds), departmentCode));
            redirect.addFlashAttribute("flash", formErrors.message("user.created", username));
            return "redirect:/admin/users";
        } catch (ValidationException e) {
            model.addAttribute("errors", formErrors.of(e));
            model.addAttribute("users", directory.all());
            model.addAttribute("form", java.util.Map.of("username", username, "displayName", displayName, "email", email == null ? "" : email,
                    "roles", roles == null ? List.of() : roles, "functions", functions == null ? List.of() : functions,
                    "teamIds", teamIds == null ? List.of() : teamIds, "departmentCode", departmentCode == null ? "" : departmentCode));
            common(model);
            return "admin/users";
        }
    }

    @GetMapping("/admin/users/{id}")
    String editUser(@PathVariable long id, Model model) {
        model.addAttribute("u", directory.find(id).orElseThrow(() -> new dk.vendepunkt.platform.NotFoundException("user.notFound", id)));
        model.addAttribute("version", repo.userVersion(id));
        common(model);
        return "admin/user";
    }

    @PostMapping("/admin/users/{id}")
    String updateUser(@PathVariable long id, @RequestParam String displayName, @RequestParam(required = false) String email,
                      @RequestParam(defaultValue = "false") boolean enabled, @RequestParam(required = false) List<Role> roles,
                      @RequestParam(required = false) List<StaffFunction> functions, @RequestParam(required = false) List<Long> teamIds,
                      @RequestParam int version, @RequestParam(required = false) String newPassword,
                      @RequestParam(required = false) String departmentCode, Model model, RedirectAttributes redirect) {
        Map<String, String> errors = formErrors.attempt(() -> {
            admin.updateUser(id, new StaffAdministration.UserChange(displayName, email, enabled, toSet(roles, Role.class),
                    toSet(functions, StaffFunction.class), teamIds == null ? Set.of() : Set.copyOf(teamIds), version, departmentCode));
            if (newPassword != null && !newPassword.isBlank()) admin.setPassword(id, newPassword);
        });
        if (errors.isEmpty()) {
            redirect.addFlashAttribute("flash", formErrors.message("user.saved"));
            return "redirect:/admin/users";
        }
        model.addAttribute("errors", errors);
        return editUser(id, model);
    }

    @GetMapping("/admin/teams")
    String teams(Model model) {
        common(model);
        return "admin/teams";
    }

    @PostMapping("/admin/teams")
    String createTeam(@RequestParam String name, @RequestParam String departmentCode, @RequestParam(required = false) String description,
                      Model model, RedirectAttributes redirect) {
        try {
            admin.createTeam(name, departmentCode, description);
            redirect.addFlashAttribute("flash", formErrors.message("team.created", name));
            return "redirect:/admin/teams";
        } catch (ValidationException e) {
            model.addAttribute("errors", formErrors.of(e));
            common(model);
            return "admin/teams";
        }
    }

    static <E extends Enum<E>> Set<E> toSet(List<E> list, Class<E> type) {
        return list == null || list.isEmpty() ? EnumSet.noneOf(type) : EnumSet.copyOf(list);
    }
}
