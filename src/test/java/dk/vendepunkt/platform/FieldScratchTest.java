package dk.vendepunkt.platform;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.StringTemplateResolver;

class FieldScratchTest {
    record D(String code, String label, String name) { }
    @Test
    void scratch() {
        ClassLoaderTemplateResolver files = new ClassLoaderTemplateResolver();
        files.setPrefix("templates/"); files.setSuffix(".html"); files.setTemplateMode(TemplateMode.HTML); files.setOrder(2); files.setCheckExistence(true);
        StringTemplateResolver inline = new StringTemplateResolver(); inline.setOrder(3);
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.addTemplateResolver(files); engine.addTemplateResolver(inline);
        StaticMessageSource m = new StaticMessageSource();
        m.addMessage("pf.q.a", Locale.ROOT, "Spørgsmål A"); m.addMessage("pf.direction.UP", Locale.ROOT, "Op");
        engine.setTemplateEngineMessageSource(m);
        String t = """
          <div th:replace="~{fragments/fields :: selectField(name='departmentCode', label='X', options=${ds}, optionValue='o.code()', optionLabel='o.label() + \\' – \\' + o.name()')}"></div>
          <div th:replace="~{fragments/fields :: selectField(name='direction', label='D', options=${#strings.arraySplit('UP,DOWN', ',')}, labelPrefix='pf.direction.', selected=${dir}, lastValue='0', lastLabel='Intet')}"></div>
          <th:block th:each="q : ${qs}"><div th:replace="~{fragments/fields :: textareaField(name=${q}, label=#{'pf.q.' + ${q}}, value='v')}"></div></th:block>
          <div th:replace="~{fragments/fields :: textField(name='reason', label='R', errors=${ {'reason': reasonError} })}"></div>
          <div th:replace="~{fragments/fields :: textField(name='reason2', label='R2', errors=${ {'reason2': null} })}"></div>
          <div th:replace="~{fragments/fields :: choicesField(name='gang', label='G', options=${#strings.arraySplit('true,false', ',')}, radio=true, checked=${ {true} }, required=true)}"></div>
          """;
        System.out.println("SCRATCH\n" + engine.process(t, new Context(Locale.ROOT, Map.of("ds", List.of(new D("SOF", "S", "Social")), "dir", "UP", "qs", List.of("a"), "reasonError", "Skriv", "form", Map.of("x", 1)))));
    }
}
