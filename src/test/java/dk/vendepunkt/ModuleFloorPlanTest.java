package dk.vendepunkt;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import dk.vendepunkt.platform.DemoData;
import dk.vendepunkt.platform.imports.ImportHandler;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.JavaPackage;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;

/**
 * Every module has the same floor plan (docs/architecture.md, "Inside a module"):
 * <pre>
 * dk.vendepunkt.&lt;module&gt;            the module's API only
 * dk.vendepunkt.&lt;module&gt;.web        page and API controllers
 * dk.vendepunkt.&lt;module&gt;.imports    import handlers
 * dk.vendepunkt.&lt;module&gt;.demo       demo data
 * dk.vendepunkt.&lt;module&gt;.internal   services, stores, calculations
 * dk.vendepunkt.&lt;module&gt;.domain     (where rules are rich) immutable domain types
 * </pre>
 * Checked for every module found by Spring Modulith:
 * <ul>
 * <li>a class annotated (or meta-annotated) {@code @Controller}, so also {@code @RestController}, lives in
 *     the module's {@code web} package;</li>
 * <li>the root package holds only API. A top-level type there is <em>not API</em> when it is not public,
 *     or when it is a Spring-managed implementation: annotated or meta-annotated {@code @Component}
 *     ({@code @Service}, {@code @Repository}, {@code @Controller}, {@code @Configuration}, ...). A service
 *     other modules call is a public interface in the root package, implemented in {@code internal}.
 *     A public {@code @ConfigurationProperties} record is not a {@code @Component} and may stay when
 *     other modules read it. {@code package-info} is not a type;</li>
 * <li>an {@link ImportHandler} implementation lives in {@code imports}, a {@link DemoData}
 *     implementation in {@code demo};</li>
 * <li>a module has no other sub-packages than those of the floor plan (each may have its own
 *     sub-packages).</li>
 * </ul>
 * Other modules can only use a module's root package ({@link ModularityTest} verifies that with
 * Spring Modulith, which treats sub-packages as internal), so this plan also keeps the API small.
 * A sub-package that is legitimately API is declared a named interface ({@code @NamedInterface} in its
 * {@code package-info.java}) instead of opening the module: {@code platform.imports}, the import framework
 * every module's handlers implement, is the one so far; it is a floor-plan package name, so this test
 * needs no exception for it.
 */
class ModuleFloorPlanTest {

    static final Set<String> FLOOR_PLAN = Set.of("web", "imports", "demo", "internal", "domain");

    @Test
    void everyModuleFollowsTheFloorPlan() {
        List<String> violations = new ArrayList<>();
        ModularityTest.MODULES.stream()
                .forEach(m -> violations.addAll(violations(m)));
        assertThat(violations).as("classes outside their place in the module floor plan").isEmpty();
    }

    static List<String> violations(ApplicationModule module) {
        JavaPackage base = module.getBasePackage();
        String root = base.getName();
        List<String> out = new ArrayList<>();
        base.stream().filter(c -> !JavaPackage.isPackageInfoType(c)).forEach(c -> {
            String pkg = c.getPackageName();
            String sub = pkg.equals(root) ? "" : pkg.substring(root.length() + 1).split("\\.")[0];
            String name = c.getName();
            if (c.isMetaAnnotatedWith(Controller.class) || c.isAnnotatedWith(Controller.class)) {
                if (!sub.equals("web")) out.add(name + ": a controller belongs in " + root + ".web");
            }
            if (implementsInterface(c, ImportHandler.class) && !sub.equals("imports")) {
                out.add(name + ": an import handler belongs in " + root + ".imports");
            }
            if (implementsInterface(c, DemoData.class) && !sub.equals("demo")) {
                out.add(name + ": demo data belongs in " + root + ".demo");
            }
            if (sub.isEmpty() && c.getEnclosingClass().isEmpty()) {
                if (!c.getModifiers().contains(JavaModifier.PUBLIC)) {
                    out.add(name + ": not public, so not API; move it to a sub-package (internal, web, ...)");
                } else if (c.isAnnotatedWith(Component.class) || c.isMetaAnnotatedWith(Component.class)) {
                    out.add(name + ": a Spring bean is an implementation, not API; put an interface in "
                            + root + " and the bean in " + root + ".internal");
                }
            }
            if (!sub.isEmpty() && !FLOOR_PLAN.contains(sub)) {
                out.add(name + ": " + root + "." + sub + " is not in the floor plan " + FLOOR_PLAN);
            }
        });
        return out;
    }

    /**
     * Time comes from the one injected {@link Clock} bean (ADR 0010): main code calls {@code now} of a
     * {@code java.time} type only with a {@code Clock} ({@code LocalDate.now(clock)}, never {@code Instant.now()}
     * or {@code LocalDate.now(Zones.ZONE)}), and makes no system clock of its own except the bean itself
     * ({@code platform.internal.ClockConfiguration}).
     */
    static final ArchRule TIME_FROM_THE_CLOCK = ArchRuleDefinition.noClasses()
            .should().callMethodWhere(new DescribedPredicate<JavaMethodCall>("a java.time now() without a Clock") {
                @Override
                public boolean test(JavaMethodCall call) {
                    var target = call.getTarget();
                    return target.getName().equals("now") && target.getOwner().getPackageName().equals("java.time")
                            && !target.getRawParameterTypes().stream().map(JavaClass::getName).toList().equals(List.of(Clock.class.getName()));
                }
            })
            .orShould().callMethodWhere(new DescribedPredicate<JavaMethodCall>("a system clock made outside ClockConfiguration") {
                @Override
                public boolean test(JavaMethodCall call) {
                    return call.getTarget().getOwner().isEquivalentTo(Clock.class) && call.getTarget().getName().startsWith("system")
                            && !call.getOriginOwner().getName().equals("dk.vendepunkt.platform.internal.ClockConfiguration");
                }
            })
            .because("today and now come from the injected java.time.Clock bean, so tests can move time (ADR 0010)");

    @Test
    void mainCodeTakesTimeFromTheInjectedClock() {
        TIME_FROM_THE_CLOCK.check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dk.vendepunkt"));
    }

    @Test
    void theClockRuleCatchesNowWithoutAClock() {
        var classes = new ClassFileImporter().importClasses(AsksTheSystem.class, AsksTheClock.class);
        var result = TIME_FROM_THE_CLOCK.evaluate(classes);
        assertThat(result.getFailureReport().getDetails())
                .anyMatch(d -> d.contains(AsksTheSystem.class.getName()) && d.contains("LocalDate.now(java.time.ZoneId)"))
                .anyMatch(d -> d.contains(AsksTheSystem.class.getName()) && d.contains("Clock.systemUTC()"))
                .noneMatch(d -> d.contains(AsksTheClock.class.getName()));
    }

    /** Fixtures for the clock rule. */
    static class AsksTheSystem {
        LocalDate today() {
            return LocalDate.now(dk.vendepunkt.platform.Zones.ZONE);
        }

        Clock own() {
            return Clock.systemUTC();
        }
    }

    static class AsksTheClock {
        LocalDate today(Clock clock) {
            return LocalDate.now(clock);
        }
    }

    private static boolean implementsInterface(JavaClass c, Class<?> type) {
        return !c.isInterface() && c.isAssignableTo(type);
    }
}
