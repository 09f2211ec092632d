package dk.vendepunkt.organisation.internal;

import jakarta.servlet.ServletException;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * The security headers on responses the application never saw: Tomcat's own error pages (a malformed
 * URI, an unknown method). Runs as an engine valve after the forwarded-headers valve, so a request
 * that came as HTTPS through the proxy also gets HSTS. Only fills in headers that are missing, and
 * only while the response is not yet sent; the application's responses already carry them all from
 * {@link SecurityConfiguration}.
 */
@Component
class ErrorPageHeaders implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addEngineValves(new Valve());
    }

    static final class Valve extends ValveBase {
        Valve() {
            super(true);
        }

        @Override
        public void invoke(Request request, Response response) throws IOException, ServletException {
            // refused before the application (malformed URI, TRACE): Tomcat's error report valve writes and
            // sends its page during the call, so the headers go on first
            if (request.getContext() == null || response.isError()) addMissing(request, response);
            getNext().invoke(request, response);
            if (!response.isCommitted()) addMissing(request, response);
        }

        private static void addMissing(Request request, Response response) {
            setIfAbsent(response, "Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
            setIfAbsent(response, "X-Content-Type-Options", "nosniff");
            setIfAbsent(response, "X-Frame-Options", "DENY");
            setIfAbsent(response, "Referrer-Policy", "same-origin");
            setIfAbsent(response, "Permissions-Policy", SecurityConfiguration.PERMISSIONS_POLICY);
            if (request.isSecure()) setIfAbsent(response, "Strict-Transport-Security", "max-age=31536000 ; includeSubDomains");
        }

        private static void setIfAbsent(Response response, String name, String value) {
            if (!response.containsHeader(name)) response.setHeader(name, value);
        }
    }
}
