package dk.vendepunkt.organisation.web;

import dk.vendepunkt.organisation.StaffDirectory;
import dk.vendepunkt.organisation.StaffMember;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Login page and the start page of a signed-in staff member. */
@Controller
class HomeController {

    private final StaffDirectory staff;

    HomeController(StaffDirectory staff) {
        this.staff = staff;
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/")
    String home(Authentication auth, Model model) {
        String name = staff.findByUsername(auth.getName()).map(StaffMember::displayName).orElse(auth.getName());
        model.addAttribute("user", Map.of("displayName", name));
        return "index";
    }
}
