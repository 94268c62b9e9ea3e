package care.contracts.event;

import java.util.Arrays;
import java.util.Optional;

/**
 * The certificates a roster entry may name: a closed list, each with the rule it comes from, so that a programme can
 * say which ones count (the nursing allowance of seed 000 §19 counts only a 养老护理 vocational certificate). The
 * registry stores and sends the code; the label is what a clerk sees and may also type.
 */
public enum CertificateType {
    ELDERLY_CARE_SKILL("养老护理员职业技能等级证书", "国家职业技能标准《养老护理员》（2019年版）：五级/初级工至一级/高级技师"),
    ELDERLY_CARE_QUALIFICATION("养老护理员职业资格证书",
            "国家职业资格《养老护理员》：2019年起由职业技能等级认定取代，此前取得的证书仍然有效"),
    NURSERY_TEACHER_SKILL("保育员职业技能等级证书", "国家职业技能标准《保育员》"),
    INFANT_CARER_SKILL("育婴员职业技能等级证书", "国家职业技能标准《育婴员》"),
    CHILDCARE_HEALTH_TRAINING("托育机构保健人员培训合格证", "《托育机构设置标准（试行）》（国卫人口发〔2019〕58号）：保健人员"),
    NURSE_LICENCE("护士执业证书", "《护士条例》"),
    DOCTOR_LICENCE("医师执业证书", "《中华人民共和国医师法》"),
    SOCIAL_WORKER("社会工作者职业水平证书", "《社会工作者职业水平评价暂行规定》");

    public final String label;
    /** the rule that defines the certificate */
    public final String source;

    CertificateType(String label, String source) {
        this.label = label;
        this.source = source;
    }

    /** The type a code or a label names; empty for anything else (free text entered before the list existed). */
    public static Optional<CertificateType> of(String codeOrLabel) {
        if (codeOrLabel == null) {
            return Optional.empty();
        }
        String s = codeOrLabel.strip();
        return Arrays.stream(values()).filter(t -> t.name().equals(s) || t.label.equals(s)).findFirst();
    }
}
