package dk.vendepunkt.people.web;

import dk.vendepunkt.people.internal.RetentionService;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The data protection officer's page: ask for a subject-access answer, see what retention removes at a date (default today). */
@Controller
class DpoPageController {

    private final RetentionService retention;

    DpoPageController(RetentionService retention) {
        this.retention = retention;
    }

    @GetMapping("/dpo")
    String page(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf, Model model) {
        model.addAttribute("preview", retention.preview(asOf == null ? retention.today() : asOf));
        return "people/dpo";
    }
}
