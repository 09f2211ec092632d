package dk.vendepunkt.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import dk.vendepunkt.audit.AuditLog;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;

/** An API request that is refused answers a problem document whose texts come from the bundle, in the user's language. */
class AccessDeniedProblemTest {

    static String answer(Locale locale) throws Exception {
        ResourceBundleMessageSource bundle = new ResourceBundleMessageSource();
        bundle.setBasename("i18n/audit");
        bundle.setDefaultEncoding("UTF-8");
        bundle.setFallbackToSystemLocale(false);
        var handler = new AuditingAccessDeniedHandler(mock(AuditLog.class), bundle, new FixedLocaleResolver(locale));
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/persons/1");
        MockHttpServletResponse response = new MockHttpServletResponse();
        handler.handle(request, response, new AccessDeniedException("Access Denied"));
        assertThat(response.getStatus()).isEqualTo(403);
        return response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void theProblemIsDanishByDefaultAndEnglishForAnEnglishUser() throws Exception {
        assertThat(answer(Locale.of("da"))).isEqualTo("{\"type\":\"urn:vendepunkt:problem:403\",\"title\":\"Adgang nægtet\",\"status\":403,"
                + "\"detail\":\"Du har ikke adgang til denne ressource.\"}");
        assertThat(answer(Locale.ENGLISH)).contains("\"title\":\"Access denied\"").contains("\"detail\":\"You do not have access to this resource.\"");
    }
}
