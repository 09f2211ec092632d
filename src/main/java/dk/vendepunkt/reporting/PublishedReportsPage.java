package dk.vendepunkt.reporting;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The page a committee member gets instead of a module's working page: that module's reports in force, with
 * links to read and download them (template {@code reporting/published}).
 */
@Component
public class PublishedReportsPage {

    /** Message keys of the page's title, introduction, empty state and table caption. */
    public record Texts(String title, String intro, String none, String caption) {}

    private final ReportPublisher publisher;

    PublishedReportsPage(ReportPublisher publisher) {
        this.publisher = publisher;
    }

    /** @param reportKeyPrefixes the module's report keys (prefixes, see {@link ReportPublisher#published}) */
    public String render(Model model, Texts texts, String... reportKeyPrefixes) {
        model.addAttribute("publications", publisher.published(reportKeyPrefixes));
        model.addAttribute("texts", texts);
        return "reporting/published";
    }
}
