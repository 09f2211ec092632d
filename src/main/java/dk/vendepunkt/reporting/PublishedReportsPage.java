package dk.vendepunkt.reporting;

import org.springframework.ui.Model;

/**
 * The page a committee member gets instead of a module's working page: that module's reports in force, with
 * links to read and download them (template {@code reporting/published}).
 */
public interface PublishedReportsPage {

    /** Message keys of the page's title, introduction, empty state and table caption. */
    record Texts(String title, String intro, String none, String caption) {}

    /**
     * Fills the model and names the view.
     *
     * @param reportKeyPrefixes the module's report keys (prefixes, see {@link ReportPublisher#published})
     */
    String render(Model model, Texts texts, String... reportKeyPrefixes);
}
