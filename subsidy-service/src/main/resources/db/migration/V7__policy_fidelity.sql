-- Policy fidelity (issue 17): pay only what a plan says, to whom it says, for as long as it says. Every rule is data
-- with its source sentence; earlier migrations stay as they were applied, this one corrects what they seeded.

-- ============================================================================================================
-- Programme kinds are data: a city configures 运营补贴 or 以奖代补 without code. The code knows only how an amount
-- is calculated (care.subsidy.programme.domain.Calculation); a kind picks one.
-- ============================================================================================================
create table programme_kind (
    code        varchar(40)  primary key,
    name        varchar(100) not null,
    calculation varchar(30)  not null check (calculation in ('MONTHLY_BY_GRADE', 'DECIDED_GRANT', 'PER_NEW_UNIT')),
    document    varchar(200) not null,
    section     varchar(60)  not null,
    sentence    text         not null
);
insert into programme_kind (code, name, calculation, document, section, sentence) values
('NURSING_ALLOWANCE', '护理补助', 'MONTHLY_BY_GRADE', '昆明市促进养老托育服务体系发展整体解决方案', '三（八）19',
 '对取得养老护理职业资格证书，在民办养老机构从事养老护理工作的人员，按照不同等级分别给予每人每月50至150元的护理补助。'),
('DEMONSTRATION_GRANT', '示范性托育机构补助', 'DECIDED_GRANT', '昆明市促进养老托育服务体系发展整体解决方案', '三（九）20',
 '对承担一定指导功能的示范性婴幼儿照护服务机构、社区婴幼儿照护服务设施，属地政府可结合实际安排资金给予适当补助。'),
('CAPACITY_SUBSIDY', '建设补贴', 'PER_NEW_UNIT', '曲靖市“一老一小”整体解决方案', '三（四）5',
 '鼓励各县（市、区）采取建设补贴、运营补贴或者以奖代补等形式，优先支持普惠性养老托育机构发展。'),
('OPERATION_SUBSIDY', '运营补贴', 'PER_NEW_UNIT', '曲靖市“一老一小”整体解决方案', '三（四）5',
 '鼓励各县（市、区）采取建设补贴、运营补贴或者以奖代补等形式，优先支持普惠性养老托育机构发展。'),
('AWARD_SUBSIDY', '以奖代补', 'PER_NEW_UNIT', '曲靖市“一老一小”整体解决方案', '三（四）5',
 '鼓励各县（市、区）采取建设补贴、运营补贴或者以奖代补等形式，优先支持普惠性养老托育机构发展。');

alter table programme drop constraint programme_kind_check;
alter table programme add constraint programme_kind_listed foreign key (kind) references programme_kind;

-- the source of a programme as three parts, so the README's table can be checked against them
alter table programme
    add column document varchar(200),
    add column section  varchar(60),
    add column sentence text;

-- ============================================================================================================
-- Versions: an end, who extended it and on what basis; capacity baseline and 普惠-only; eligible kinds and
-- certificate types beside the eligible ownerships
-- ============================================================================================================
alter table programme_version
    add column effective_until  date,
    add column baseline_date    date,
    add column inclusive_only   boolean not null default false,
    add column extended_by      varchar(100),
    add column extended_at      timestamptz,
    add column extension_source text,
    add constraint programme_version_period check (effective_until is null or effective_until >= effective_from);

create table programme_institution_kind (
    version_id bigint      not null references programme_version,
    kind       varchar(40) not null,
    primary key (version_id, kind)
);

create table programme_certificate_type (
    version_id       bigint      not null references programme_version,
    certificate_type varchar(40) not null,
    primary key (version_id, certificate_type)
);

-- the register's kind as of each day (a 变更备案 may change it); earlier states take the kind known now
alter table institution_state add column kind varchar(40);
update institution_state s set kind = v.kind from institution_view v where v.institution_id = s.institution_id;

-- the certificate's type as the registry sent it; null for events sent before the type was a closed list
alter table caregiver_certificate add column certificate_type varchar(40);

-- ============================================================================================================
-- The programmes' sources, corrected
-- ============================================================================================================
update programme set name = '昆明市民办养老机构养老护理员护理补助',
    document = '昆明市促进养老托育服务体系发展整体解决方案', section = '三（八）19',
    sentence = '对取得养老护理职业资格证书，在民办养老机构从事养老护理工作的人员，按照不同等级分别给予每人每月50至150元的护理补助。'
where code = 'KM-NURSING';
update programme set document = '昆明市促进养老托育服务体系发展整体解决方案', section = '三（九）20',
    sentence = '对承担一定指导功能的示范性婴幼儿照护服务机构、社区婴幼儿照护服务设施，属地政府可结合实际安排资金给予适当补助。'
where code = 'KM-DEMO-GRANT';
-- (its source also cited 三（四）1, whose 建设补贴、运营补贴 say nothing of 示范)
update programme set document = '曲靖市“一老一小”整体解决方案', section = '二（二）',
    sentence = '市级建成一所承担指导功能的示范性综合托育服务中心，县级创建50个具有示范效应的普惠性婴幼儿照护服务机构。',
    source = '曲靖市“一老一小”整体解决方案 二（二）：“市级建成一所承担指导功能的示范性综合托育服务中心，县级创建50个具有示范'
          || '效应的普惠性婴幼儿照护服务机构”。'
where code = 'QJ-DEMO-GRANT';
update programme set document = '曲靖市“一老一小”整体解决方案', section = '三（四）5',
    sentence = '鼓励各县（市、区）采取建设补贴、运营补贴或者以奖代补等形式，优先支持普惠性养老托育机构发展。',
    source = '曲靖市方案三（四）5：“鼓励各县（市、区）采取建设补贴、运营补贴或者以奖代补等形式，优先支持普惠性养老托育机构发展。”'
          || '三（四）1：“各地可采取购买服务、建设补贴、运营补贴等措施”。方案未定补贴标准，由市、县以新版本设定。'
