package dk.vendepunkt.economics.internal;

import dk.vendepunkt.audit.AuditAction;
import dk.vendepunkt.audit.AuditLog;
import dk.vendepunkt.casework.PoolSpending;
import dk.vendepunkt.economics.SuccessRates;
import dk.vendepunkt.economics.internal.CostBenefit.Point;
import dk.vendepunkt.economics.internal.CostBenefit.Simulation;
import dk.vendepunkt.economics.internal.CostBenefit.Swing;
import dk.vendepunkt.economics.internal.CostBenefit.Value;
import dk.vendepunkt.platform.ValidationException;
import dk.vendepunkt.platform.ValidationException.FieldProblem;
import dk.vendepunkt.portfolio.InitiativeBudgets;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A programme's (or scenario's) cost-benefit figures at a date, with the measured success rate when none is given. */
@Service
public class EconomicsService {

    public static final int DEFAULT_DRAWS = 10_000, MAX_DRAWS = 100_000;
    public static final long DEFAULT_SEED = 1;
    static final Pattern PROGRAMME = Pattern.compile("[A-Z0-9_]{1,40}");

    /**
     * Everything the API and the page show. {@code successRateCi95}/{@code gainCi95} null when the rate was
     * given; {@code measured} the programme's total and cohorts when known (also when the rate was given).
     */
    public record Result(String programme, String scenario, LocalDate asOf, double successRate, double[] successRateCi95, BigDecimal p0,
                         Point point, BigDecimal[] gainCi95, Simulation simulation, List<Swing> tornado,
                         List<SuccessRates.Rate> measured, Map<Parameter, Value> parameters) {}

    private static final Locale DA = Locale.of("da");
    static final int MIN_YEAR = 1990, MAX_YEAR = 2100, MAX_SOURCE = 500;

    private final ParameterStore store;
    private final ObjectProvider<SuccessRates> rates;
    private final InitiativeBudgets budgets;
    private final PoolSpending pool;
    private final MessageSource messages;
    private final AuditLog audit;

    EconomicsService(ParameterStore store, ObjectProvider<SuccessRates> rates, InitiativeBudgets budgets, PoolSpending pool,
                     MessageSource messages, AuditLog audit) {
        this.store = store;
        this.rates = rates;
        this.budgets = budgets;
        this.pool = pool;
        this.messages = messages;
        this.audit = audit;
    }

    /** The portfolio's initiatives, to choose budget lines from. */
    public List<InitiativeBudgets.Initiative> initiatives() {
        return budgets.initiatives();
    }

    /** What {@link #costFromSources} stored: the annual cost and the source text written next to it. */
    public record SourcedCost(BigDecimal annualCost, String source) {}

    /**
     * Sets {@code annual_cost_dkk} of the base set or a scenario from the portfolio's budget lines of the chosen
     * initiatives in {@code budgetYear} (drift and anlæg) plus, when {@code poolYear} is given, the programme's
     * approved and paid pool purchases of that year; the source names every figure. The range (low/high) is
     * cleared, since the old one need not contain the new value.
     */
    @Transactional
    public SourcedCost costFromSources(String programme, String scenario, List<String> initiatives, Integer budgetYear, Integer poolYear,
                                       String username) {
        List<String> refs = initiatives == null ? List.of() : initiatives.stream().filter(r -> r != null && !r.isBlank()).distinct().toList();
        List<FieldProblem> problems = new ArrayList<>();
        if (programme == null || !PROGRAMME.matcher(programme).matches()) problems.add(FieldProblem.of("programme", "economics.error.programme"));
        if (refs.isEmpty() && budgetYear == null && poolYear == null) problems.add(FieldProblem.of("initiatives", "economics.sources.none"));
        else if (refs.isEmpty() && budgetYear != null) problems.add(FieldProblem.of("initiatives", "economics.sources.initiatives"));
        else if (!refs.isEmpty() && budgetYear == null) problems.add(FieldProblem.of("budgetYear", "economics.sources.budgetYear"));
        if (budgetYear != null && (budgetYear < MIN_YEAR || budgetYear > MAX_YEAR)) problems.add(FieldProblem.of("budgetYear", "economics.sources.year", String.valueOf(MIN_YEAR), String.valueOf(MAX_YEAR)));
        if (poolYear != null && (poolYear < MIN_YEAR || poolYear > MAX_YEAR)) problems.add(FieldProblem.of("poolYear", "economics.sources.year", String.valueOf(MIN_YEAR), String.valueOf(MAX_YEAR)));
        if (!problems.isEmpty()) throw new ValidationException(problems);

        BigDecimal total = BigDecimal.ZERO;
        List<String> parts = new ArrayList<>();
        if (!refs.isEmpty()) {
            List<InitiativeBudgets.YearBudget> found = budgets.budgets(refs, budgetYear);
            List<String> missing = new ArrayList<>(refs);
            List<String> lines = new ArrayList<>();
            for (var b : found) {
                missing.remove(b.ref());
                total = total.add(b.amountDkk());
                lines.add(m("economics.sources.initiative", b.name(), kroner(b.amountDkk())));
            }
            if (!missing.isEmpty()) throw ValidationException.of("initiatives", "economics.sources.noBudget", String.join(", ", missing), String.valueOf(budgetYear));
            parts.add(m("economics.sources.budget", String.valueOf(budgetYear), String.join(", ", lines)));
        }
        if (poolYear != null) {
            BigDecimal bought = pool.purchased(programme, poolYear);
            total = total.add(bought);
            parts.add(m("economics.sources.pool", String.valueOf(poolYear), kroner(bought)));
        }
        String source = String.join("; ", parts);
        if (source.length() > MAX_SOURCE) throw ValidationException.of("initiatives", "economics.sources.tooLong", MAX_SOURCE);
        save(programme, scenario, Parameter.ANNUAL_COST_DKK.key(), total, null, null, source, username);
        return new SourcedCost(total, source);
    }

