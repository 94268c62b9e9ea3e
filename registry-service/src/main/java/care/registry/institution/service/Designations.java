package care.registry.institution.service;

/** 普惠 and 示范, as the competent department or the city admin sets them. */
public record Designations(boolean inclusive, boolean demonstration) {
}
