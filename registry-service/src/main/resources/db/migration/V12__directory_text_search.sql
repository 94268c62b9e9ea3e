-- The directory's box says 名称或地址 and people type an address fragment (学府路), a whole address, a 备案号 or a
-- 统一社会信用代码 into it. Names and addresses are searched through one gram column (the same one- and two-character
-- grams as V3's name_grams, so that 学府 or 路 are found too), GIN-indexed; the 备案号 gets its own index (the USCC has
-- its unique one), as the service looks both up exactly when the text has their shape.
alter table institution add column text_grams varchar[]
    generated always as (name_grams(name) || name_grams(address)) stored;
create index institution_text_grams on institution using gin (text_grams) where filing_status = 'FILED';
create index institution_filing_number on institution (filing_number) where filing_status = 'FILED';
