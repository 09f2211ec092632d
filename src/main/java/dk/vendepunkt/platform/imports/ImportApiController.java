package dk.vendepunkt.platform.imports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.InputStream;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/imports")
@Tag(name = "Imports", description = "CSV and GeoJSON imports per the data contracts; all-or-nothing")
class ImportApiController {

    private final ImportRegistry registry;

    ImportApiController(ImportRegistry registry) {
        this.registry = registry;
    }

    @Operation(summary = "Import a file of the given kind (request body = the file). 200 with counts, 422 with every bad row.")
    @PostMapping(path = "/{kind}", consumes = {"text/csv", "application/geo+json", "application/json", "application/octet-stream", "text/plain"})
    ImportSummary importFile(@PathVariable String kind, InputStream body, HttpServletRequest request, Authentication auth) {
        return registry.run(kind, body, request.getContentLengthLong(), auth);
    }
}
