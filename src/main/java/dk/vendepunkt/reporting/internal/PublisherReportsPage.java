package dk.vendepunkt.reporting.internal;

import dk.vendepunkt.reporting.PublishedReportsPage;
import dk.vendepunkt.reporting.ReportPublisher;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** {@link PublishedReportsPage} listing the reports in force from {@link ReportPublisher#published}. */
@Component
class PublisherReportsPage implements PublishedReportsPage {

    private final ReportPublisher publisher;

    PublisherReportsPage(ReportPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public String render(Model model, Texts texts, String... reportKeyPrefixes) {
        model.addAttribute("publications", publisher.published(reportKeyPrefixes));
        model.addAttribute("texts", texts);
        return "reporting/published";
    }
}
