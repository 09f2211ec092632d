package dk.vendepunkt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Module boundaries are verified, and the module diagrams in docs/modules regenerated. */
class ModularityTest {

    static final ApplicationModules MODULES = ApplicationModules.of(VendepunktApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    void writesModuleDiagrams() throws IOException {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        sortRelations(Path.of("docs/modules"));
    }

    /** The documenter writes relations in no stable order; sorted, a diagram only changes when the modules do. */
    private static void sortRelations(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".puml")).toList()) {
                List<String> lines = Files.readAllLines(f);
                List<String> sorted = lines.stream().filter(l -> l.startsWith("Rel(")).sorted().toList();
                List<String> out = new ArrayList<>();
                int next = 0;
                for (String l : lines) {
                    out.add(l.startsWith("Rel(") ? sorted.get(next++) : l);
                }
                Files.write(f, out);
            }
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".adoc")).toList()) {
                Files.write(f, sortListCells(Files.readAllLines(f)));
            }
        }
    }

    /** In the canvases, a table cell's list ("|* a", "* b", ...) in sorted order. */
    static List<String> sortListCells(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); ) {
            if (!lines.get(i).startsWith("|* ")) {
                out.add(lines.get(i++));
                continue;
            }
            List<String> items = new ArrayList<>(List.of(lines.get(i++).substring(1)));
            while (i < lines.size() && lines.get(i).startsWith("* ")) items.add(lines.get(i++));
            items.sort(null);
            out.add("|" + items.get(0));
            out.addAll(items.subList(1, items.size()));
        }
        return out;
    }
}
