package dk.vendepunkt.safetyindex.demo;

import dk.vendepunkt.areas.Area;
import dk.vendepunkt.areas.AreaDirectory;
import dk.vendepunkt.platform.DemoData;
import dk.vendepunkt.safetyindex.imports.SurveyImport;
import dk.vendepunkt.safetyindex.internal.HalfYear;
import dk.vendepunkt.safetyindex.internal.SspStore;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.springframework.stereotype.Component;

/**
 * Synthetic Tryghedsindeks data for the demo city (after the areas at order 50): five years of survey
 * answers for every district through the {@code survey} import, with a few districts of high need
 * of which most improve year by year, one district that stays high, and one district that never has
 * enough respondents; plus SSP single-case counts and assessment texts per bydel for the last four
 * half-years. Everything is generated; no real survey answers.
 */
@Component
class SafetyIndexDemoData implements DemoData {

    /** Base shares of "yes" for the three questions at the city's level. */
    static final double FEELS_UNSAFE = 0.20;
    static final double VICTIMISED = 0.10;
    static final double CRIME_BIG_PROBLEM = 0.25;

    /** Districts of high need in the first year: risk in the first and in the last year (linear between). */
    static final Map<String, double[]> HIGH_NEED = Map.of(
            "D09", new double[] {2.3, 1.05},
            "D17", new double[] {2.2, 1.25},
            "D24", new double[] {2.1, 0.95},
            "D31", new double[] {2.2, 2.0},
            "D12", new double[] {1.6, 1.0},
            "D26", new double[] {1.55, 1.5});
    /**
     * The crimestats demo data's hot districts (many reports): the survey there is somewhat worse than
     * average too, so survey and police statistics tell the same story.
     */
    static final java.util.Set<String> CRIME_HOT = java.util.Set.of("D04", "D11", "D18", "D25");
    /** The district that never reaches the respondent minimum. */
    static final String SMALL = "D35";

    private static final String[] ASSESSMENTS = {
            "Roligere end sidste halvår. Færre henvendelser om grupper af unge ved stationen efter aftenåbning i klubben.",
            "Uændret billede. En mindre gruppe unge samles fortsat ved butikscentret; SSP og politi har haft fælles opsøgende ture.",
            "Stigende uro i weekenderne i sommermånederne. Der er iværksat ekstra gadeplansindsats og dialog med boligsociale medarbejdere.",
            "Markant forbedring efter etablering af netværksgruppe for forældre. Få nye enkeltsager.",
            "Enkelte episoder med hærværk på skolen. Skolen og klubben samarbejder om trivselsforløb for de involverede klasser.",
            "Stabil udvikling. Fokus på overgangen fra skole til ungdomsuddannelse for de mest udsatte unge."};

    private final SurveyImport survey;
    private final AreaDirectory areas;
    private final SspStore ssp;

    SafetyIndexDemoData(SurveyImport survey, AreaDirectory areas, SspStore ssp) {
        this.survey = survey;
        this.areas = areas;
        this.ssp = ssp;
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    public void load(DemoContext ctx) {
        int last = ctx.today().getYear() - 1;
        int first = last - 4;
        survey.importFile(new ByteArrayInputStream(surveyCsv(areas.districts(), first, last, ctx.random()).getBytes(StandardCharsets.UTF_8)));
        HalfYear h = HalfYear.containing(ctx.today()).previous();
        List<Area> bydele = areas.bydele();
        for (int k = 0; k < 4; k++, h = h.previous()) {
            for (int i = 0; i < bydele.size(); i++) {
                int cases = 2 + ctx.random().nextInt(i % 3 == 0 ? 40 : 15);
                String text = ASSESSMENTS[(i + k) % ASSESSMENTS.length];
                ssp.save(h, bydele.get(i).code(), cases, text, -1, "demo");
            }
        }
    }

    /** The survey.csv of the demo city for the years first..last. */
    static String surveyCsv(List<Area> districts, int first, int last, RandomGenerator random) {
        StringBuilder csv = new StringBuilder(String.join(",", SurveyImport.COLUMNS)).append('\n');
        for (int year = first; year <= last; year++) {
            double t = last == first ? 1 : (year - first) / (double) (last - first);
            for (Area d : districts) {
                double[] high = HIGH_NEED.get(d.code());
                // ordinary districts vary a little around the city level, some lower (reduced/minimal need)
                double base = 0.55 + (Math.floorMod(d.code().hashCode(), 9)) * 0.07;
                double risk = high != null ? high[0] + (high[1] - high[0]) * t
                        : CRIME_HOT.contains(d.code()) ? 1.3 + random.nextGaussian() * 0.04 : base + random.nextGaussian() * 0.04;
                int n = d.code().equals(SMALL) ? 18 + random.nextInt(8) : 120 + random.nextInt(80);
                for (int i = 0; i < n; i++) {
                    double weight = 0.6 + random.nextDouble();
                    csv.append(String.format(Locale.ROOT, "DEMO-%d-%s-%04d,%d,%s,%.3f,%s,%s,%s%n", year, d.code(), i, year, d.code(), weight,
                            answer(random, FEELS_UNSAFE * risk, 0.03), answer(random, VICTIMISED * risk, 0.02),
                            answer(random, CRIME_BIG_PROBLEM * risk, 0.05)));
                }
            }
        }
        return csv.toString();
    }

    /** "1" with probability p, "0" otherwise; empty (not answered) with probability skip. */
    private static String answer(RandomGenerator random, double p, double skip) {
        if (random.nextDouble() < skip) return "";
        return random.nextDouble() < Math.min(0.95, p) ? "1" : "0";
    }
}
