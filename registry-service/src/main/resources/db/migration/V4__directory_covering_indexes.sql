-- The directory finds a page's ids from an index alone (index-only scans over filed rows), then loads those rows.
-- Each index in a sort order carries every filter column, so walking it in that order and testing each entry
-- (place, sector, kind, 普惠, 示范, name LIKE) reads no table row: a broad search stops after its page, a
-- narrow one costs index entries, not random reads. The county index serves county searches, whose rows are
-- too few to reach quickly along the whole register's name order.
create index institution_filed_name on institution (name, id)
    include (city_code, division_code, sector, kind, inclusive, demonstration) where filing_status = 'FILED';
create index institution_filed_county_name on institution (division_code, name, id)
    include (city_code, sector, kind, inclusive, demonstration) where filing_status = 'FILED';

drop index institution_filed_capacity;
create index institution_filed_capacity on institution (capacity, id)
    include (name, city_code, division_code, sector, kind, inclusive, demonstration) where filing_status = 'FILED';
drop index institution_filed_on;
create index institution_filed_on on institution (filed_on, id)
    include (name, city_code, division_code, sector, kind, inclusive, demonstration) where filing_status = 'FILED';

-- 普惠 and 示范 are few: counting them within a city, sector or kind is an index-only scan too
drop index institution_filed_inclusive;
create index institution_filed_inclusive on institution (city_code, name, id)
    include (division_code, sector, kind, demonstration) where filing_status = 'FILED' and inclusive;
drop index institution_filed_demonstration;
create index institution_filed_demonstration on institution (city_code, name, id)
    include (division_code, sector, kind, inclusive) where filing_status = 'FILED' and demonstration;

-- The trigram index is a trap for the one- and two-character searches people make: with no trigram to look up,
-- a LIKE on it scans the whole index (135 ms at 100,000 rows), and a generic plan picks it blindly. The name grams
-- (V3) serve every length.
drop index institution_name_trgm;