    private String m(String code, Object... args) {
        return messages.getMessage(code, args, code, DA);
    }

    /** Danish thousands separators, øre only when there are any: 3.100.000 or 412.000,50. */
    public static String kroner(BigDecimal v) {
        boolean whole = v.stripTrailingZeros().scale() <= 0;
        DecimalFormat f = new DecimalFormat(whole ? "#,##0" : "#,##0.00", DecimalFormatSymbols.getInstance(DA));
        return f.format(v);
    }

    /** The measured rates (total first, then cohorts), empty without an implementation or data. */
    public List<SuccessRates.Rate> measured(String programme, LocalDate asOf) {
        SuccessRates r = rates.getIfAvailable();
        return r == null ? List.of() : r.rates(programme, asOf);
    }

    /**
     * What is wrong with one parameter row, under the CSV's column names (programme, parameter, value, low,
     * high); shared by the import and the form.
     */
    public static List<FieldProblem> problems(String programme, String parameterKey, BigDecimal value, BigDecimal low, BigDecimal high) {
        List<FieldProblem> out = new ArrayList<>();
        if (programme == null || !PROGRAMME.matcher(programme).matches()) out.add(FieldProblem.of("programme", "economics.error.programme"));
        Parameter parameter = parameterKey == null ? null : Parameter.of(parameterKey).orElse(null);
        if (parameter == null) out.add(FieldProblem.of("parameter", "economics.error.parameter"));
        if (value == null) out.add(FieldProblem.of("value", "economics.error.value"));
        if (parameter != null) {
            String[] columns = {"value", "low", "high"};
            BigDecimal[] vs = {value, low, high};
            for (int i = 0; i < 3; i++) {
                String code = parameter.problem(vs[i]);
                if (code != null) out.add(FieldProblem.of(columns[i], code));
            }
        }
        if ((low == null) != (high == null)) out.add(FieldProblem.of(low == null ? "low" : "high", "economics.error.bothEnds"));
        if (low != null && value != null && low.compareTo(value) > 0) out.add(FieldProblem.of("low", "economics.error.lowAboveValue"));
        if (high != null && value != null && high.compareTo(value) < 0) out.add(FieldProblem.of("high", "economics.error.highBelowValue"));
        return out;
    }

    /** Sets one parameter of a programme's base set ({@code scenario} blank) or of a named scenario. */
    @Transactional
    public void save(String programme, String scenario, String parameterKey, BigDecimal value, BigDecimal low, BigDecimal high, String source,
                     String username) {
        var row = checked(programme, scenario, parameterKey, value, low, high, source);
        boolean created = store.upsert(row, username);
        audit.record(created ? AuditAction.CREATE : AuditAction.UPDATE, null, null, subject(programme, row.scenario(), parameterKey), null);
    }

    /**
     * Creates ({@code version} null) or changes one parameter read at {@code version}; returns the stored row.
     * 409 when someone changed it since (or it exists when creating), 404 when there is nothing to change.
     */
    @Transactional
    public ParameterStore.Row put(String programme, String scenario, String parameterKey, BigDecimal value, BigDecimal low, BigDecimal high,
                                  String source, Integer version, String username) {
        var row = checked(programme, scenario, parameterKey, value, low, high, source);
        int now = store.put(row, version, username);
        audit.record(version == null ? AuditAction.CREATE : AuditAction.UPDATE, null, null, subject(programme, row.scenario(), parameterKey), null);
        return new ParameterStore.Row(row.programme(), row.scenario(), row.parameter(), row.value(), now);
    }

