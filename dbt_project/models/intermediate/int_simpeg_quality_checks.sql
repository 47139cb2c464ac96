{{ config(materialized='table') }}

-- Employee x rule checks: one row per loaded SIMPEG record of every extract date, with the
-- result of every data-quality rule of seed ref_simpeg_quality_rules (one column per rule,
-- named by its lower-case code): true = fails, false = passes, null = not checked. The rules
-- on raw values come from int_simpeg_quality_raw; the rules on the post, the eselon, the BUP
-- and the CPNS period are resolved here from int_employees_bucketed. Rows rejected at load
-- are in int_simpeg_quality_rejected. Pseudonymised: employee_key, no NIP, no dates of birth.
with

raw_checks as (

    select * from {{ ref('int_simpeg_quality_raw') }}

),

employees as (

    select * from {{ ref('int_employees_bucketed') }}

),

bup_rules as (

    select priority, match_kind, lower(match_value) as match_value, bup
    from {{ ref('ref_simpeg_quality_bup') }}

),

eselon_golongan as (

    select eselon, golongan_minimum from {{ ref('ref_simpeg_quality_eselon_golongan') }}

),

golongan as (

    select golongan, kode from {{ ref('ref_golongan') }} where is_pns

),

-- The BUP is resolved once per distinct post (jenjang, jabatan name, JF rumpun): the first
-- matching entry of ref_simpeg_quality_bup by priority; 'default' always matches.
posts as (

    select distinct
        coalesce(jenjang_jabatan, '') as jenjang_key,
        coalesce(jabatan_nama, '') as jabatan_key,
        coalesce(jf_rumpun, '') as rumpun_key
    from employees

),

post_bup_candidates as (

    select
        posts.jenjang_key,
        posts.jabatan_key,
        posts.rumpun_key,
        bup_rules.bup,
        row_number() over (
            partition by posts.jenjang_key, posts.jabatan_key, posts.rumpun_key
            order by bup_rules.priority
        ) as match_rank

    from posts
    inner join bup_rules
        on (bup_rules.match_kind = 'jenjang_jabatan'
            and lower(posts.jenjang_key) = bup_rules.match_value)
        or (bup_rules.match_kind = 'jabatan_contains'
            and ' ' || lower(posts.jabatan_key) || ' ' like '% ' || bup_rules.match_value || ' %')
        or (bup_rules.match_kind = 'jabatan_starts_with'
            and (lower(posts.jabatan_key) = bup_rules.match_value
                or lower(posts.jabatan_key) like bup_rules.match_value || ' %'))
        or (bup_rules.match_kind = 'jf_rumpun' and posts.rumpun_key = bup_rules.match_value)
        or bup_rules.match_kind = 'default'

),

post_bup as (

    select jenjang_key, jabatan_key, rumpun_key, bup
    from post_bup_candidates
    where match_rank = 1

),

resolved as (

    select
        employees.data_date,
        employees.employee_key,
        employees.counts_as_asn,
        employees.jenis_pegawai,
        employees.eselon,
        employees.jabatan_nama,
        employees.unor_nama,
        employees.pd_name,
        employees.tmt_cpns,
        employees.age_years,
        employees.service_years,
        employees.golongan,
        post_bup.bup,
        eselon_golongan.golongan_minimum,
        cast(golongan.kode as integer) as golongan_kode,
        cast(minimum.kode as integer) as golongan_minimum_kode

    from employees
    left join post_bup
        on coalesce(employees.jenjang_jabatan, '') = post_bup.jenjang_key
        and coalesce(employees.jabatan_nama, '') = post_bup.jabatan_key
        and coalesce(employees.jf_rumpun, '') = post_bup.rumpun_key
    left join eselon_golongan
        on employees.eselon = eselon_golongan.eselon
    left join golongan
        on employees.golongan = golongan.golongan
    left join golongan as minimum
        on eselon_golongan.golongan_minimum = minimum.golongan

),

-- A structural post is (PD, unor, jabatan name) with an eselon; its holders are the ASN who
-- have it on the same date.
holders as (

    select
        *,
        case
            when counts_as_asn and eselon is not null and jabatan_nama is not null
                then count(*) over (
                    partition by
                        data_date,
                        pd_name,
                        coalesce(unor_nama, ''),
                        jabatan_nama,
                        counts_as_asn and eselon is not null
                )
        end as post_holders

    from resolved

),

joined as (

    select
        raw_checks.*,
        holders.counts_as_asn,
        holders.bup,
        holders.post_holders,
        holders.golongan_minimum,
        holders.age_years,
        holders.service_years,
        holders.jenis_pegawai,
        holders.eselon,
        holders.tmt_cpns,
        holders.golongan_kode,
        holders.golongan_minimum_kode

    from raw_checks
    left join holders
        on raw_checks.data_date = holders.data_date
        and raw_checks.employee_key = holders.employee_key

),

final as (

    select
        data_date,
        batch_id,
        source_file,
        source_row,
        employee_key,
        pd_name,
        counts_as_asn,
        age_years,
        service_years,
        bup,
        post_holders,
        golongan_minimum,

        com_1,
        com_2,
        com_3,
        com_4,
        com_5,
        com_6,
        com_7,
        com_8,
        com_9,
        com_10,
        com_11,

        -- Past BUP: the pension TMT is the first day of the month after the month the BUP age
        -- is reached, i.e. bup * 12 + 1 calendar months after the birth month.
        case
            when counts_as_asn and months_from_birth_month is not null and bup is not null
                then months_from_birth_month >= bup * 12 + 1
        end as tim_1,
        -- More than 2 years: the second anniversary of the TMT CPNS is before the data date.
        case
            when jenis_pegawai = 'CPNS' and tmt_cpns is not null
                then {{ completed_years('tmt_cpns', 'cast(data_date - 1 as date)') }} >= 2
        end as tim_2,

        acc_1,
        case when post_holders is not null then post_holders > 1 end as acc_2,
        case when counts_as_asn and eselon is not null then service_years < 2 end as acc_3,
        case
            when counts_as_asn and eselon is not null and jenis_pegawai in ('PNS', 'CPNS')
                and golongan_kode is not null and golongan_minimum_kode is not null
                then golongan_kode < golongan_minimum_kode
        end as acc_4,
        acc_5,
        acc_6,

        con_1,
        con_2,
        con_3,
        con_4,
        con_5,
        con_6

    from joined

)

select * from final
