-- 乡镇（街道）: the township list of each county, entered by the city admin of its city (care.registry.township).
-- The platform's GB/T 2260 table stops at counties and no official township list is shipped with it: the city
-- enters its own. A row is never deleted: a township that ends is retired (valid_until set), so that a site that
-- named it keeps a code the list still explains.
create table township (
    id           uuid         primary key,
    code         char(9)      not null unique,  -- starts with its county's code
    name         varchar(60)  not null,
    county_code  char(6)      not null,
    city_code    char(6)      not null,
    valid_from   date         not null,
    valid_until  date,                          -- the day it was retired (China time); null while in force
    entered_by   varchar(80)  not null,
    entered_at   timestamptz  not null,
    changed_by   varchar(80),
    changed_at   timestamptz,
    version      bigint       not null default 0
);
-- a county's list, and whether it has one in force (the site capacity check asks for every save)
create index township_county on township (county_code, code);
