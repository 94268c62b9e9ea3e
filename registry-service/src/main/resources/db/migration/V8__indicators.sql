-- 2025 indicators (指标监测): the plans' targets as dated, versioned, sourced data; county populations entered by a
-- city admin as dated versions; and the history the register needs so that a past month's figures are reproducible
-- (capacity breakdowns and designations were kept in place only). The roster gains the head's education.

-- Every target of both plans' lists, one row per target and version. A target the register cannot measure keeps
-- its sentence with measure null and the reason. A new version (a city admin's correction) is a new row; rows are
-- never updated. recorded_at of the plans' own rows is the plan's date: the targets held from then on.
create table indicator_target (
    id                  bigserial primary key,
    code                varchar(16)  not null,
    city_code           char(6)      not null,
    sector              varchar(16)  not null,
    name                varchar(200) not null,
    measure             varchar(40),
    not_measured_reason varchar(300),
    direction           varchar(2) check (direction in ('>=', '<=')),
    target_value        numeric(14, 3),
    unit                varchar(20),
    target_on           date         not null,
    baseline_on         date,
    scope               varchar(8)   not null check (scope in ('CITY', 'COUNTY')),
    source_document     varchar(200) not null,
    source_section      varchar(100) not null,
    source_sentence     text         not null,
    version             integer      not null,
    effective_from      date         not null,
    recorded_at         timestamptz  not null,
    recorded_by         varchar(80)  not null,
    unique (code, version),
    check ((measure is null) = (not_measured_reason is not null)),
    check (measure is null or (direction is not null and target_value is not null and unit is not null))
);
create index indicator_target_city on indicator_target (city_code, code, version desc);

-- scope CITY: the plan sets the figure for the city as a whole (a count), so counties show their part without a
-- target. baseline_on: the day the plan's own figures describe (Kunming 截至2021年12月, Qujing 2020年底), where
-- 新增 counts from and where the straight line to the target starts.
insert into indicator_target (code, city_code, sector, name, measure, not_measured_reason, direction, target_value,
                              unit, target_on, baseline_on, scope, source_document, source_section, source_sentence,
                              version, effective_from, recorded_at, recorded_by) values
('KM-E-01', '530100', 'ELDERLY', '基本养老保险参保率达到95%', null, '参保人数和参保率在社保部门，不在本登记簿', null, null, null, '2025-12-31', null, 'CITY', '000_9cfba11903965bf6.txt 昆明市促进养老托育服务体系发展整体解决方案', '二、发展目标（养老服务方面）', '基本养老保险参保率达到95%', 1, '2022-11-29', '2022-11-29T00:00:00+08:00', 'V8__indicators.sql'),
('KM-E-02', '530100', 'ELDERLY', '基本医疗保险参保率大于96%', null, '参保人数和参保率在社保部门，不在本登记簿', null, null, null, '2025-12-31', null, 'CITY', '000_9cfba11903965bf6.txt 昆明市促进养老托育服务体系发展整体解决方案', '二、发展目标（养老服务方面）', '基本医疗保险参保率大于96%', 1, '2022-11-29', '2022-11-29T00:00:00+08:00', 'V8__indicators.sql'),
('KM-E-03', '530100', 'ELDERLY', '长期护理保险试点参保人数达到195万人', null, '参保人数在医保部门，不在本登记簿', null, null, null, '2025-12-31', null, 'CITY', '000_9cfba11903965bf6.txt 昆明市促进养老托育服务体系发展整体解决方案', '二、发展目标（养老服务方面）', '长期护理保险试点参保人数达到195万人', 1, '2022-11-29', '2022-11-29T00:00:00+08:00', 'V8__indicators.sql'),
('KM-E-04', '530100', 'ELDERLY', '失能特困人员集中供养率不低于60%', null, '特困人员及其供养方式在社会救助系统，不在本登记簿', null, null, null, '2025-12-31', null, 'CITY', '000_9cfba11903965bf6.txt 昆明市促进养老托育服务体系发展整体解决方案', '二、发展目标（养老服务方面）', '失能特困人员集中供养率不低于60%', 1, '2022-11-29', '2022-11-29T00:00:00+08:00', 'V8__indicators.sql'),
('KM-E-05', '530100', 'ELDERLY', '街道级综合养老服务中心覆盖率达到100%', null, '按乡镇（街道）、社区、村的设施覆盖计算，本登记簿只登记备案机构，不登记服务中心（站）及其覆盖范围', null, null, null, '2025-12-31', null, 'CITY', '000_9cfba11903965bf6.txt 昆明市促进养老托育服务体系发展整体解决方案', '二、发展目标（养老服务方面）', '街道级综合养老服务中心覆盖率达到100%', 1, '2022-11-29', '2022-11-29T00:00:00+08:00', 'V8__indicators.sql'),
('KM-E-06', '530100', 'ELDERLY', '新建城区和居住区配套建设养老服务设施达标率达到100%', null, '配建设施达标率属规划和住建部门，不在本登记簿', null, null, null, '2025-12-31', null, 'CITY', '000_9cfba11903965bf6.txt 昆明市促进养老托育服务体系发展整体解决方案', '二、发展目标（养老服务方面）', '新建城区和居住区配套建设养老服务设施达标率达到100%', 1, '2022-11-29', '2022-11-29T00:00:00+08:00', 'V8__indicators.sql'),
('KM-E-07', '530100', 'ELDERLY', '每千名老年人养老床位数', 'BEDS_PER_THOUSAND_AGED', null, '>=', 31, '张/千名老年人', '2025-12-31', '2021-12-31', 'COUNTY', '000_9cfba11903965bf6.txt 昆明市促进养老托育服务体系发展整体解决方案', '二、发展目标（养老服务方面）', '每千名老年人养老床位数31张', 1, '2022-11-29', '2022-11-29T00:00:00+08:00', 'V8__indicators.sql'),
('KM-E-08', '530100', 'ELDERLY', '养老机构护理型床位占比', 'NURSING_BED_SHARE', null, '>=', 60, '%', '2025-12-31', '2021-12-31', 'COUNTY', '000_9cfba11903965bf6.txt 昆明市促进养老托育服务体系发展整体解决方案', '二、发展目标（养老服务方面）', '养老机构护理型养老床位占比60%以上', 1, '2022-11-29', '2022-11-29T00:00:00+08:00', 'V8__indicators.sql'),
('KM-E-09', '530100', 'ELDERLY', '兜底线和普惠性养老床位合计占比', 'INCLUSIVE_BED_SHARE', null, '>=', 80, '%', '2025-12-31', '2021-12-31', 'COUNTY', '000_9cfba11903965bf6.txt 昆明市促进养老托育服务体系发展整体解决方案', '二、发展目标（养老服务方面）', '兜底线和普惠性养老床位合计占比80%以上', 1, '2022-11-29', '2022-11-29T00:00:00+08:00', 'V8__indicators.sql'),
('KM-E-10', '530100', 'ELDERLY', '老年人健康管理率达到65%', null, '健康管理数据在卫生健康系统，不在本登记簿', null, null, null, '2025-12-31', null, 'CITY', '000_9cfba11903965bf6.txt 昆明市促进养老托育服务体系发展整体解决方案', '二、发展目标（养老服务方面）', '老年人健康管理率达到65%', 1, '2022-11-29', '2022-11-29T00:00:00+08:00', 'V8__indicators.sql'),
('KM-E-11', '530100', 'ELDERLY', '特殊困难老年人月探访率达到100%', null, '探访记录不在本登记簿', null, null, null, '2025-12-31', null, 'CITY', '000_9cfba11903965bf6.txt 昆明市促进养老托育服务体系发展整体解决方案', '二、发展目标（养老服务方面）', '特殊困难老年人月探访率达到100%', 1, '2022-11-29', '2022-11-29T00:00:00+08:00', 'V8__indicators.sql'),
('KM-E-12', '530100', 'ELDERLY', '人均预期寿命81岁', null, '人口统计指标，不在本登记簿', null, null, null, '2025-12-31', null, 'CITY', '000_9cfba11903965bf6.txt 昆明市促进养老托育服务体系发展整体解决方案', '二、发展目标（养老服务方面）', '人均预期寿命81岁', 1, '2022-11-29', '2022-11-29T00:00:00+08:00', 'V8__indicators.sql'),
('KM-E-13', '530100', 'ELDERLY', '养老服务业年营业收入达到3亿元以上', null, '营业收入属统计部门，不在本登记簿', null, null, null, '2025-12-31', null, 'CITY', '000_9cfba11903965bf6.txt 昆明市促进养老托育服务体系发展整体解决方案', '二、发展目标（养老服务方面）', '养老服务业年营业收入达到3亿元以上', 1, '2022-11-29', '2022-11-29T00:00:00+08:00', 'V8__indicators.sql'),
('KM-E-14', '530100', 'ELDERLY', '财政（福彩公益金）投入比例不低于55%', null, '财政资金投入比例属财政和民政部门，不在本登记簿', null, null, null, '2025-12-31', null, 'CITY', '000_9cfba11903965bf6.txt 昆明市促进养老托育服务体系发展整体解决方案', '二、发展目标（养老服务方面）', '财政（福彩公益金）投入比例不低于55%', 1, '2022-11-29', '2022-11-29T00:00:00+08:00', 'V8__indicators.sql'),
('KM-E-15', '530100', 'ELDERLY', '培养养老护理员12000名', null, '培训培养人数不在本登记簿（登记簿只有在岗人员）', null, null, null, '2025-12-31', null, 'CITY', '000_9cfba11903965bf6.txt 昆明市促进养老托育服务体系发展整体解决方案', '二、发展目标（养老服务方面）', '培养养老护理员12000名', 1, '2022-11-29', '2022-11-29T00:00:00+08:00', 'V8__indicators.sql'),
('KM-E-16', '530100', 'ELDERLY', '每千名老年人配套社会工作者人数不低于1名', null, '按老年人口配备的社会工作者含机构以外的社工，本登记簿只有备案机构在岗人员', null, null, null, '2025-12-31', null, 'CITY', '000_9cfba11903965bf6.txt 昆明市促进养老托育服务体系发展整体解决方案', '二、发展目标（养老服务方面）', '每千名老年人配套社会工作者人数不低于1名', 1, '2022-11-29', '2022-11-29T00:00:00+08:00', 'V8__indicators.sql'),
('KM-E-17', '530100', 'ELDERLY', '全市每个县（市）区至少建有1所老年大学', null, '老年教育机构不在本登记簿', null, null, null, '2025-12-31', null, 'CITY', '000_9cfba11903965bf6.txt 昆明市促进养老托育服务体系发展整体解决方案', '二、发展目标（养老服务方面）', '全市每个县（市）区至少建有1所老年大学', 1, '2022-11-29', '2022-11-29T00:00:00+08:00', 'V8__indicators.sql'),
('KM-E-18', '530100', 'ELDERLY', '70%以上乡镇（街道）建有老年大学分校（老年学校）', null, '老年教育机构不在本登记簿', null, null, null, '2025-12-31', null, 'CITY', '000_9cfba11903965bf6.txt 昆明市促进养老托育服务体系发展整体解决方案', '二、发展目标（养老服务方面）', '70%以上乡镇（街道）建有老年大学分校（老年学校）', 1, '2022-11-29', '2022-11-29T00:00:00+08:00', 'V8__indicators.sql'),
('KM-E-19', '530100', 'ELDERLY', '50%以上行政村（社区）建有老年大学学习点', null, '老年教育机构不在本登记簿', null, null, null, '2025-12-31', null, 'CITY', '000_9cfba11903965bf6.txt 昆明市促进养老托育服务体系发展整体解决方案', '二、发展目标（养老服务方面）', '50%以上行政村（社区）建有老年大学学习点', 1, '2022-11-29', '2022-11-29T00:00:00+08:00', 'V8__indicators.sql'),
('KM-E-20', '530100', 'ELDERLY', '经常性参加教育活动的老年人占老年人口总数的比例达到20%以上', null, '老年教育参与情况不在本登记簿', null, null, null, '2025-12-31', null, 'CITY', '000_9cfba11903965bf6.txt 昆明市促进养老托育服务体系发展整体解决方案', '二、发展目标（养老服务方面）', '经常性参加教育活动的老年人占老年人口总数的比例达到20%以上', 1, '2022-11-29', '2022-11-29T00:00:00+08:00', 'V8__indicators.sql'),
('KM-E-21', '530100', 'ELDERLY', '老年志愿者注册人数占老年人口比例为7.16%', null, '志愿者注册在其他系统，不在本登记簿', null, null, null, '2025-12-31', null, 'CITY', '000_9cfba11903965bf6.txt 昆明市促进养老托育服务体系发展整体解决方案', '二、发展目标（养老服务方面）', '老年志愿者注册人数占老年人口比例为7.16%', 1, '2022-11-29', '2022-11-29T00:00:00+08:00', 'V8__indicators.sql'),
('KM-E-22', '530100', 'ELDERLY', '创建国家示范性老年友好社区（活力发展社区）达20个以上', null, '示范社区创建不在本登记簿', null, null, null, '2025-12-31', null, 'CITY', '000_9cfba11903965bf6.txt 昆明市促进养老托育服务体系发展整体解决方案', '二、发展目标（养老服务方面）', '创建国家示范性老年友好社区（活力发展社区）达20个以上', 1, '2022-11-29', '2022-11-29T00:00:00+08:00', 'V8__indicators.sql'),
('KM-E-23', '530100', 'ELDERLY', '有集中供养意愿的特困人员集中供养率达到100%', null, '特困人员及其供养方式在社会救助系统，不在本登记簿', null, null, null, '2025-12-31', null, 'CITY', '000_9cfba11903965bf6.txt 昆明市促进养老托育服务体系发展整体解决方案', '二、发展目标（养老服务方面）', '有集中供养意愿的特困人员集中供养率达到100%', 1, '2022-11-29', '2022-11-29T00:00:00+08:00', 'V8__indicators.sql'),
('KM-E-24', '530100', 'ELDERLY', '每千名老年人至少配1名社会工作者', null, '按老年人口配备的社会工作者含机构以外的社工，本登记簿只有备案机构在岗人员', null, null, null, '2025-12-31', null, 'CITY', '000_9cfba11903965bf6.txt 昆明市促进养老托育服务体系发展整体解决方案', '二、发展目标（养老服务方面）', '每千名老年人至少配1名社会工作者', 1, '2022-11-29', '2022-11-29T00:00:00+08:00', 'V8__indicators.sql'),
('KM-E-25', '530100', 'ELDERLY', '每百张养老机构床位配备社工数', 'SOCIAL_WORKERS_PER_HUNDRED_BEDS', null, '>=', 1, '名/百张床位', '2025-12-31', '2021-12-31', 'COUNTY', '000_9cfba11903965bf6.txt 昆明市促进养老托育服务体系发展整体解决方案', '二、发展目标（养老服务方面）', '每百张养老机构床位至少配1名社工', 1, '2022-11-29', '2022-11-29T00:00:00+08:00', 'V8__indicators.sql'),
('KM-E-26', '530100', 'ELDERLY', '农村居家养老服务中心（站）覆盖率超过70%', null, '按乡镇（街道）、社区、村的设施覆盖计算，本登记簿只登记备案机构，不登记服务中心（站）及其覆盖范围', null, null, null, '2025-12-31', null, 'CITY', '000_9cfba11903965bf6.txt 昆明市促进养老托育服务体系发展整体解决方案', '二、发展目标（养老服务方面）', '农村居家养老服务中心（站）覆盖率超过70%', 1, '2022-11-29', '2022-11-29T00:00:00+08:00', 'V8__indicators.sql'),
('KM-E-27', '530100', 'ELDERLY', '社区日间照料机构覆盖率不低于90%', null, '按乡镇（街道）、社区、村的设施覆盖计算，本登记簿只登记备案机构，不登记服务中心（站）及其覆盖范围', null, null, null, '2025-12-31', null, 'CITY', '000_9cfba11903965bf6.txt 昆明市促进养老托育服务体系发展整体解决方案', '二、发展目标（养老服务方面）', '社区日间照料机构覆盖率不低于90%', 1, '2022-11-29', '2022-11-29T00:00:00+08:00', 'V8__indicators.sql'),
('KM-E-28', '530100', 'ELDERLY', '家庭养老床位数不低于4000个', null, '家庭养老床位设在老年人家中，本登记簿只登记备案机构经营场所的床位', null, null, null, '2025-12-31', null, 'CITY', '000_9cfba11903965bf6.txt 昆明市促进养老托育服务体系发展整体解决方案', '二、发展目标（养老服务方面）', '家庭养老床位数不低于4000个', 1, '2022-11-29', '2022-11-29T00:00:00+08:00', 'V8__indicators.sql'),
('KM-E-29', '530100', 'ELDERLY', '养老机构医养结合服务覆盖率达到100%', null, '本登记簿不记录养老机构与医疗机构的签约服务', null, null, null, '2025-12-31', null, 'CITY', '000_9cfba11903965bf6.txt 昆明市促进养老托育服务体系发展整体解决方案', '二、发展目标（养老服务方面）', '养老机构医养结合服务覆盖率达到100%', 1, '2022-11-29', '2022-11-29T00:00:00+08:00', 'V8__indicators.sql'),
('KM-E-30', '530100', 'ELDERLY', '每个县（市）区至少建成1个医养结合机构', null, '本登记簿的机构类型不区分医养结合机构（只有医养结合床位）', null, null, null, '2025-12-31', null, 'CITY', '000_9cfba11903965bf6.txt 昆明市促进养老托育服务体系发展整体解决方案', '二、发展目标（养老服务方面）', '每个县（市）区至少建成1个医养结合机构', 1, '2022-11-29', '2022-11-29T00:00:00+08:00', 'V8__indicators.sql'),
('KM-E-31', '530100', 'ELDERLY', '二级及以上综合性医院设立老年医学科的比例达到65%以上', null, '医院科室设置在卫生健康系统，不在本登记簿', null, null, null, '2025-12-31', null, 'CITY', '000_9cfba11903965bf6.txt 昆明市促进养老托育服务体系发展整体解决方案', '二、发展目标（养老服务方面）', '二级及以上综合性医院设立老年医学科的比例达到65%以上', 1, '2022-11-29', '2022-11-29T00:00:00+08:00', 'V8__indicators.sql'),
('KM-E-32', '530100', 'ELDERLY', '三级中医医院设置康复科比例达到85%', null, '医院科室设置在卫生健康系统，不在本登记簿', null, null, null, '2025-12-31', null, 'CITY', '000_9cfba11903965bf6.txt 昆明市促进养老托育服务体系发展整体解决方案', '二、发展目标（养老服务方面）', '三级中医医院设置康复科比例达到85%', 1, '2022-11-29', '2022-11-29T00:00:00+08:00', 'V8__indicators.sql'),
('KM-E-33', '530100', 'ELDERLY', '每年新增老年幸福食堂40个以上', null, '老年幸福食堂不是本登记簿的备案机构', null, null, null, '2025-12-31', null, 'CITY', '000_9cfba11903965bf6.txt 昆明市促进养老托育服务体系发展整体解决方案', '二、发展目标（养老服务方面）', '每年新增老年幸福食堂40个以上', 1, '2022-11-29', '2022-11-29T00:00:00+08:00', 'V8__indicators.sql'),
('KM-E-34', '530100', 'ELDERLY', '每个县（市）区至少建成2个农村区域养老服务中心', null, '本登记簿的机构类型不区分农村区域养老服务中心', null, null, null, '2025-12-31', null, 'CITY', '000_9cfba11903965bf6.txt 昆明市促进养老托育服务体系发展整体解决方案', '二、发展目标（养老服务方面）', '每个县（市）区至少建成2个农村区域养老服务中心', 1, '2022-11-29', '2022-11-29T00:00:00+08:00', 'V8__indicators.sql'),
('KM-C-01', '530100', 'CHILDCARE', '每个乡镇（街道）至少建成1家具有示范效应的普惠托育服务机构', null, '需要乡镇（街道）名录；本登记簿只有场所自报的乡镇代码，不知道全部乡镇', null, null, null, '2025-12-31', null, 'CITY', '000_9cfba11903965bf6.txt 昆明市促进养老托育服务体系发展整体解决方案', '二、发展目标（托育服务方面）', '每个乡镇（街道）至少建成1家具有示范效应的普惠托育服务机构', 1, '2022-11-29', '2022-11-29T00:00:00+08:00', 'V8__indicators.sql'),
('KM-C-02', '530100', 'CHILDCARE', '新建城区和居住区配套建设托育服务设施达标率达到100%', null, '配建设施达标率属规划和住建部门，不在本登记簿', null, null, null, '2025-12-31', null, 'CITY', '000_9cfba11903965bf6.txt 昆明市促进养老托育服务体系发展整体解决方案', '二、发展目标（托育服务方面）', '新建城区和居住区配套建设托育服务设施达标率达到100%', 1, '2022-11-29', '2022-11-29T00:00:00+08:00', 'V8__indicators.sql'),
('KM-C-03', '530100', 'CHILDCARE', '每千人口托位数', 'SLOTS_PER_THOUSAND_PEOPLE', null, '>=', 4.5, '个/千人', '2025-12-31', '2021-12-31', 'COUNTY', '000_9cfba11903965bf6.txt 昆明市促进养老托育服务体系发展整体解决方案', '二、发展目标（托育服务方面）', '每千人口托位数达到4.5个', 1, '2022-11-29', '2022-11-29T00:00:00+08:00', 'V8__indicators.sql'),
('KM-C-04', '530100', 'CHILDCARE', '普惠性托位占比', 'INCLUSIVE_SLOT_SHARE', null, '>=', 80, '%', '2025-12-31', '2021-12-31', 'COUNTY', '000_9cfba11903965bf6.txt 昆明市促进养老托育服务体系发展整体解决方案', '二、发展目标（托育服务方面）', '普惠性托位占比80%', 1, '2022-11-29', '2022-11-29T00:00:00+08:00', 'V8__indicators.sql'),
('KM-C-05', '530100', 'CHILDCARE', '街道托育服务覆盖率达到100%', null, '按乡镇（街道）、社区、村的设施覆盖计算，本登记簿只登记备案机构，不登记服务中心（站）及其覆盖范围', null, null, null, '2025-12-31', null, 'CITY', '000_9cfba11903965bf6.txt 昆明市促进养老托育服务体系发展整体解决方案', '二、发展目标（托育服务方面）', '街道托育服务覆盖率达到100%', 1, '2022-11-29', '2022-11-29T00:00:00+08:00', 'V8__indicators.sql'),
('KM-C-06', '530100', 'CHILDCARE', '托育服务综合管理网络覆盖率达到100%', null, '管理网络覆盖不在本登记簿', null, null, null, '2025-12-31', null, 'CITY', '000_9cfba11903965bf6.txt 昆明市促进养老托育服务体系发展整体解决方案', '二、发展目标（托育服务方面）', '托育服务综合管理网络覆盖率达到100%', 1, '2022-11-29', '2022-11-29T00:00:00+08:00', 'V8__indicators.sql'),
('KM-C-07', '530100', 'CHILDCARE', '托育服务专业人才数达到8000人', null, '人才总数（含未在备案机构就业者）不在本登记簿（登记簿只有备案机构在岗人员）', null, null, null, '2025-12-31', null, 'CITY', '000_9cfba11903965bf6.txt 昆明市促进养老托育服务体系发展整体解决方案', '二、发展目标（托育服务方面）', '托育服务专业人才数达到8000人', 1, '2022-11-29', '2022-11-29T00:00:00+08:00', 'V8__indicators.sql'),
('KM-C-08', '530100', 'CHILDCARE', '托育从业人员持证上岗率', 'CHILDCARE_CERTIFIED_SHARE', null, '>=', 100, '%', '2025-12-31', '2021-12-31', 'COUNTY', '000_9cfba11903965bf6.txt 昆明市促进养老托育服务体系发展整体解决方案', '二、发展目标（托育服务方面）', '从业人员持证上岗率达到100%', 1, '2022-11-29', '2022-11-29T00:00:00+08:00', 'V8__indicators.sql'),
('KM-C-09', '530100', 'CHILDCARE', '儿童社会工作者数达到1700人', null, '儿童社会工作者不在托育机构花名册的统计范围', null, null, null, '2025-12-31', null, 'CITY', '000_9cfba11903965bf6.txt 昆明市促进养老托育服务体系发展整体解决方案', '二、发展目标（托育服务方面）', '儿童社会工作者数达到1700人', 1, '2022-11-29', '2022-11-29T00:00:00+08:00', 'V8__indicators.sql'),
('KM-C-10', '530100', 'CHILDCARE', '婴幼儿早期发展知识普及率达到90%', null, '知识普及情况不在本登记簿', null, null, null, '2025-12-31', null, 'CITY', '000_9cfba11903965bf6.txt 昆明市促进养老托育服务体系发展整体解决方案', '二、发展目标（托育服务方面）', '婴幼儿早期发展知识普及率达到90%', 1, '2022-11-29', '2022-11-29T00:00:00+08:00', 'V8__indicators.sql'),
('KM-C-11', '530100', 'CHILDCARE', '家长及婴幼儿照护者接受科学育儿指导率达到90%', null, '科学育儿指导情况不在本登记簿', null, null, null, '2025-12-31', null, 'CITY', '000_9cfba11903965bf6.txt 昆明市促进养老托育服务体系发展整体解决方案', '二、发展目标（托育服务方面）', '家长及婴幼儿照护者接受科学育儿指导率达到90%', 1, '2022-11-29', '2022-11-29T00:00:00+08:00', 'V8__indicators.sql'),
('KM-C-12', '530100', 'CHILDCARE', '婴幼儿健康管理率达到92%', null, '健康管理数据在卫生健康系统，不在本登记簿', null, null, null, '2025-12-31', null, 'CITY', '000_9cfba11903965bf6.txt 昆明市促进养老托育服务体系发展整体解决方案', '二、发展目标（托育服务方面）', '婴幼儿健康管理率达到92%', 1, '2022-11-29', '2022-11-29T00:00:00+08:00', 'V8__indicators.sql'),
('QJ-E-01', '530300', 'ELDERLY', '新增养老床位', 'NEW_BEDS', null, '>=', 20000, '张', '2025-12-31', '2020-12-31', 'CITY', '001_ffa89b770444a729.txt 曲靖市“一老一小”整体解决方案', '二、（二）具体指标（养老方面）', '力争新增养老床位20000张以上', 1, '2022-09-30', '2022-09-30T00:00:00+08:00', 'V8__indicators.sql'),
('QJ-E-02', '530300', 'ELDERLY', '护理型床位占养老机构床位总数比例', 'NURSING_BED_SHARE', null, '>=', 55, '%', '2025-12-31', '2020-12-31', 'COUNTY', '001_ffa89b770444a729.txt 曲靖市“一老一小”整体解决方案', '二、（二）具体指标（养老方面）', '护理型床位占养老机构床位总数55%以上', 1, '2022-09-30', '2022-09-30T00:00:00+08:00', 'V8__indicators.sql'),
('QJ-E-03', '530300', 'ELDERLY', '建设9个县级失能照护机构，实现县（市、区）100%覆盖', null, '本登记簿的机构类型不区分县级失能照护机构', null, null, null, '2025-12-31', null, 'CITY', '001_ffa89b770444a729.txt 曲靖市“一老一小”整体解决方案', '二、（二）具体指标（养老方面）', '建设9个县级失能照护机构，实现县（市、区）100%覆盖', 1, '2022-09-30', '2022-09-30T00:00:00+08:00', 'V8__indicators.sql'),
('QJ-E-04', '530300', 'ELDERLY', '有集中供养意愿的兜底保障对象集中供养率达100%', null, '特困人员及其供养方式在社会救助系统，不在本登记簿', null, null, null, '2025-12-31', null, 'CITY', '001_ffa89b770444a729.txt 曲靖市“一老一小”整体解决方案', '二、（二）具体指标（养老方面）', '有集中供养意愿的兜底保障对象集中供养率达100%', 1, '2022-09-30', '2022-09-30T00:00:00+08:00', 'V8__indicators.sql'),
('QJ-E-05', '530300', 'ELDERLY', '失能特困人员集中供养率达60%以上', null, '特困人员及其供养方式在社会救助系统，不在本登记簿', null, null, null, '2025-12-31', null, 'CITY', '001_ffa89b770444a729.txt 曲靖市“一老一小”整体解决方案', '二、（二）具体指标（养老方面）', '失能特困人员集中供养率达60%以上', 1, '2022-09-30', '2022-09-30T00:00:00+08:00', 'V8__indicators.sql'),
('QJ-E-06', '530300', 'ELDERLY', '基本养老保险参保率达95%以上', null, '参保人数和参保率在社保部门，不在本登记簿', null, null, null, '2025-12-31', null, 'CITY', '001_ffa89b770444a729.txt 曲靖市“一老一小”整体解决方案', '二、（二）具体指标（养老方面）', '基本养老保险参保率达95%以上', 1, '2022-09-30', '2022-09-30T00:00:00+08:00', 'V8__indicators.sql'),
('QJ-E-07', '530300', 'ELDERLY', '基本医疗保险参保率达95%以上', null, '参保人数和参保率在社保部门，不在本登记簿', null, null, null, '2025-12-31', null, 'CITY', '001_ffa89b770444a729.txt 曲靖市“一老一小”整体解决方案', '二、（二）具体指标（养老方面）', '基本医疗保险参保率达95%以上', 1, '2022-09-30', '2022-09-30T00:00:00+08:00', 'V8__indicators.sql'),
('QJ-E-08', '530300', 'ELDERLY', '街道级居家养老服务中心覆盖率达100%', null, '按乡镇（街道）、社区、村的设施覆盖计算，本登记簿只登记备案机构，不登记服务中心（站）及其覆盖范围', null, null, null, '2025-12-31', null, 'CITY', '001_ffa89b770444a729.txt 曲靖市“一老一小”整体解决方案', '二、（二）具体指标（养老方面）', '街道级居家养老服务中心覆盖率达100%', 1, '2022-09-30', '2022-09-30T00:00:00+08:00', 'V8__indicators.sql'),
('QJ-E-09', '530300', 'ELDERLY', '城市社区居家养老服务中心覆盖率达90%', null, '按乡镇（街道）、社区、村的设施覆盖计算，本登记簿只登记备案机构，不登记服务中心（站）及其覆盖范围', null, null, null, '2025-12-31', null, 'CITY', '001_ffa89b770444a729.txt 曲靖市“一老一小”整体解决方案', '二、（二）具体指标（养老方面）', '城市社区居家养老服务中心覆盖率达90%', 1, '2022-09-30', '2022-09-30T00:00:00+08:00', 'V8__indicators.sql'),
('QJ-E-10', '530300', 'ELDERLY', '农村居家养老服务中心（互助养老服务站）覆盖率达70%', null, '按乡镇（街道）、社区、村的设施覆盖计算，本登记簿只登记备案机构，不登记服务中心（站）及其覆盖范围', null, null, null, '2025-12-31', null, 'CITY', '001_ffa89b770444a729.txt 曲靖市“一老一小”整体解决方案', '二、（二）具体指标（养老方面）', '农村居家养老服务中心（互助养老服务站）覆盖率达70%', 1, '2022-09-30', '2022-09-30T00:00:00+08:00', 'V8__indicators.sql'),
('QJ-E-11', '530300', 'ELDERLY', '新建城区和新建住宅小区配建养老服务设施达标率达100%', null, '配建设施达标率属规划和住建部门，不在本登记簿', null, null, null, '2025-12-31', null, 'CITY', '001_ffa89b770444a729.txt 曲靖市“一老一小”整体解决方案', '二、（二）具体指标（养老方面）', '新建城区和新建住宅小区配建养老服务设施达标率达100%', 1, '2022-09-30', '2022-09-30T00:00:00+08:00', 'V8__indicators.sql'),
('QJ-E-12', '530300', 'ELDERLY', '新改造老旧小区养老服务设施配套率达100%', null, '配建设施达标率属规划和住建部门，不在本登记簿', null, null, null, '2025-12-31', null, 'CITY', '001_ffa89b770444a729.txt 曲靖市“一老一小”整体解决方案', '二、（二）具体指标（养老方面）', '新改造老旧小区养老服务设施配套率达100%', 1, '2022-09-30', '2022-09-30T00:00:00+08:00', 'V8__indicators.sql'),
('QJ-E-13', '530300', 'ELDERLY', '实施经济困难家庭老年人居家适老化改造5000户以上', null, '居家适老化改造不在本登记簿', null, null, null, '2025-12-31', null, 'CITY', '001_ffa89b770444a729.txt 曲靖市“一老一小”整体解决方案', '二、（二）具体指标（养老方面）', '实施经济困难家庭老年人居家适老化改造5000户以上', 1, '2022-09-30', '2022-09-30T00:00:00+08:00', 'V8__indicators.sql'),
('QJ-E-14', '530300', 'ELDERLY', '兜底线和普惠性养老床位合计占比', 'INCLUSIVE_BED_SHARE', null, '>=', 80, '%', '2025-12-31', '2020-12-31', 'COUNTY', '001_ffa89b770444a729.txt 曲靖市“一老一小”整体解决方案', '二、（二）具体指标（养老方面）', '兜底线和普惠性养老床位合计占比达80%', 1, '2022-09-30', '2022-09-30T00:00:00+08:00', 'V8__indicators.sql'),
('QJ-E-15', '530300', 'ELDERLY', '老年人健康管理率达80%', null, '健康管理数据在卫生健康系统，不在本登记簿', null, null, null, '2025-12-31', null, 'CITY', '001_ffa89b770444a729.txt 曲靖市“一老一小”整体解决方案', '二、（二）具体指标（养老方面）', '老年人健康管理率达80%', 1, '2022-09-30', '2022-09-30T00:00:00+08:00', 'V8__indicators.sql'),
('QJ-E-16', '530300', 'ELDERLY', '特殊困难老年人月探访率达100%', null, '探访记录不在本登记簿', null, null, null, '2025-12-31', null, 'CITY', '001_ffa89b770444a729.txt 曲靖市“一老一小”整体解决方案', '二、（二）具体指标（养老方面）', '特殊困难老年人月探访率达100%', 1, '2022-09-30', '2022-09-30T00:00:00+08:00', 'V8__indicators.sql'),
('QJ-E-17', '530300', 'ELDERLY', '福彩公益金投入养老服务达60%以上', null, '财政资金投入比例属财政和民政部门，不在本登记簿', null, null, null, '2025-12-31', null, 'CITY', '001_ffa89b770444a729.txt 曲靖市“一老一小”整体解决方案', '二、（二）具体指标（养老方面）', '福彩公益金投入养老服务达60%以上', 1, '2022-09-30', '2022-09-30T00:00:00+08:00', 'V8__indicators.sql'),
('QJ-E-18', '530300', 'ELDERLY', '养老护理专业人才0.7万人以上', null, '人才总数（含未在备案机构就业者）不在本登记簿（登记簿只有备案机构在岗人员）', null, null, null, '2025-12-31', null, 'CITY', '001_ffa89b770444a729.txt 曲靖市“一老一小”整体解决方案', '二、（二）具体指标（养老方面）', '养老护理专业人才0.7万人以上', 1, '2022-09-30', '2022-09-30T00:00:00+08:00', 'V8__indicators.sql'),
('QJ-E-19', '530300', 'ELDERLY', '每千名老年人配套社会工作者1人', null, '按老年人口配备的社会工作者含机构以外的社工，本登记簿只有备案机构在岗人员', null, null, null, '2025-12-31', null, 'CITY', '001_ffa89b770444a729.txt 曲靖市“一老一小”整体解决方案', '二、（二）具体指标（养老方面）', '每千名老年人配套社会工作者1人', 1, '2022-09-30', '2022-09-30T00:00:00+08:00', 'V8__indicators.sql'),
('QJ-E-20', '530300', 'ELDERLY', '老年大学县级全覆盖', null, '老年教育机构不在本登记簿', null, null, null, '2025-12-31', null, 'CITY', '001_ffa89b770444a729.txt 曲靖市“一老一小”整体解决方案', '二、（二）具体指标（养老方面）', '老年大学县级全覆盖', 1, '2022-09-30', '2022-09-30T00:00:00+08:00', 'V8__indicators.sql'),
('QJ-E-21', '530300', 'ELDERLY', '经常性参与教育活动的老年人口达20%', null, '老年教育参与情况不在本登记簿', null, null, null, '2025-12-31', null, 'CITY', '001_ffa89b770444a729.txt 曲靖市“一老一小”整体解决方案', '二、（二）具体指标（养老方面）', '经常性参与教育活动的老年人口达20%', 1, '2022-09-30', '2022-09-30T00:00:00+08:00', 'V8__indicators.sql'),
('QJ-E-22', '530300', 'ELDERLY', '创建医养结合优质服务单位20个以上', null, '优质服务单位创建不在本登记簿', null, null, null, '2025-12-31', null, 'CITY', '001_ffa89b770444a729.txt 曲靖市“一老一小”整体解决方案', '二、（二）具体指标（养老方面）', '创建医养结合优质服务单位20个以上', 1, '2022-09-30', '2022-09-30T00:00:00+08:00', 'V8__indicators.sql'),
('QJ-E-23', '530300', 'ELDERLY', '骨干养老企业2个以上', null, '企业认定不在本登记簿', null, null, null, '2025-12-31', null, 'CITY', '001_ffa89b770444a729.txt 曲靖市“一老一小”整体解决方案', '二、（二）具体指标（养老方面）', '骨干养老企业2个以上', 1, '2022-09-30', '2022-09-30T00:00:00+08:00', 'V8__indicators.sql'),
('QJ-E-24', '530300', 'ELDERLY', '人均预期寿命78岁', null, '人口统计指标，不在本登记簿', null, null, null, '2025-12-31', null, 'CITY', '001_ffa89b770444a729.txt 曲靖市“一老一小”整体解决方案', '二、（二）具体指标（养老方面）', '人均预期寿命78岁', 1, '2022-09-30', '2022-09-30T00:00:00+08:00', 'V8__indicators.sql'),
('QJ-C-01', '530300', 'CHILDCARE', '新增托位', 'NEW_SLOTS', null, '>=', 24700, '个', '2025-12-31', '2020-12-31', 'CITY', '001_ffa89b770444a729.txt 曲靖市“一老一小”整体解决方案', '二、（二）具体指标（托育方面）', '新增托位24700个以上', 1, '2022-09-30', '2022-09-30T00:00:00+08:00', 'V8__indicators.sql'),
('QJ-C-02', '530300', 'CHILDCARE', '每千人拥有3岁以下婴幼儿托位数', 'SLOTS_PER_THOUSAND_PEOPLE', null, '>=', 4.5, '个/千人', '2025-12-31', '2020-12-31', 'COUNTY', '001_ffa89b770444a729.txt 曲靖市“一老一小”整体解决方案', '二、（二）具体指标（托育方面）', '每千人拥有3岁以下婴幼儿托位数达4.5个以上', 1, '2022-09-30', '2022-09-30T00:00:00+08:00', 'V8__indicators.sql'),
('QJ-C-03', '530300', 'CHILDCARE', '市级建成一所承担指导功能的示范性综合托育服务中心', null, '市级示范中心为单一建设项目，本登记簿不区分其类型', null, null, null, '2025-12-31', null, 'CITY', '001_ffa89b770444a729.txt 曲靖市“一老一小”整体解决方案', '二、（二）具体指标（托育方面）', '市级建成一所承担指导功能的示范性综合托育服务中心', 1, '2022-09-30', '2022-09-30T00:00:00+08:00', 'V8__indicators.sql'),
('QJ-C-04', '530300', 'CHILDCARE', '县级示范性普惠婴幼儿照护服务机构', 'DEMONSTRATION_INCLUSIVE_CHILDCARE', null, '>=', 50, '个', '2025-12-31', '2020-12-31', 'CITY', '001_ffa89b770444a729.txt 曲靖市“一老一小”整体解决方案', '二、（二）具体指标（托育方面）', '县级创建50个具有示范效应的普惠性婴幼儿照护服务机构', 1, '2022-09-30', '2022-09-30T00:00:00+08:00', 'V8__indicators.sql'),
('QJ-C-05', '530300', 'CHILDCARE', '70%以上的乡镇（街道）建立婴幼儿照护指导机构', null, '照护指导机构不是本登记簿的备案机构', null, null, null, '2025-12-31', null, 'CITY', '001_ffa89b770444a729.txt 曲靖市“一老一小”整体解决方案', '二、（二）具体指标（托育方面）', '70%以上的乡镇（街道）建立婴幼儿照护指导机构', 1, '2022-09-30', '2022-09-30T00:00:00+08:00', 'V8__indicators.sql'),
('QJ-C-06', '530300', 'CHILDCARE', '公共场所母婴设施应建尽建', null, '公共场所设施不在本登记簿', null, null, null, '2025-12-31', null, 'CITY', '001_ffa89b770444a729.txt 曲靖市“一老一小”整体解决方案', '二、（二）具体指标（托育方面）', '公共场所母婴设施应建尽建', 1, '2022-09-30', '2022-09-30T00:00:00+08:00', 'V8__indicators.sql'),
('QJ-C-07', '530300', 'CHILDCARE', '乡镇（街道）婴幼儿照护指导机构、城市社区托育点实现“四有”', null, '照护指导机构不是本登记簿的备案机构', null, null, null, '2025-12-31', null, 'CITY', '001_ffa89b770444a729.txt 曲靖市“一老一小”整体解决方案', '二、（二）具体指标（托育方面）', '乡镇（街道）婴幼儿照护指导机构、城市社区托育点实现“四有”', 1, '2022-09-30', '2022-09-30T00:00:00+08:00', 'V8__indicators.sql'),
('QJ-C-08', '530300', 'CHILDCARE', '村（居）社区或居住小区每年组织婴幼儿照护活动4期以上', null, '社区活动不在本登记簿', null, null, null, '2025-12-31', null, 'CITY', '001_ffa89b770444a729.txt 曲靖市“一老一小”整体解决方案', '二、（二）具体指标（托育方面）', '村（居）社区或居住小区每年组织婴幼儿照护活动4期以上', 1, '2022-09-30', '2022-09-30T00:00:00+08:00', 'V8__indicators.sql'),
('QJ-C-09', '530300', 'CHILDCARE', '70%以上的托育机构建筑符合规范要求', null, '建筑合规情况不在本登记簿（备案材料只有消防等合格证明）', null, null, null, '2025-12-31', null, 'CITY', '001_ffa89b770444a729.txt 曲靖市“一老一小”整体解决方案', '二、（二）具体指标（托育方面）', '70%以上的托育机构建筑符合规范要求', 1, '2022-09-30', '2022-09-30T00:00:00+08:00', 'V8__indicators.sql'),
('QJ-C-10', '530300', 'CHILDCARE', '托育机构负责人大专及以上学历比例', 'HEAD_COLLEGE_SHARE', null, '>=', 70, '%', '2025-12-31', '2020-12-31', 'COUNTY', '001_ffa89b770444a729.txt 曲靖市“一老一小”整体解决方案', '二、（二）具体指标（托育方面）', '70%以上的托育机构负责人具备大专及以上学历', 1, '2022-09-30', '2022-09-30T00:00:00+08:00', 'V8__indicators.sql'),
('QJ-C-11', '530300', 'CHILDCARE', '托育从业人员持证上岗率', 'CHILDCARE_CERTIFIED_SHARE', null, '>=', 70, '%', '2025-12-31', '2020-12-31', 'COUNTY', '001_ffa89b770444a729.txt 曲靖市“一老一小”整体解决方案', '二、（二）具体指标（托育方面）', '70%以上从业人员持证上岗', 1, '2022-09-30', '2022-09-30T00:00:00+08:00', 'V8__indicators.sql'),
('QJ-C-12', '530300', 'CHILDCARE', '加大托育机构备案力度', null, '工作要求，没有可计量的目标值', null, null, null, '2025-12-31', null, 'CITY', '001_ffa89b770444a729.txt 曲靖市“一老一小”整体解决方案', '二、（二）具体指标（托育方面）', '加大托育机构备案力度', 1, '2022-09-30', '2022-09-30T00:00:00+08:00', 'V8__indicators.sql'),
('QJ-C-13', '530300', 'CHILDCARE', '普惠托育机构占比', 'INCLUSIVE_CHILDCARE_SHARE', null, '>=', 60, '%', '2025-12-31', '2020-12-31', 'COUNTY', '001_ffa89b770444a729.txt 曲靖市“一老一小”整体解决方案', '二、（二）具体指标（托育方面）', '各地按照居民小区配建要求和服务需求布点的普惠托育机构占比达60%', 1, '2022-09-30', '2022-09-30T00:00:00+08:00', 'V8__indicators.sql'),
('QJ-C-14', '530300', 'CHILDCARE', '高等院校、职业院校托育服务相关专业招生规模达6000人以上', null, '院校招生不在本登记簿', null, null, null, '2025-12-31', null, 'CITY', '001_ffa89b770444a729.txt 曲靖市“一老一小”整体解决方案', '二、（二）具体指标（托育方面）', '高等院校、职业院校托育服务相关专业招生规模达6000人以上', 1, '2022-09-30', '2022-09-30T00:00:00+08:00', 'V8__indicators.sql'),
('QJ-C-15', '530300', 'CHILDCARE', '保育员、育婴员培训规模达6000人以上', null, '培训人数不在本登记簿', null, null, null, '2025-12-31', null, 'CITY', '001_ffa89b770444a729.txt 曲靖市“一老一小”整体解决方案', '二、（二）具体指标（托育方面）', '保育员、育婴员培训规模达6000人以上', 1, '2022-09-30', '2022-09-30T00:00:00+08:00', 'V8__indicators.sql'),
('QJ-C-16', '530300', 'CHILDCARE', '婴幼儿早期发展知识普及率、家长及婴幼儿照护者接受科学育儿指导率达到90%以上', null, '知识普及情况不在本登记簿', null, null, null, '2025-12-31', null, 'CITY', '001_ffa89b770444a729.txt 曲靖市“一老一小”整体解决方案', '二、（二）具体指标（托育方面）', '婴幼儿早期发展知识普及率、家长及婴幼儿照护者接受科学育儿指导率达到90%以上', 1, '2022-09-30', '2022-09-30T00:00:00+08:00', 'V8__indicators.sql'),
('QJ-C-17', '530300', 'CHILDCARE', '加大从业人员培训力度，每年至少组织一次托育机构负责人、托育机构照护服务从业人员培训', null, '培训组织情况不在本登记簿', null, null, null, '2025-12-31', null, 'CITY', '001_ffa89b770444a729.txt 曲靖市“一老一小”整体解决方案', '二、（二）具体指标（托育方面）', '加大从业人员培训力度，每年至少组织一次托育机构负责人、托育机构照护服务从业人员培训', 1, '2022-09-30', '2022-09-30T00:00:00+08:00', 'V8__indicators.sql');

-- Population per county, entered by a city admin: a new figure is a new row (who, when, source), never an update.
-- The figure in force for a day is the latest recorded by the end of that day. The platform ships no real figures;
-- demo = true marks the local stack's made-up ones.
create table population_figure (
    id              bigserial primary key,
    city_code       char(6)      not null,
    division_code   char(6)      not null,
    kind            varchar(16)  not null check (kind in ('RESIDENT', 'AGED_60_PLUS', 'UNDER_3')),
    value           integer      not null check (value >= 0),
    reference_year  integer      not null check (reference_year between 1949 and 2100),
    source          varchar(300) not null,
    demo            boolean      not null default false,
    recorded_by     varchar(80)  not null,
    recorded_at     timestamptz  not null
);
create index population_figure_area on population_figure (division_code, kind, recorded_at desc);

-- A site's capacity breakdown as recorded at each change (SiteCapacityService writes one row per update).
create table site_capacity_version (
    id              bigserial primary key,
    site_id         uuid         not null references site (id),
    institution_id  uuid         not null references institution (id),
    recorded_at     timestamptz  not null,
    beds_total      integer,
    beds_nursing    integer,
    beds_inclusive  integer,
    beds_safety_net integer,
    slots_total     integer,
    slots_inclusive integer
);
create index site_capacity_version_site on site_capacity_version (site_id, recorded_at desc);
insert into site_capacity_version (site_id, institution_id, recorded_at, beds_total, beds_nursing, beds_inclusive,
                                   beds_safety_net, slots_total, slots_inclusive)
select id, institution_id, updated_at, beds_total, beds_nursing, beds_inclusive, beds_safety_net, slots_total,
       slots_inclusive
from site where beds_total is not null or slots_total is not null;

-- 普惠 and 示范 as designated at each change (InstitutionService.designations writes one row per change).
create table designation_version (
    id              bigserial primary key,
    institution_id  uuid         not null references institution (id),
    recorded_at     timestamptz  not null,
    inclusive       boolean      not null,
    demonstration   boolean      not null
);
create index designation_version_institution on designation_version (institution_id, recorded_at desc);
insert into designation_version (institution_id, recorded_at, inclusive, demonstration)
select id, updated_at, inclusive, demonstration from institution where inclusive or demonstration;

-- The roster marks the institution's head (负责人) and carries education (Qujing: 负责人大专及以上学历, 001 二（二）).
alter table staff
    add column head      boolean     not null default false,
    add column education varchar(24) check (education in
        ('JUNIOR_SECONDARY_OR_BELOW', 'SENIOR_SECONDARY', 'JUNIOR_COLLEGE', 'BACHELOR', 'POSTGRADUATE'));
