package dk.vendepunkt.platform;

import java.time.ZoneId;

/** The municipality's time zone: dates are LocalDate in Europe/Copenhagen. */
public final class Zones {
    public static final ZoneId ZONE = ZoneId.of("Europe/Copenhagen");

    private Zones() {}
}
