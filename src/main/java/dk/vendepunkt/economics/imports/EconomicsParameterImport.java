package dk.vendepunkt.economics.imports;

import dk.vendepunkt.economics.internal.CostBenefit.Value;
import dk.vendepunkt.economics.internal.EconomicsService;
import dk.vendepunkt.economics.internal.Parameter;
import dk.vendepunkt.economics.internal.ParameterStore;
import dk.vendepunkt.platform.imports.CsvFile;
import dk.vendepunkt.platform.imports.ImportHandler;
import dk.vendepunkt.platform.imports.ImportTemplate;
import dk.vendepunkt.platform.imports.ImportSummary;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code economics-parameters.csv} (kind {@code economics-parameters}):
 * {@code programme,parameter,value,low,high,source}, the programmes' base parameter sets; a row replaces
 * the stored value of the same programme and parameter. All-or-nothing.
 */
@Component
public class EconomicsParameterImport implements ImportHandler {

    static final List<String> COLUMNS = List.of("programme", "parameter", "value", "low", "high", "source");
    private static final Locale DA = Locale.of("da");

    private final ParameterStore store;
    private final MessageSource messages;

    EconomicsParameterImport(ParameterStore store, MessageSource messages) {
        this.store = store;
        this.messages = messages;
    }

    @Override
    public String kind() {
        return "economics-parameters";
    }

    @Override
    public java.util.Optional<ImportTemplate> template() {
        return java.util.Optional.of(ImportTemplate.of(COLUMNS)
                .codes("parameter", java.util.Arrays.stream(Parameter.values()).map(Parameter::key).toList())
                .example("programme", "EXIT", "parameter", Parameter.ANNUAL_COST_DKK.key(), "value", "1250000",
                        "low", "1000000", "high", "1500000", "source", "Budget 2014"));
    }

    @Override
    public Set<String> allowedRoles() {
        return Set.of("PROGRAMME_MANAGER");
    }

    @Override
    @Transactional
    public ImportSummary importFile(InputStream content) {
        CsvFile f = new CsvFile(kind(), COLUMNS);
        List<ParameterStore.Row> rows = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        f.read(content, r -> {
            String programme = r.required("programme");
            String key = r.required("parameter");
            BigDecimal value = r.decimal("value", true);
            BigDecimal low = r.decimal("low", false);
            BigDecimal high = r.decimal("high", false);
            String source = r.text("source");
            if (!r.valid()) return;
            EconomicsService.problems(programme, key, value, low, high).forEach(p -> r.fail(p.field(), m(p.code())));
            if (!r.valid()) return;
            if (!keys.add(programme + "|" + key)) {
                r.fail("parameter", m("economics.error.duplicate"));
                return;
            }
            rows.add(new ParameterStore.Row(programme, ParameterStore.BASE, Parameter.of(key).orElseThrow(), new Value(value, low, high, source)));
        });
        f.throwIfErrors();
        var auth = SecurityContextHolder.getContext().getAuthentication();
        String user = auth == null ? null : auth.getName();
        int created = 0;
        for (var row : rows) if (store.upsert(row, user)) created++;
        return new ImportSummary(kind(), rows.size(), created, rows.size() - created);
    }

    private String m(String code) {
        return messages.getMessage(code, null, code, DA);
    }
}
