-- 护理型床位 stated with a filing, so the reviewer can be shown Qujing's 001 三（三）3 ("凡新建、改扩建的公办养老机构，
-- 其护理型床位数不少于50%", filing/review-flags.tsv). states_beds: the filing states beds (NEW and ADD_SITE always, a
-- CHANGE when it gives capacity or nursingBeds: an 改扩建); a CHANGE of name or address is no 改扩建.
alter table filing
    add column nursing_beds int check (nursing_beds >= 0),
    add column states_beds  boolean not null default false;
update filing set states_beds = type in ('NEW', 'ADD_SITE');
