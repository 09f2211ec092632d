package dk.vendepunkt.organisation.web;

import dk.vendepunkt.organisation.StaffDirectory;
import dk.vendepunkt.organisation.StaffMember;
import dk.vendepunkt.organisation.internal.SsoLogin;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Login page and the start page of a signed-in staff member. */
@Controller
class HomeController {

    private final StaffDirectory staff;
    private final SsoLogin login;

    HomeController(StaffDirectory staff, SsoLogin login) {
        this.staff = staff;
        this.login = login;
    }

    /** The login form (unless switched off) and a "Log ind med kommunens login" button per single sign-on provider. */
    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("login", login);
        return "login";
    }

    @GetMapping("/")
    String home(Authentication auth, Model model) {
        String name = staff.findByUsername(auth.getName()).map(StaffMember::displayName).orElse(auth.getName());
        model.addAttribute("user", Map.of("displayName", name));
        return "index";
    }
}
