package dk.vendepunkt.areas;

/**
 * A bydel or a district.
 *
 * @param parentCode the bydel's code for a district; null for a bydel
 */
public record Area(String code, String name, AreaLevel level, String parentCode) {}
