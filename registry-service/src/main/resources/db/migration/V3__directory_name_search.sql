-- Name search for Chinese: pg_trgm needs three characters, but people search by one or two (康乐, 托育).
-- Every single character and every pair of adjacent characters of the name, kept by the database itself and
-- GIN-indexed, so "name contains q" becomes "grams ⊇ grams(q)" (checked again with LIKE).
create function name_grams(name text) returns varchar[]
    language sql immutable parallel safe
as $$
    select coalesce(array_agg(distinct g), '{}')::varchar[]
    from (select substr(name, i, 1) as g from generate_series(1, char_length(name)) i
          union all
          select substr(name, i, 2) from generate_series(1, char_length(name) - 1) i) grams
$$;

alter table institution add column name_grams varchar[] generated always as (name_grams(name)) stored;
create index institution_name_grams on institution using gin (name_grams);

-- The directory's other shapes: a county implies its city (the service adds it), so institution_directory serves
-- place + sector; kind, the designations and the other sort orders get their own indexes over filed rows.
create index institution_filed_kind on institution (kind, city_code, division_code) where filing_status = 'FILED';
create index institution_filed_inclusive on institution (city_code, name, id) where filing_status = 'FILED' and inclusive;
create index institution_filed_demonstration on institution (city_code, name, id) where filing_status = 'FILED' and demonstration;
create index institution_filed_capacity on institution (capacity, id) where filing_status = 'FILED';
create index institution_filed_on on institution (filed_on, id) where filing_status = 'FILED';
drop index institution_kind;
