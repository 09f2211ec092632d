package dk.vendepunkt.platform.web;

import java.util.Map;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Liveness and readiness probes for an orchestrator or load balancer, public, status only: {@code /livez} (UP unless
 * the application is broken) and {@code /readyz} (UP while it accepts traffic; OUT_OF_SERVICE, 503, while the demo
 * data of a first start loads and while shutting down). The same paths and answers as Spring Boot's probe groups
 * ({@code management.endpoint.health.probes.*}), which are not used because every health group would be listed in
 * {@code /actuator/health}, whose answer the operator contract fixes to {@code {"status":"UP"}}.
 */
@RestController
class Probes {

    private final ApplicationAvailability availability;

    Probes(ApplicationAvailability availability) {
        this.availability = availability;
    }

    @GetMapping("/livez")
    ResponseEntity<Map<String, String>> liveness() {
        return availability.getLivenessState() == LivenessState.CORRECT ? status(200, "UP") : status(503, "DOWN");
    }

    @GetMapping("/readyz")
    ResponseEntity<Map<String, String>> readiness() {
        return availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC ? status(200, "UP") : status(503, "OUT_OF_SERVICE");
    }

    private static ResponseEntity<Map<String, String>> status(int code, String status) {
        return ResponseEntity.status(code).body(Map.of("status", status));
    }
}
