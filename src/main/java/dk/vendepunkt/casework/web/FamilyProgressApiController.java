package dk.vendepunkt.casework.web;

import dk.vendepunkt.casework.ProgressScales;
import dk.vendepunkt.casework.internal.FamilyProgressService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A family case's progress measurements (issue 13 part 7): the case's team and coordinators only; every call audited;
 * 403 plus a DENIED row for anyone else; 400 with field errors for a person outside the family or a scale not for them.
 */
@RestController
@RequestMapping("/api/v1/family-cases/{id}/measurements")
@Tag(name = "Familiesag: fremskridtsmåling", description = "Progress measurements of the family's members")
class FamilyProgressApiController {

    private final FamilyProgressService progress;

    FamilyProgressApiController(FamilyProgressService progress) {
        this.progress = progress;
    }

    @Operation(summary = "The case's measurements of the members the user may see, by date")
    @GetMapping
    List<ProgressScales.Measurement> list(@PathVariable long id) {
        return progress.list(id);
    }

    @Operation(summary = "Record a measurement of a current member: scale (one that applies to the member's relation), measuredOn, "
            + "occasion BASELINE/DURING/END, value (for CATEGORY/LADDER the option's position, YES_NO 0/1), note")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ProgressScales.Measurement record(@PathVariable long id, @RequestBody FamilyProgressService.NewCaseMeasurement body) {
        return progress.record(id, body);
    }
}
