package dk.vendepunkt.platform.web;

import dk.vendepunkt.platform.imports.ImportFailedException;
import dk.vendepunkt.platform.internal.ImportRegistry;
import java.io.IOException;
import java.io.InputStream;
import dk.vendepunkt.platform.NotFoundException;
import dk.vendepunkt.platform.imports.ImportHandler;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The upload page: one form per import kind the user may run, with the kind's columns, accepted codes, an example row
 * and a template to download; the result (or every bad row) is shown inline.
 */
@Controller
class ImportPageController {

    private final ImportRegistry registry;

    ImportPageController(ImportRegistry registry) {
        this.registry = registry;
    }

    @GetMapping("/imports")
    String page(Model model, Authentication auth) {
        model.addAttribute("handlers", registry.allowedFor(auth));
        return "imports/index";
    }

    /** The kind's template (header and example row) as a Danish spreadsheet CSV, for a kind the user may import. */
    @GetMapping("/imports/{kind}/template.csv")
    ResponseEntity<byte[]> template(@PathVariable String kind, Authentication auth) {
        var template = registry.allowedFor(auth).stream().filter(h -> h.kind().equals(kind)).findFirst()
                .flatMap(ImportHandler::template)
                .orElseThrow(() -> new NotFoundException("imports.template.notFound", kind));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("skabelon-" + kind + ".csv", StandardCharsets.UTF_8).build().toString())
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(template.csv());
    }

    @PostMapping(path = "/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    String upload(@RequestParam String kind, @RequestParam("file") MultipartFile file, Model model, Authentication auth) throws IOException {
        model.addAttribute("kind", kind);
        if (file == null || file.isEmpty()) {
            model.addAttribute("emptyFile", true);
            return "imports/result :: result";
        }
        try (InputStream in = file.getInputStream()) {
            model.addAttribute("summary", registry.run(kind, in, file.getSize(), auth));
        } catch (ImportFailedException e) {
            model.addAttribute("errors", e.errors());
        }
        model.addAttribute("fileName", file.getOriginalFilename());
        return "imports/result :: result";
    }
}
