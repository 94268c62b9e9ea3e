package care.contracts.event;

/**
 * A 经营场所 as a filing declares it: sites in the same county belong to one institution, no branch entity
 * (seed 000 §25). Its capacity breakdown (护理型 beds, 托位 by age group, services) is kept in the registry.
 *
 * @param divisionCode the county (GB/T 2260); always the institution's own county
 * @param capacity     beds (养老) or 托位 (托育) at this site
 */
public record SiteSnapshotV1(String name, String divisionCode, String address, int capacity) {
}
