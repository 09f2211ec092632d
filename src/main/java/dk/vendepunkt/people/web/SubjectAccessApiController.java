package dk.vendepunkt.people.web;

import dk.vendepunkt.people.internal.SubjectAccessPdf;
import dk.vendepunkt.people.internal.SubjectAccessService;
import dk.vendepunkt.platform.ValidationException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Subject access (GDPR art. 15) for the data protection officer: the API, and the same answers as downloads
 * for the DPO's page (signed in with a session). Role DPO only (security configuration); every answer audited.
 */
@RestController
@Tag(name = "Privacy", description = "Subject access and retention")
class SubjectAccessApiController {

    private final SubjectAccessService answers;
    private final SubjectAccessPdf pdf;

    SubjectAccessApiController(SubjectAccessService answers, SubjectAccessPdf pdf) {
        this.answers = answers;
        this.pdf = pdf;
    }

    @Operation(summary = "Everything held about the person across modules (CPR in clear), consents and legal bases, every access; format json (default) or pdf")
    @GetMapping("/api/v1/persons/{id}/subject-access")
    ResponseEntity<?> subjectAccess(@PathVariable long id, @RequestParam(defaultValue = "json") String format) {
        return switch (format) {
            case "json" -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename("indsigt-" + id + ".json").build().toString())
                    .body(answers.answer(id, "json"));
            case "pdf" -> ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("indsigt-" + id + ".pdf").build().toString())
                    .body(pdf.render(answers.answer(id, "pdf")));
            default -> throw ValidationException.of("format", "subjectAccess.format");
        };
    }

    /** The DPO page's form (GET, so the download needs no script): the same answer for the person id typed in. */
    @GetMapping("/dpo/subject-access")
    ResponseEntity<?> fromPage(@RequestParam long person, @RequestParam(defaultValue = "pdf") String format) {
        return subjectAccess(person, format);
    }
}
