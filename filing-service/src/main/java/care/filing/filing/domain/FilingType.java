package care.filing.filing.domain;

/** The four kinds of 备案 (seed 000 §25: a site in the same county is added, no branch entity). */
public enum FilingType {
    /** 新设备案 */
    NEW,
    /** 变更备案 */
    CHANGE,
    /** 增加经营场所 */
    ADD_SITE,
    /** 注销备案 */
    CLOSE
}
