package dk.vendepunkt.platform.web;

import dk.vendepunkt.platform.imports.ImportSummary;
import dk.vendepunkt.platform.internal.ImportRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.InputStream;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.HttpMediaTypeNotSupportedException;
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

    private static final String CSV = "text/csv", GEOJSON = "application/geo+json", JSON = "application/json",
            BYTES = "application/octet-stream", TEXT = "text/plain";
    private static final List<MediaType> TYPES = MediaType.parseMediaTypes(List.of(CSV, GEOJSON, JSON, BYTES, TEXT));

    @Operation(summary = "Import a file of the given kind (request body = the file). 200 with counts, 422 with every bad row, "
            + "415 when the Content-Type is missing or not one of text/csv, application/geo+json, application/json, "
            + "application/octet-stream, text/plain.")
    @PostMapping(path = "/{kind}", consumes = {CSV, GEOJSON, JSON, BYTES, TEXT})
    ImportSummary importFile(@PathVariable String kind, InputStream body, HttpServletRequest request, Authentication auth)
            throws HttpMediaTypeNotSupportedException {
        if (request.getContentType() == null) {
            // Spring reads a missing Content-Type as application/octet-stream; an import names its type
            throw new HttpMediaTypeNotSupportedException((MediaType) null, TYPES);
        }
        return registry.run(kind, body, request.getContentLengthLong(), auth);
    }
}
