package dk.vendepunkt.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.StringTemplateResolver;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The form-field fragments (templates/fragments/fields.html) render label, hint and the field's own error tied to
 * the control; and no page writes a form control by hand outside them.
 */
class FieldFragmentsTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");

    private final SpringTemplateEngine engine = engine();

    private static SpringTemplateEngine engine() {
        ClassLoaderTemplateResolver files = new ClassLoaderTemplateResolver();
        files.setPrefix("templates/");
        files.setSuffix(".html");
        files.setTemplateMode(TemplateMode.HTML);
        files.setOrder(2);
        files.setCheckExistence(true);
        StringTemplateResolver inline = new StringTemplateResolver();
        inline.setOrder(3);
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.addTemplateResolver(files);
        engine.addTemplateResolver(inline);
        StaticMessageSource messages = new StaticMessageSource();
        messages.addMessage("role.ADMIN", Locale.ROOT, "Administrator");
        messages.addMessage("role.READER", Locale.ROOT, "Læser");
        engine.setTemplateEngineMessageSource(messages);
        return engine;
    }

    private Document render(String call, Map<String, Object> model) {
        Context context = new Context(Locale.ROOT, model);
        return Jsoup.parse(engine.process("<form th:replace=\"~{fragments/fields :: " + call + "}\"></form>", context));
    }

    @Test
    void textFieldWithHintAndErrorPointsToBoth() {
        Document d = render("textField(name='email', label='E-mail', inputType='email', value=${v}, hint='fx a@b.dk', required=true)",
                Map.of("v", "x@", "errors", Map.of("email", "Ugyldig e-mail")));
        Element input = d.getElementById("email");
        assertThat(input.attr("name")).isEqualTo("email");
        assertThat(input.attr("type")).isEqualTo("email");
        assertThat(input.attr("value")).isEqualTo("x@");
        assertThat(input.hasAttr("required")).isTrue();
        assertThat(input.attr("aria-invalid")).isEqualTo("true");
        assertThat(input.attr("aria-describedby")).isEqualTo("email-hint email-error");
        assertThat(d.select("label[for=email]").text()).isEqualTo("E-mail *");
        assertThat(d.getElementById("email-hint").text()).isEqualTo("fx a@b.dk");
        Element error = d.getElementById("email-error");
        assertThat(error.text()).isEqualTo("Ugyldig e-mail");
        assertThat(error.hasClass("error")).isTrue();
    }

    @Test
    void fieldWithoutHintOrErrorHasNoDescription() {
        Document d = render("textField(name='name', label='Navn', value='Ann')", Map.of("errors", Map.of("other", "fejl")));
        Element input = d.getElementById("name");
        assertThat(input.hasAttr("aria-describedby")).isFalse();
        assertThat(input.hasAttr("aria-invalid")).isFalse();
        assertThat(input.hasAttr("required")).isFalse();
        assertThat(input.attr("type")).isEqualTo("text");
        assertThat(d.getElementById("name-error")).isNull();
    }

    @Test
    void errorsAreLookedUpUnderTheIdAndAnExplicitMapWins() {
        Document d = render("textareaField(name='text', fieldId='goal-text', label='Mål', value='x', errors=${goalErrors}, lines=2)",
                Map.of("errors", Map.of("text", "forkert kort"), "goalErrors", Map.of("goal-text", "Skriv målet")));
        Element area = d.getElementById("goal-text");
        assertThat(area.attr("name")).isEqualTo("text");
        assertThat(area.attr("rows")).isEqualTo("2");
        assertThat(area.attr("aria-describedby")).isEqualTo("goal-text-error");
        assertThat(d.getElementById("goal-text-error").text()).isEqualTo("Skriv målet");
    }

    @Test
    void selectOffersOptionsWithTheChosenOneSelected() {
        record Team(long id, String name) { }
        Document d = render("selectField(name='teamId', label='Team', options=${teams}, optionValue='o.id()', optionLabel='o.name()', "
                + "selected=${chosen}, blank='Vælg')", Map.of("teams", List.of(new Team(1, "Nord"), new Team(2, "Syd")), "chosen", 2L,
                "errors", Map.of("teamId", "Vælg et team")));
        Element select = d.getElementById("teamId");
        assertThat(select.select("option").eachText()).containsExactly("Vælg", "Nord", "Syd");
        assertThat(select.select("option").eachAttr("value")).containsExactly("", "1", "2");
        assertThat(select.select("option[selected]").text()).isEqualTo("Syd");
        assertThat(select.attr("aria-describedby")).isEqualTo("teamId-error");
    }

    @Test
    void checkboxGroupLabelsFromMessagesAndTiesTheErrorToTheFieldset() {
        Document d = render("choicesField(name='roles', label='Roller', options=${roles}, labelPrefix='role.', checked=${chosen})",
                Map.of("roles", List.of("ADMIN", "READER"), "chosen", List.of("READER"), "errors", Map.of("roles", "Vælg mindst én rolle")));
        Element fieldset = d.getElementById("roles");
        assertThat(fieldset.tagName()).isEqualTo("fieldset");
        assertThat(fieldset.attr("aria-describedby")).isEqualTo("roles-error");
        assertThat(fieldset.select("legend").text()).isEqualTo("Roller");
        assertThat(fieldset.select("label.check").eachText()).containsExactly("Administrator", "Læser");
        assertThat(fieldset.select("input[type=checkbox][checked]").eachAttr("value")).containsExactly("READER");
        assertThat(d.getElementById("roles-error").text()).isEqualTo("Vælg mindst én rolle");
    }

    /**
     * Every form field is written through fragments/fields.html, so each has its label, hint and own error. The
     * controls below are not a labelled form field of their own and stay hand-written; each entry is
     * "template path: the control's id or name", with why.
     */
    private static final List<String> NOT_FORM_FIELDS = List.of(
            // the person picker of a new referral: a search result per radio button, labelled with name and masked CPR,
            // plus the person already chosen and "new person"; three sources of choices, not one list of options
            "casework/referral-new.html: <input type=\"radio\" name=\"personId\"",
            // the action to update: options grouped over the plan's goals (goal:action index pairs), not one list
            "casework/plan/plan.html: <select id=\"progress-action\"",
            // the offence table edits each row in its cells (named by aria-label, tied to the row's form by form=);
            // a table cell, not a labelled form field; the new-offence form below uses the fragments
            "outcomes/offences.html: <input th:form=",
            "outcomes/offences.html: <select th:form=");

    private static final Pattern CONTROL = Pattern.compile("<(input|select|textarea)\\b[^>]*>", Pattern.CASE_INSENSITIVE);

    @Test
    void noTemplateWritesAFormControlOutsideTheFieldFragments() throws IOException {
        List<String> found;
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            found = files.filter(p -> p.toString().endsWith(".html"))
                    .filter(p -> !TEMPLATES.relativize(p).startsWith("fragments"))
                    .flatMap(FieldFragmentsTest::controls)
                    .filter(c -> NOT_FORM_FIELDS.stream().noneMatch(c::startsWith))
                    .toList();
        }
        assertThat(found).as("form controls written by hand; use fragments/fields.html").isEmpty();
    }

    private static Stream<String> controls(Path file) {
        String name = TEMPLATES.relativize(file).toString().replace('\\', '/');
        String html;
        try {
            html = Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Matcher m = CONTROL.matcher(html);
        Stream.Builder<String> out = Stream.builder();
        while (m.find()) {
            String tag = m.group();
            // hidden inputs (CSRF tokens, ids and versions carried by a form) are not fields anyone fills in
            if (tag.matches("(?is).*\\btype=\"hidden\".*")) continue;
            out.add(name + ": " + tag.replaceAll("\\s+", " "));
        }
        return out.build();
    }
}
