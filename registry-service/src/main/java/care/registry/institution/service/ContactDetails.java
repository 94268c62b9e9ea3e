package care.registry.institution.service;

/** The institution's day-to-day contacts as it changes them; blank person or e-mail clears it. */
public record ContactDetails(String contactPerson, String contactPhone, String contactEmail) {
}
