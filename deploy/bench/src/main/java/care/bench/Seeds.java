package care.bench;

/**
 * The large data sets, generated in SQL as the module benchmarks generate them: the register of registry-service's
 * DirectoryBenchmarkTest and the caregivers of subsidy-service's SubsidyBenchmark.
 */
final class Seeds {

    private Seeds() {
    }

    /**
     * {@code ?} institutions (90 % filed, 3 % closed, every third 普惠, every 17th 示范), DirectoryBenchmarkTest's
     * rows with one difference: all in the six counties of Kunming, so that the same register is "a city of
     * 100,000 institutions" for the indicators row. USCCs start with B (no real one does), names with county words.
     */
    static final String INSTITUTIONS = """
            insert into institution (id, uscc, name, sector, kind, ownership, city_code, division_code, address,
                legal_representative, contact_phone, capacity, filing_status, filing_number, filed_on, created_at,
                updated_at, version, inclusive, demonstration)
            select gen_random_uuid(), 'B' || lpad(g::text, 17, '0'),
                (array['五华','盘龙','官渡','西山','呈贡','安宁','麒麟','沾益','宣威','陆良','罗平','会泽'])[1 + g % 12]
                  || (array['康乐','福寿','颐养','夕阳红','松鹤','安康','慈爱','长青','童心','小树苗','蒲公英','七彩',
                            '阳光','启航','贝贝','彩虹'])[1 + (g / 12) % 16]
                  || (case when g % 5 < 3 then '养老院' else '托育园' end) || g,
                case when g % 5 < 3 then 'ELDERLY' else 'CHILDCARE' end,
                case when g % 5 < 3 then (array['RURAL_NURSING_HOME','PRIVATE_CARE_HOME','HOME_CARE_CENTER',
                    'MUTUAL_AID_STATION','ELDERLY_CANTEEN','MEDICAL_ELDERLY_CARE'])[1 + g % 6]
                  else (array['FULL_DAYCARE','NURSERY_KINDERGARTEN','COMMUNITY_POINT','WORKPLACE'])[1 + g % 4] end,
                (array['PUBLIC','PRIVATE','PUBLIC_BUILT_PRIVATE_RUN','PRIVATE_WITH_PUBLIC_AID'])[1 + g % 4],
                '530100', k.county, '测试地址' || g || '号', '张三', '0871-60000000', 10 + g % 290,
                case when g % 10 = 0 then 'UNFILED' when g % 37 = 0 then 'CLOSED' else 'FILED' end,
                k.county || '-2025-' || lpad(g::text, 6, '0'), date '2020-01-01' + (g % 2000), now(), now(), 0,
                g % 3 = 0, g % 17 = 0
            from generate_series(1, ?) g
            join lateral (select (array['530102','530103','530111','530112','530114','530181'])[1 + (g / 7) % 6]
                          as county) k on true""";

    /** SubsidyBenchmark's 500 filed private institutions of Kunming in the read model. */
    static final String CARE_HOMES = """
            insert into institution_view (institution_id, uscc, name, sector, kind, ownership, city_code,
                division_code, filing_status, filing_number, filed_on, updated_at, total_capacity, effective_on)
            select cast(md5('inst' || g) as uuid), '5253' || lpad(cast(g as text), 14, '0'), '基准养老院' || g, 'ELDERLY',
                   'PRIVATE_CARE_HOME', 'PRIVATE', '530100', '5301' || lpad(cast(2 + g % 12 as text), 2, '0'),
                   'FILED', 'BENCH-' || g, date '2020-01-01', now(), 100, date '2020-01-01'
            from generate_series(1, 500) g""";

    static final String CARE_HOME_STATES = """
            insert into institution_state (institution_id, effective_on, filing_status, ownership, sector,
                city_code, division_code, total_capacity, kind)
            select institution_id, effective_on, filing_status, ownership, sector, city_code, division_code,
                   total_capacity, kind from institution_view where filing_number like 'BENCH-%'""";

    /** {@code ?} caregivers in those homes, SubsidyBenchmark's. */
    static final String CAREGIVERS = """
            insert into caregiver (staff_id, institution_id, person_key, slice, name, masked_citizen_id,
                role, city_code, division_code, employed_from, employed_until, updated_at)
            select cast(md5('staff' || g) as uuid), cast(md5('inst' || (1 + g % 500)) as uuid), md5('person' || g),
                   (hashtext(md5('person' || g)) & 2147483647) % 16,
                   '护理员' || g, '5301**********' || lpad(cast(g % 10000 as text), 4, '0'), 'ELDERLY_CAREGIVER',
                   '530100', '5301' || lpad(cast(2 + (1 + g % 500) % 12 as text), 2, '0'), date '2022-01-01', null,
                   now()
            from generate_series(1, ?) g""";

    /** Every 4th caregiver's certificate expires mid-month (October 2026), so 3/4 of them are owed the allowance. */
    static final String CERTIFICATES = """
            insert into caregiver_certificate (staff_id, issued_on, grade, certificate_number, valid_until,
                certificate_type)
            select cast(md5('staff' || g) as uuid), date '2022-01-01',
                   (array['LEVEL_5', 'LEVEL_4', 'LEVEL_3', 'LEVEL_2', 'LEVEL_1'])[1 + g % 5], 'C' || g,
                   case when g % 4 = 0 then date '2026-10-15' end, 'ELDERLY_CARE_SKILL'
            from generate_series(1, ?) g""";
}
