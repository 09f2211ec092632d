package dk.vendepunkt.people.web;

import dk.vendepunkt.people.internal.RetentionService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The data protection officer's page: ask for a subject-access answer, see what retention removes today. */
@Controller
class DpoPageController {

    private final RetentionService retention;

    DpoPageController(RetentionService retention) {
        this.retention = retention;
    }

    @GetMapping("/dpo")
    String page(Model model) {
        model.addAttribute("preview", retention.preview(retention.today()));
        return "people/dpo";
    }
}
