package care.registry.site.domain;

import care.contracts.event.Sector;

/** A service a site offers (助餐, 日间照料, 早期发展指导 …), as the seeds name them; each belongs to one sector. */
public enum ServiceOffered {
    RESIDENTIAL_CARE(Sector.ELDERLY, "机构住养"),
    MEAL_AID(Sector.ELDERLY, "助餐"),
    BATH_AID(Sector.ELDERLY, "助浴"),
    DAY_CARE(Sector.ELDERLY, "日间照料"),
    HOME_VISIT(Sector.ELDERLY, "上门服务"),
    REHABILITATION(Sector.ELDERLY, "康复护理"),
    MEDICAL_CARE(Sector.ELDERLY, "医疗服务"),
    RESPITE(Sector.ELDERLY, "喘息服务"),
    DISABILITY_CARE(Sector.ELDERLY, "失能照护"),
    CHILD_MEALS(Sector.CHILDCARE, "膳食"),
    CHILD_HEALTH(Sector.CHILDCARE, "卫生保健"),
    EARLY_EDUCATION(Sector.CHILDCARE, "早期发展指导"),
    PARENT_GUIDANCE(Sector.CHILDCARE, "家庭养育指导"),
    EXTENDED_HOURS(Sector.CHILDCARE, "延时托");

    public final Sector sector;
    public final String label;

    ServiceOffered(Sector sector, String label) {
        this.sector = sector;
        this.label = label;
    }
}
