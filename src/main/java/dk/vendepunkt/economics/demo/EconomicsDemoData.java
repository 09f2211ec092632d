package dk.vendepunkt.economics.demo;

import dk.vendepunkt.economics.imports.EconomicsParameterImport;
import dk.vendepunkt.economics.internal.EconomicsService;
import dk.vendepunkt.platform.DemoData;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import org.springframework.stereotype.Component;

/**
 * The parameters of the two seeds that end on money (docs/economics.md): EXIT calibrated so that a
 * success rate of 0.40 gives the external analysis' 298 000 kr per participant; FAMILY with the family
 * model's costs (2 × 2 874 000 + 80 000 + 214 000 kr for 20 children over 2 years) and Gribskov's three
 * scenarios for carrying it on.
 */
@Component
class EconomicsDemoData implements DemoData {

    static final String CSV = "/economics/demo-parameters.csv";

    /** Gribskov's scenarios: name, annual cost, source. None has start-up costs: the team exists. */
    static final String[][] SCENARIOS = {
            {"light", "1100000", "Gribskov 'light-udgave': 1 rådgiver og 1 kontaktperson; beløbet er en antagelse (2 årsværk à ca. 550 000 kr.)"},
            {"continuation", "2500000", "Gribskov: videreførelse med samme ressourcer, 2,5 mio. kr. årligt"},
            {"expanded", "4000000", "Gribskov 'Ønskedrømmen': udvidet model, 4 mio. kr. årligt"}};

    private final EconomicsParameterImport parameters;
    private final EconomicsService service;

    EconomicsDemoData(EconomicsParameterImport parameters, EconomicsService service) {
        this.parameters = parameters;
        this.service = service;
    }

    @Override
    public int order() {
        return 95;
    }

    @Override
    public void load(DemoContext context) {
        try (InputStream in = EconomicsDemoData.class.getResourceAsStream(CSV)) {
            parameters.importFile(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String[] s : SCENARIOS) {
            service.save("FAMILY", s[0], "annual_cost_dkk", new BigDecimal(s[1]), null, null, s[2], null);
            service.save("FAMILY", s[0], "one_off_cost_dkk", BigDecimal.ZERO, null, null, "Ingen opstart: kerneteamet findes", null);
        }
    }
}