    private static ParameterStore.Row checked(String programme, String scenario, String parameterKey, BigDecimal value, BigDecimal low,
                                              BigDecimal high, String source) {
        String sc = scenario == null ? ParameterStore.BASE : scenario.strip();
        List<FieldProblem> problems = new ArrayList<>(problems(programme, parameterKey, value, low, high));
        if (sc.length() > 60) problems.add(FieldProblem.of("scenario", "economics.error.scenario"));
        if (source != null && source.length() > MAX_SOURCE) problems.add(FieldProblem.of("source", "economics.error.source"));
        if (!problems.isEmpty()) throw new ValidationException(problems);
        return new ParameterStore.Row(programme, sc, Parameter.of(parameterKey).orElseThrow(),
                new Value(value, low, high, source == null || source.isBlank() ? null : source.strip()));
    }

    /** Deletes a named scenario (its overrides; the base set stays); 404 when the programme has no such scenario. */
    @Transactional
    public void deleteScenario(String programme, String scenario, String username) {
        String sc = scenario == null ? "" : scenario.strip();
        int n = store.deleteScenario(programme, sc);
        audit.record(AuditAction.DELETE, null, null, "økonomiscenarie " + programme + "/" + sc, n + " parametre");
    }

    /** Renames a named scenario; 404 when unknown, 409 when the new name is taken. */
    @Transactional
    public void renameScenario(String programme, String scenario, String newName, String username) {
        String to = newName == null ? "" : newName.strip();
        if (to.isEmpty() || to.length() > 60) throw ValidationException.of("name", "economics.error.scenarioName");
        store.renameScenario(programme, scenario, to, username);
        audit.record(AuditAction.UPDATE, null, null, "økonomiscenarie " + programme + "/" + scenario, "nyt navn " + to);
    }

    /** The audit subject of a parameter: "økonomiparameter EXIT/light/years" (the base set without a scenario name). */
    static String subject(String programme, String scenario, String parameterKey) {
        return "økonomiparameter " + programme + (scenario.isEmpty() ? "" : "/" + scenario) + "/" + parameterKey;
    }

    public Result calculate(String programme, String scenario, LocalDate asOf, Double successRate, Integer draws, Long seed) {
        String sc = scenario == null ? ParameterStore.BASE : scenario;
        Map<Parameter, Value> parameters = store.effective(programme, sc);
        List<FieldProblem> problems = new ArrayList<>();
        if (parameters.isEmpty()) problems.add(FieldProblem.of("programme", "economics.error.noParameters"));
        else for (Parameter p : Parameter.values())
            if (p.defaultValue() == null && !parameters.containsKey(p)) problems.add(FieldProblem.of("programme", "economics.error.missing", p.key()));
        if (!sc.isEmpty() && store.rows(programme, sc).isEmpty()) problems.add(FieldProblem.of("scenario", "economics.error.noScenario"));
        if (successRate != null && !(successRate >= 0 && successRate <= 1)) problems.add(FieldProblem.of("successRate", "economics.error.rate"));
        int n = draws == null ? DEFAULT_DRAWS : draws;
        if (n < 1 || n > MAX_DRAWS) problems.add(FieldProblem.of("draws", "economics.error.draws", MAX_DRAWS));
        List<SuccessRates.Rate> measured = measured(programme, asOf);
        Optional<SuccessRates.Rate> total = measured.stream().filter(r -> r.cohort() == null && r.eligible() > 0).findFirst();
        if (successRate == null && total.isEmpty()) problems.add(FieldProblem.of("successRate", "economics.error.noRate", SuccessRates.MEASURE));
        if (!problems.isEmpty()) throw new ValidationException(problems);

        Map<Parameter, BigDecimal> values = CostBenefit.values(parameters);
        double p = successRate != null ? successRate : total.get().rate();
        BigDecimal pd = BigDecimal.valueOf(p);
        Point point = CostBenefit.point(values, pd);
        double[] ci = null;
        BigDecimal[] gainCi = null;
        Long successes = null, eligible = null;
        if (successRate == null) {
            var t = total.get();
            ci = new double[] {t.low(), t.high()};
            gainCi = new BigDecimal[] {CostBenefit.point(values, BigDecimal.valueOf(t.low())).gainPerParticipant(),
                    CostBenefit.point(values, BigDecimal.valueOf(t.high())).gainPerParticipant()};
            successes = t.successes();
            eligible = t.eligible();
        }
        Simulation sim = CostBenefit.simulate(parameters, p, successes, eligible, n, seed == null ? DEFAULT_SEED : seed);
        return new Result(programme, sc, asOf, p, ci, CostBenefit.v(values, Parameter.REFERENCE_SUCCESS_RATE), point, gainCi, sim,
                CostBenefit.tornado(parameters, pd), measured, parameters);
    }
}
