package care.registry.account.service;

import care.contracts.event.Sector;

/** What an institution states when it registers (checked by the resource's request before it gets here). */
public record RegistrationDetails(String uscc, String institutionName, Sector sector, String divisionCode,
                                  String legalRepresentative, String operatorName, String mobile, String password) {
}
