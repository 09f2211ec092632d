package dk.vendepunkt.platform.internal;

import dk.vendepunkt.platform.Texts;
import dk.vendepunkt.platform.ValidationException;
import dk.vendepunkt.platform.ValidationException.FieldProblem;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/** Danish by default whatever the browser asks for; {@code ?lang=en} switches to English (kept in a cookie). */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    static final Locale DANISH = Locale.of("da");

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver r = new CookieLocaleResolver("vp-lang");
        r.setDefaultLocale(DANISH);
        r.setCookieMaxAge(Duration.ofDays(365));
        return r;
    }

    /**
     * Every string of a JSON request body follows {@link Texts}' rule (no NUL or other control
     * character, at most {@link Texts#MAX_LENGTH} characters): a breach is a {@link ValidationException}
     * naming the JSON field, answered 400 by {@link ApiExceptionHandler}.
     */
    @Bean
    JacksonModule textRule() {
        return new SimpleModule("vendepunkt-texts").addDeserializer(String.class, new StringDeserializer() {
            @Override
            public String deserialize(JsonParser p, DeserializationContext ctxt) {
                String value = super.deserialize(p, ctxt);
                if (value == null || (value.length() <= Texts.MAX_LENGTH && !Texts.hasControl(value))) return value;
                String field = p.currentName() != null ? p.currentName() : p.streamReadContext().getParent() == null
                        ? "" : String.valueOf(p.streamReadContext().getParent().currentName());
                FieldProblem problem = Texts.problem(Texts.excerpt(field), value, Texts.MAX_LENGTH);
                throw new ValidationException(List.of(problem));
            }
        });
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor i = new LocaleChangeInterceptor();
        i.setParamName("lang");
        registry.addInterceptor(i);
    }
}
