package dk.vendepunkt.outcomes.web;

import dk.vendepunkt.outcomes.internal.OffenceTable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The offence table over the API ({@code /api/v1/admin/offences}, ADMIN). */
@RestController
@Tag(name = "Offence table", description = "Offence code to SSP level (1-4)")
@PreAuthorize("hasRole('ADMIN')")
class OffenceApiController {

    private final OffenceTable offences;

    OffenceApiController(OffenceTable offences) {
        this.offences = offences;
    }

    @Operation(summary = "The offence table (offence code → SSP level 1–4)")
    @GetMapping("/api/v1/admin/offences")
    List<OffenceTable.Offence> list() {
        return offences.all();
    }

    @Operation(summary = "Add an offence code")
    @PostMapping("/api/v1/admin/offences")
    @ResponseStatus(HttpStatus.CREATED)
    OffenceTable.Offence add(@RequestBody OffenceTable.OffenceChange c) {
        offences.create(c);
        return offences.get(c.code().trim());
    }

    @Operation(summary = "Change an offence code's description and level (send the version read; 409 when stale). Events whose level came from the table follow.")
    @PutMapping("/api/v1/admin/offences/{code}")
    OffenceTable.Offence change(@PathVariable String code, @RequestBody OffenceTable.OffenceChange c) {
        offences.update(code, c);
        return offences.get(code);
    }

    @Operation(summary = "Delete an offence code no event took its level from")
    @DeleteMapping("/api/v1/admin/offences/{code}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@PathVariable String code, @RequestParam int version) {
        offences.delete(code, version);
    }
}
