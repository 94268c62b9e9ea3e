package care.registry.account.service;

import care.contracts.event.Sector;
import care.contracts.security.Roles;

import java.util.Arrays;
import java.util.Optional;

/**
 * The roles a city admin may give, and what each is bound to: a reviewer to its department's sector and a county
 * (or the whole city), an auditor and a city admin to the city. Institution and finance are never given here.
 */
public enum StaffRole {
    CIVIL_AFFAIRS_REVIEWER(Roles.CIVIL_AFFAIRS_REVIEWER, "民政审核人员（养老）", Sector.ELDERLY),
    HEALTH_REVIEWER(Roles.HEALTH_REVIEWER, "卫健审核人员（托育）", Sector.CHILDCARE),
    AUDITOR(Roles.AUDITOR, "审计人员（只读）", null),
    CITY_ADMIN(Roles.CITY_ADMIN, "市级管理员", null);

    public final String role;
    public final String label;
    /** The sector a reviewer reviews; null for the city-wide roles. */
    public final Sector sector;

    StaffRole(String role, String label, Sector sector) {
        this.role = role;
        this.label = label;
        this.sector = sector;
    }

    public boolean isReviewer() {
        return sector != null;
    }

    public static Optional<StaffRole> of(String role) {
        return Arrays.stream(values()).filter(r -> r.role.equals(role)).findFirst();
    }
}
