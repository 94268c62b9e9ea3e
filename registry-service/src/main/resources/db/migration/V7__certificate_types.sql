-- Certificate types become a closed list (care.contracts.event.CertificateType): the roster stores the code. The
-- labels entered so far that name a listed type become its code; any other free text stays as entered, is shown as
-- it is, counts for no programme (the event carries no type for it), and an edit of the entry must pick a listed type.
update staff set certificate_type = case certificate_type
    when '养老护理员职业技能等级证书' then 'ELDERLY_CARE_SKILL'
    when '养老护理员职业资格证书' then 'ELDERLY_CARE_QUALIFICATION'
    when '保育员职业技能等级证书' then 'NURSERY_TEACHER_SKILL'
    when '育婴员职业技能等级证书' then 'INFANT_CARER_SKILL'
    when '托育机构保健人员培训合格证' then 'CHILDCARE_HEALTH_TRAINING'
    when '护士执业证书' then 'NURSE_LICENCE'
    when '医师执业证书' then 'DOCTOR_LICENCE'
    when '社会工作者职业水平证书' then 'SOCIAL_WORKER'
    else certificate_type end
where certificate_type is not null;
