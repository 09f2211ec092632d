package dk.vendepunkt.casework.web;

import dk.vendepunkt.casework.internal.CaseloadService;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The caseload's filter as a query string, so that the pager and the export links keep the search, filters and
 * sort of the page: {@code page()} is "/caseload?q=…&programme=…", {@code export(format)} the export's address.
 */
record CaseloadQuery(String parameters) {

    static CaseloadQuery of(CaseloadService.Filter f) {
        List<String> p = new ArrayList<>();
        add(p, "q", f.q());
        add(p, "programme", f.programme());
        add(p, "phase", f.phase());
        if (f.needsAction()) p.add("needsAction=true");
        if (f.includeClosed()) p.add("closed=true");
        if (f.sort() != CaseloadService.Sort.START) p.add("sort=" + f.sort().name());
        return new CaseloadQuery(String.join("&", p));
    }

    private static void add(List<String> p, String name, String value) {
        if (value != null) p.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
    }

    public String page() {
        return parameters.isEmpty() ? "/caseload" : "/caseload?" + parameters;
    }

    public String export(String format) {
        return "/caseload/export?" + (parameters.isEmpty() ? "" : parameters + "&") + "format=" + format;
    }
}
