package dk.vendepunkt.safetyindex.internal;

import dk.vendepunkt.organisation.CurrentUser;
import dk.vendepunkt.platform.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Saves the analyst's half-yearly input per bydel: SSP single cases and the SSP leaders' assessment. */
@Service
public class SspInput {

    static final int MAX_CASES = 100_000;
    static final int MAX_TEXT = 4000;

    private final SspStore store;

    SspInput(SspStore store) {
        this.store = store;
    }

    /** One bydel's form values as typed; version −1 when nothing was stored when the form was read. */
    public record Change(String bydel, String singleCases, String assessment, int version) {}

    /**
     * Validates every bydel's values first (field ids {@code cases-<code>} and {@code assessment-<code>}),
     * then saves all changed bydele in one transaction; a stale version rolls everything back (409).
     */
    @Transactional
    @PreAuthorize("hasRole('ANALYST')")
    public void save(HalfYear h, List<Change> changes) {
        List<ValidationException.FieldProblem> problems = new ArrayList<>();
        List<Object[]> valid = new ArrayList<>();
        for (Change c : changes) {
            Integer cases = null;
            String raw = c.singleCases() == null ? "" : c.singleCases().trim();
            if (!raw.isEmpty()) {
                try {
                    cases = Integer.parseInt(raw);
                    if (cases < 0 || cases > MAX_CASES) {
                        problems.add(new ValidationException.FieldProblem("cases-" + c.bydel(), "safety.ssp.cases.range", new Object[] {MAX_CASES}));
                    }
                } catch (NumberFormatException e) {
                    problems.add(new ValidationException.FieldProblem("cases-" + c.bydel(), "safety.ssp.cases.number", new Object[0]));
                }
            }
            String text = c.assessment() == null || c.assessment().isBlank() ? null : c.assessment().strip();
            if (text != null && text.length() > MAX_TEXT) {
                problems.add(new ValidationException.FieldProblem("assessment-" + c.bydel(), "safety.ssp.assessment.long", new Object[] {MAX_TEXT}));
            }
            valid.add(new Object[] {c, cases, text});
        }
        if (!problems.isEmpty()) throw new ValidationException(problems);
        Map<String, SspStore.Entry> stored = store.entries(h);
        for (Object[] v : valid) {
            Change c = (Change) v[0];
            Integer cases = (Integer) v[1];
            String text = (String) v[2];
            SspStore.Entry s = stored.get(c.bydel());
            if (s == null && c.version() < 0 && cases == null && text == null) continue;
            if (s != null && s.version() == c.version() && Objects.equals(s.singleCases(), cases) && Objects.equals(s.assessment(), text)) continue;
            store.save(h, c.bydel(), cases, text, c.version(), CurrentUser.username());
        }
    }
}
