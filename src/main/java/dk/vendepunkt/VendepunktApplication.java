package dk.vendepunkt;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Vendepunkt: one Spring Boot application, a modular monolith (see docs/modules). */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class VendepunktApplication {

    public static void main(String[] args) {
        SpringApplication.run(VendepunktApplication.class, args);
    }
}
