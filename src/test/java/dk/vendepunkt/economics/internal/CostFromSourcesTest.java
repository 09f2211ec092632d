package dk.vendepunkt.economics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.vendepunkt.audit.AuditAction;
import dk.vendepunkt.audit.AuditLog;
import dk.vendepunkt.casework.PoolSpending;
import dk.vendepunkt.economics.SuccessRates;
import dk.vendepunkt.platform.ValidationException;
import dk.vendepunkt.portfolio.InitiativeBudgets;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The annual cost taken from the portfolio's budget lines and the programme's pool purchases, with the source written out. */
class CostFromSourcesTest {

    final List<ParameterStore.Row> saved = new ArrayList<>();
    final List<String> audited = new ArrayList<>();

    /** Budget 2012: Exit-programmet 3 100 000 (drift 2 900 000 + anlæg 200 000, summed by the portfolio), Mentorkorps 250 000,50; none in 2013. */
    final InitiativeBudgets budgets = new InitiativeBudgets() {
        @Override
        public List<Initiative> initiatives() {
            return List.of(new Initiative("exit", "Exit-programmet"), new Initiative("mentor", "Mentorkorps"));
        }

        @Override
        public List<YearBudget> budgets(Collection<String> refs, int year) {
            Map<String, YearBudget> all = Map.of("exit", new YearBudget("exit", "Exit-programmet", 2012, new BigDecimal("3100000")),
                    "mentor", new YearBudget("mentor", "Mentorkorps", 2012, new BigDecimal("250000.50")));
            return year != 2012 ? List.of() : refs.stream().filter(all::containsKey).map(all::get).toList();
        }
    };

    /** EXIT's approved and paid pool purchases 2012: 412 000. */
    final PoolSpending pool = (programme, year) -> programme.equals("EXIT") && year == 2012 ? new BigDecimal("412000") : BigDecimal.ZERO;

    EconomicsService service() {
        ParameterStore store = new ParameterStore(null) {
            @Override
            public boolean upsert(Row r, String username) {
                saved.add(r);
                return true;
            }
        };
        var messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/economics");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        AuditLog audit = new AuditLog() {
            @Override
            public void record(AuditAction action, Long personId, Long enrolmentId, String subject, String reason) {
                audited.add(action + " " + subject);
            }

            @Override
            public void shown(AuditAction action, java.util.Collection<Long> personIds, String subject, String reason) {}
        };
        return new EconomicsService(store, new StaticListableBeanFactory().getBeanProvider(SuccessRates.class), budgets, pool, messages, audit);
    }

    @Test
    void budgetAndPoolPurchasesMakeTheAnnualCostWithTheirSource() {
        var r = service().costFromSources("EXIT", "", List.of("exit"), 2012, 2012, "pm");
        // 3 100 000 + 412 000
        assertThat(r.annualCost()).isEqualByComparingTo("3512000");
        assertThat(r.source()).isEqualTo("Budget 2012, indsats 'Exit-programmet': 3.100.000 kr; puljekøb 2012: 412.000 kr");
        var row = saved.getFirst();
        assertThat(row.parameter()).isEqualTo(Parameter.ANNUAL_COST_DKK);
        assertThat(row.scenario()).isEmpty();
        assertThat(row.value().value()).isEqualByComparingTo("3512000");
        assertThat(row.value().low()).isNull();
        assertThat(row.value().source()).isEqualTo(r.source());
        assertThat(audited).containsExactly("CREATE økonomiparameter EXIT/annual_cost_dkk");
    }

    @Test
    void severalInitiativesOrOnlyOneSourceIntoAScenario() {
        var both = service().costFromSources("EXIT", "light", List.of("exit", "mentor"), 2012, null, "pm");
        // 3 100 000 + 250 000,50
        assertThat(both.annualCost()).isEqualByComparingTo("3350000.50");
        assertThat(both.source()).isEqualTo("Budget 2012, indsats 'Exit-programmet': 3.100.000 kr, indsats 'Mentorkorps': 250.000,50 kr");
        assertThat(saved.getFirst().scenario()).isEqualTo("light");
        var poolOnly = service().costFromSources("EXIT", "", List.of(), null, 2012, "pm");
        assertThat(poolOnly.annualCost()).isEqualByComparingTo("412000");
        assertThat(poolOnly.source()).isEqualTo("puljekøb 2012: 412.000 kr");
    }

    @Test
    void refusesAnIncompleteChoiceOrAnInitiativeWithoutBudget() {
        assertThatThrownBy(() -> service().costFromSources("EXIT", "", List.of(), null, null, "pm"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems()).extracting(p -> p.field() + ":" + p.code())
                        .containsExactly("initiatives:economics.sources.none"));
        assertThatThrownBy(() -> service().costFromSources("EXIT", "", List.of("exit"), null, null, "pm"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems()).extracting(p -> p.field() + ":" + p.code())
                        .containsExactly("budgetYear:economics.sources.budgetYear"));
        assertThatThrownBy(() -> service().costFromSources("EXIT", "", List.of(), 2012, 1800, "pm"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems()).extracting(p -> p.field() + ":" + p.code())
                        .containsExactly("initiatives:economics.sources.initiatives", "poolYear:economics.sources.year"));
        assertThatThrownBy(() -> service().costFromSources("EXIT", "", List.of("exit", "mentor"), 2013, null, "pm"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> assertThat(p.code()).isEqualTo("economics.sources.noBudget")));
        assertThat(saved).isEmpty();
    }
}
