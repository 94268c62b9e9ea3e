-- Programmes of Kunming (530100) and Qujing (530300) as the two cities' plans name them. Every figure is data
-- with its source; a city admin adds an effective-dated version through POST /api/subsidy/programmes/{code}/versions.

-- ---------------------------------------------------------------- Kunming: nursing allowance (护理补助)
insert into programme (code, city_code, kind, sector, name, source) values
('KM-NURSING', '530100', 'NURSING_ALLOWANCE', 'ELDERLY', '昆明市民办养老机构养老护理员护理补助',
 '昆明市促进养老托育服务体系发展整体解决方案（2022-11-29）第19条：“对取得养老护理职业资格证书，在民办养老机构从事养老护理工作的人员，按照不同等级分别给予每人每月50至150元的护理补助。”');
insert into programme_version (programme_code, effective_from, eligible_role, source, created_by) values
('KM-NURSING', date '2022-12-01', 'ELDERLY_CAREGIVER',
 '第19条 50至150元/人/月，按等级：五级/初级 50 元，四级/中级 100 元，三级/高级及以上 150 元。“民办养老机构”取举办者口径：民办、民办公助（社会力量举办、政府资助）计入；公建民营（政府举办、委托运营）不计入。',
 'seed');
insert into programme_ownership (version_id, ownership)
select id, o from programme_version, unnest(array['PRIVATE', 'PRIVATE_WITH_PUBLIC_AID']) o
where programme_code = 'KM-NURSING';
insert into programme_rate (version_id, rate_key, amount_fen)
select id, r.k, r.fen from programme_version,
     (values ('LEVEL_5', 5000), ('LEVEL_4', 10000), ('LEVEL_3', 15000), ('LEVEL_2', 15000), ('LEVEL_1', 15000)) r(k, fen)
where programme_code = 'KM-NURSING';

-- ---------------------------------------------------------------- Qujing: nursing allowance
insert into programme (code, city_code, kind, sector, name, source) values
('QJ-NURSING', '530300', 'NURSING_ALLOWANCE', 'ELDERLY', '曲靖市民办养老机构养老护理员护理补助',
 '曲靖市“一老一小”整体解决方案（2022-09-30）三（二）3：“重点扶持民办、公建民营养老托育机构发展”；三（三）3：“支持社会力量采取公建民营、民办公助等方式……兴办养老机构”。');
insert into programme_version (programme_code, effective_from, eligible_role, source, created_by) values
('QJ-NURSING', date '2022-10-01', 'ELDERLY_CAREGIVER',
 '对象：民办、民办公助、公建民营养老机构的持证养老护理员（曲靖方案把公建民营与民办并列扶持）。金额：曲靖方案未列标准，暂按同省昆明第19条的 50/100/150 元设置，待曲靖市民政局以新版本确认。',
 'seed');
insert into programme_ownership (version_id, ownership)
select id, o from programme_version, unnest(array['PRIVATE', 'PRIVATE_WITH_PUBLIC_AID', 'PUBLIC_BUILT_PRIVATE_RUN']) o
where programme_code = 'QJ-NURSING';
insert into programme_rate (version_id, rate_key, amount_fen)
select id, r.k, r.fen from programme_version,
     (values ('LEVEL_5', 5000), ('LEVEL_4', 10000), ('LEVEL_3', 15000), ('LEVEL_2', 15000), ('LEVEL_1', 15000)) r(k, fen)
where programme_code = 'QJ-NURSING';

-- ---------------------------------------------------------------- demonstration childcare grants (示范性)
insert into programme (code, city_code, kind, sector, name, source) values
('KM-DEMO-GRANT', '530100', 'DEMONSTRATION_GRANT', 'CHILDCARE', '昆明市示范性婴幼儿照护服务机构补助',
 '昆明市方案第20条：“对承担一定指导功能的示范性婴幼儿照护服务机构、社区婴幼儿照护服务设施，属地政府可结合实际安排资金给予适当补助。”'),
('QJ-DEMO-GRANT', '530300', 'DEMONSTRATION_GRANT', 'CHILDCARE', '曲靖市示范性托育服务机构补助',
 '曲靖市方案二（二）：“市级建成一所承担指导功能的示范性综合托育服务中心，县级创建50个具有示范效应的普惠性婴幼儿照护服务机构”；三（四）1 建设补贴、运营补贴。');
insert into programme_version (programme_code, effective_from, max_amount_fen, source, created_by) values
('KM-DEMO-GRANT', date '2022-12-01', 50000000,
 '金额由卫生健康部门逐个决定（第20条“结合实际”）；上限 50 万元是防止录入错误的合理性上限，不是政策标准。', 'seed'),
('QJ-DEMO-GRANT', date '2022-10-01', 50000000,
 '金额由卫生健康部门逐个决定；上限 50 万元是防止录入错误的合理性上限，不是政策标准。', 'seed');

-- ---------------------------------------------------------------- capacity subsidies (建设补贴, per bed / 托位)
-- The Qujing plan names the instrument (三（四）1 “建设补贴、运营补贴”) but no rate: no version is seeded, so
-- nothing is paid until the city sets a rate (POST /api/subsidy/programmes/{code}/versions, rate key PER_UNIT).
insert into programme (code, city_code, kind, sector, name, source) values
('QJ-CAPACITY-ELDERLY', '530300', 'CAPACITY_SUBSIDY', 'ELDERLY', '曲靖市养老机构新增床位建设补贴',
 '曲靖市方案三（四）1：“各地可采取购买服务、建设补贴、运营补贴等措施”；三（一）3 增加民办养老托育床（托）位。'),
('QJ-CAPACITY-CHILDCARE', '530300', 'CAPACITY_SUBSIDY', 'CHILDCARE', '曲靖市托育机构新增托位建设补贴',
 '曲靖市方案三（四）1：“各地可采取购买服务、建设补贴、运营补贴等措施”；二（二）新增托位24700个以上。');
