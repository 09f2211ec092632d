package dk.vendepunkt.people.web;

import dk.vendepunkt.areas.Area;
import dk.vendepunkt.areas.AreaDirectory;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The choices of a person's "Bydel/distrikt": the imported areas (areas module), each bydel followed by its districts
 * ("Bydel › distrikt"). Used by templates/people/fields.html as {@code @districtChoices.options()}.
 */
@Component("districtChoices")
public class DistrictChoices {

    private final AreaDirectory areas;

    DistrictChoices(AreaDirectory areas) {
        this.areas = areas;
    }

    public record Choice(String code, String label) {}

    public List<Choice> options() {
        List<Choice> out = new ArrayList<>();
        for (Area bydel : areas.bydele()) {
            out.add(new Choice(bydel.code(), bydel.name()));
            for (Area d : areas.districtsOf(bydel.code())) out.add(new Choice(d.code(), bydel.name() + " › " + d.name()));
        }
        return out;
    }

    /** Whether a stored value is one of the choices (older free text may not be). */
    public boolean known(String code) {
        return code == null || code.isBlank() || areas.byCode(code).isPresent();
    }
}
