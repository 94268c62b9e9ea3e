package care.contracts.event;

/** The kinds of institution the seeds name, each in its sector. */
public enum InstitutionKind {
    RURAL_NURSING_HOME(Sector.ELDERLY, "农村敬老院"),
    URBAN_PUBLIC_WELFARE(Sector.ELDERLY, "城市公办养老福利机构"),
    PRIVATE_CARE_HOME(Sector.ELDERLY, "社会力量兴办养老机构"),
    HOME_CARE_CENTER(Sector.ELDERLY, "城乡居家养老服务中心"),
    MUTUAL_AID_STATION(Sector.ELDERLY, "互助养老服务站"),
    ELDERLY_CANTEEN(Sector.ELDERLY, "老年幸福食堂"),
    MEDICAL_ELDERLY_CARE(Sector.ELDERLY, "医养结合机构"),
    STREET_CARE_CENTER(Sector.ELDERLY, "街道级综合养老服务中心"),
    RURAL_REGIONAL_CENTER(Sector.ELDERLY, "农村区域养老服务中心"),
    COUNTY_DISABILITY_CARE(Sector.ELDERLY, "县级失能照护机构"),

    FULL_DAYCARE(Sector.CHILDCARE, "全托育机构"),
    NURSERY_KINDERGARTEN(Sector.CHILDCARE, "托幼一体机构"),
    KINDERGARTEN_CLASS(Sector.CHILDCARE, "幼儿园提供插班服务"),
    COMMUNITY_POINT(Sector.CHILDCARE, "社区托育点"),
    FAMILY_NEIGHBOUR(Sector.CHILDCARE, "家庭邻托"),
    WORKPLACE(Sector.CHILDCARE, "用人单位托育"),
    MEDICAL_CHILDCARE(Sector.CHILDCARE, "医育融合托育机构"),
    OTHER_CHILDCARE(Sector.CHILDCARE, "其他托育机构");

    public final Sector sector;
    public final String label;

    InstitutionKind(Sector sector, String label) {
        this.sector = sector;
        this.label = label;
    }
}
