-- Leaky pipeline, the career pyramid: for every SIMPEG extract date, for the kabupaten and for
-- every PD with at least one ASN on that date, the ASN at each of the five levels (Pelaksana,
-- Jabatan Fungsional, Pengawas, Administrator, JPT Pratama) by sex and the share of women.
-- ASN and posts are classified exactly as in marts.asn_profile, so the five levels add up to
-- its Total ASN row. Levels with nobody are kept as zeros. Only aggregates.
with

positions as (

    select * from {{ ref('int_career_positions') }}

),

levels as (

    select level_rank, level_code, level_name from {{ ref('int_career_levels') }}

),

counted_by_pd as (

    select
        data_date,
        pd_name,
        level_code,
        sum(case when jenis_kelamin = 'L' then 1 else 0 end) as pria,
        sum(case when jenis_kelamin = 'P' then 1 else 0 end) as wanita

    from positions
    where level_code is not null
    group by data_date, pd_name, level_code

),

counts as (

    select data_date, 'pd' as scope, pd_name, level_code, pria, wanita
    from counted_by_pd

    union all

    select
        data_date,
        'kabupaten' as scope,
        cast(null as varchar) as pd_name,
        level_code,
        sum(pria) as pria,
        sum(wanita) as wanita
    from counted_by_pd
    group by data_date, level_code

),

-- As in asn_profile: the kabupaten for every extract date, a PD for every PD with an ASN.
report_units as (

    select distinct data_date, 'kabupaten' as scope, cast(null as varchar) as pd_name
    from {{ ref('int_employees_bucketed') }}

    union all

    select distinct data_date, 'pd' as scope, pd_name
    from positions

),

filled as (

    select
        report_units.data_date,
        report_units.scope,
        report_units.pd_name,
        levels.level_rank,
        levels.level_code,
        levels.level_name,
        cast(coalesce(counts.pria, 0) as integer) as pria,
        cast(coalesce(counts.wanita, 0) as integer) as wanita

    from report_units
    cross join levels
    left join counts
        on report_units.data_date = counts.data_date
        and report_units.scope = counts.scope
        and report_units.pd_name is not distinct from counts.pd_name
        and levels.level_code = counts.level_code

),

final as (

    select
        data_date,
        scope,
        pd_name,
        level_rank,
        level_code,
        level_name,
        pria,
        wanita,
        pria + wanita as total,
        -- The outer cast keeps the type decimal(5,1) on PostgreSQL (a CASE drops it).
        cast(
            case
                when pria + wanita = 0 then null
                else round(100.0 * wanita / (pria + wanita), 1)
            end as decimal(5, 1)
        ) as pct_wanita

    from filled

)

select * from final
