package dk.vendepunkt.platform.web;

import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The glossary in the app: the domain terms of ARCHITECTURE.md and docs/glossary.md in Danish
 * ({@code glossary.term.*} and {@code glossary.def.*}); the same definitions are the {@code title} hints on domain
 * words in headings. Every signed-in user may read it.
 */
@Controller
class GlossaryController {

    static final List<String> TERMS = List.of("forloeb", "henvisning", "visitation", "behovsafklaring", "risikovurdering", "handleplan",
            "puljekoeb", "afslutning", "opfoelgning", "sigtelse", "dom", "personfarlig", "alvorlig", "fraStart", "effektmaal", "indikator",
            "indsatsomraade", "indsats", "aarsplads", "kerneteam", "samtykke", "paragraf115", "tryghedsindeks");

    @GetMapping("/help/glossary")
    String glossary(Model model) {
        model.addAttribute("terms", TERMS);
        return "help/glossary";
    }
}
