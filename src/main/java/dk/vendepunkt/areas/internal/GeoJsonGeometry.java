package dk.vendepunkt.areas.internal;

import dk.vendepunkt.platform.imports.ImportMessages;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * GeoJSON Polygon/MultiPolygon (WGS84, [lon, lat] positions) to JTS geometries with x = longitude and
 * y = latitude. Problems are reported as {@link IllegalArgumentException} with a Danish message.
 */
public final class GeoJsonGeometry {

    static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);
    public static final JsonMapper JSON = JsonMapper.builder().build();

    private GeoJsonGeometry() {}

    static Geometry parse(String json) {
        return parse(JSON.readTree(json));
    }

    public static Geometry parse(JsonNode geom) {
        if (geom == null || !geom.isObject()) {
            throw new IllegalArgumentException(ImportMessages.text("import.geometry.missing"));
        }
        String type = geom.path("type").asString("");
        JsonNode coords = geom.path("coordinates");
        if (!coords.isArray()) {
            throw new IllegalArgumentException(ImportMessages.text("import.geometry.coordinates"));
        }
        return switch (type) {
            case "Polygon" -> polygon(coords);
            case "MultiPolygon" -> {
                if (coords.isEmpty()) throw new IllegalArgumentException(ImportMessages.text("import.geometry.multiPolygon"));
                Polygon[] polys = new Polygon[coords.size()];
                for (int i = 0; i < polys.length; i++) polys[i] = polygon(coords.get(i));
                yield FACTORY.createMultiPolygon(polys);
            }
            default -> throw new IllegalArgumentException(ImportMessages.text("import.geometry.type", type));
        };
    }

    private static Polygon polygon(JsonNode rings) {
        if (!rings.isArray() || rings.isEmpty()) {
            throw new IllegalArgumentException(ImportMessages.text("import.geometry.polygon"));
        }
        LinearRing shell = ring(rings.get(0));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) holes[i - 1] = ring(rings.get(i));
        return FACTORY.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode positions) {
        if (!positions.isArray() || positions.size() < 4) {
            throw new IllegalArgumentException(ImportMessages.text("import.geometry.ring.size"));
        }
        List<Coordinate> cs = new ArrayList<>(positions.size());
        for (JsonNode p : positions) {
            if (!p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
                throw new IllegalArgumentException(ImportMessages.text("import.geometry.position"));
            }
            double lon = p.get(0).doubleValue();
            double lat = p.get(1).doubleValue();
            if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
                throw new IllegalArgumentException(ImportMessages.text("import.geometry.wgs84", String.valueOf(lon), String.valueOf(lat)));
            }
            cs.add(new Coordinate(lon, lat));
        }
        if (!cs.getFirst().equals2D(cs.getLast())) {
            throw new IllegalArgumentException(ImportMessages.text("import.geometry.ring.closed"));
        }
        return FACTORY.createLinearRing(cs.toArray(Coordinate[]::new));
    }

    /** Why a geometry is invalid (self-intersection etc.), or null when valid. */
    public static String invalidReason(Geometry g) {
        var op = new org.locationtech.jts.operation.valid.IsValidOp(g);
        var err = op.getValidationError();
        return err == null ? null : ImportMessages.text("import.geometry.invalid", err.getMessage(), String.valueOf(err.getCoordinate()));
    }
}