where code in ('QJ-CAPACITY-ELDERLY', 'QJ-CAPACITY-CHILDCARE');

-- Qujing's plan names no monthly allowance for 养老护理员: the programme stays defined (the city may enter its own
-- dated, sourced parameters) but the invented version copied from Kunming goes. Where it already paid a month, it
-- is ended instead with that month, so what was paid keeps the parameters it was paid with.
update programme set name = '曲靖市养老护理员护理补助（待曲靖市设定标准）',
    document = '曲靖市“一老一小”整体解决方案', section = '三（一）3',
    sentence = '重点扶持民办、公建民营养老托育机构发展，到2025年，民办、公办民营养老托育机构运营床（托）位数占比不断提高。',
    source = '曲靖市“一老一小”整体解决方案未列养老护理员护理补助。三（一）3：“重点扶持民办、公建民营养老托育机构发展”；'
          || '三（二）3：“支持社会力量采取公建民营、民办公助等方式支持社会力量兴办养老机构”。'
          || '在曲靖市民政局以有日期、有出处的版本设定标准之前不发放。'
where code = 'QJ-NURSING';
delete from programme_rate where version_id in (
    select v.id from programme_version v where v.programme_code = 'QJ-NURSING' and v.created_by = 'seed'
      and not exists (select 1 from payment_line l where l.programme_code = 'QJ-NURSING'));
delete from programme_ownership where version_id in (
    select v.id from programme_version v where v.programme_code = 'QJ-NURSING' and v.created_by = 'seed'
      and not exists (select 1 from payment_line l where l.programme_code = 'QJ-NURSING'));
delete from programme_version v where v.programme_code = 'QJ-NURSING' and v.created_by = 'seed'
    and not exists (select 1 from payment_line l where l.programme_code = 'QJ-NURSING');
update programme_version v set effective_until = (
        select (to_date(max(l.period), 'YYYY-MM') + interval '1 month' - interval '1 day')::date
        from payment_line l where l.programme_code = 'QJ-NURSING'),
    source = source || ' 【已停止：曲靖方案未列此标准，仅保留已发放月份的参数。】'
where v.programme_code = 'QJ-NURSING' and v.created_by = 'seed'
  and exists (select 1 from payment_line l where l.programme_code = 'QJ-NURSING');

-- Both plans set their targets 到2025年 (000 二、发展目标; 001 二（二）): the seeded versions end with 2025. A later
-- month is paid only once a city admin extends a version or enters a new one, naming the basis.
update programme_version set effective_until = date '2025-12-31',
    source = source || ' 有效期至2025-12-31（方案目标年“到2025年”）。'
where created_by = 'seed' and effective_until is null
  and programme_code in ('KM-NURSING', 'KM-DEMO-GRANT', 'QJ-DEMO-GRANT');

-- Kunming's 护理补助 (000 §19 “在民办养老机构”): only a 养老机构 counts. 000 counts as 养老机构 农村敬老院, 城市公办养老福利
-- 机构 and 社会力量兴办的养老服务机构, and 居家养老服务中心, 互助养老服务站, 老年幸福食堂 apart from them (一（一）“全市共有
-- 养老机构125个。其中，农村敬老院31个，城市公办养老福利机构14个，社会力量兴办的养老服务机构80个。全市共有城乡居家养老服务中心
-- 388个，互助养老服务站976个，新时代老年幸福食堂188个。”). Only a 养老护理 vocational certificate counts
-- (“取得养老护理职业资格证书”). Every nursing-allowance version gets both, so existing versions pay no one the
-- plan's own words exclude.
insert into programme_institution_kind (version_id, kind)
select v.id, k from programme_version v join programme p on p.code = v.programme_code,
     unnest(array['RURAL_NURSING_HOME', 'URBAN_PUBLIC_WELFARE', 'PRIVATE_CARE_HOME']) k
where p.kind = 'NURSING_ALLOWANCE';
insert into programme_certificate_type (version_id, certificate_type)
select v.id, t from programme_version v join programme p on p.code = v.programme_code,
     unnest(array['ELDERLY_CARE_SKILL', 'ELDERLY_CARE_QUALIFICATION']) t
where p.kind = 'NURSING_ALLOWANCE';
update programme_version set source = source || ' 机构类型：养老机构（农村敬老院、城市公办养老福利机构、社会力量兴办养老机构，'
    || '第一部分“全市共有养老机构125个。其中……”的口径；居家养老服务中心、互助养老服务站、老年幸福食堂不计入）。'
    || '证书：养老护理员职业技能等级证书或职业资格证书（“取得养老护理职业资格证书”）。'
where programme_code = 'KM-NURSING' and created_by = 'seed';

-- 示范 grants (000 §20): an institution the register designates 示范, or a 社区婴幼儿照护服务设施 (社区托育点), the other
-- kind the sentence names. Qujing's sentence (二（二）) names designated 示范 institutions only.
insert into programme_institution_kind (version_id, kind)
select v.id, 'COMMUNITY_POINT' from programme_version v where v.programme_code = 'KM-DEMO-GRANT';
update programme_version set source = source || ' 对象：卫生健康部门认定为示范性的托育机构，或社区婴幼儿照护服务设施（社区托育点）。'
where programme_code = 'KM-DEMO-GRANT' and created_by = 'seed';
update programme_version set source = source || ' 对象：卫生健康部门认定为示范性的托育机构。'
where programme_code = 'QJ-DEMO-GRANT' and created_by = 'seed';
