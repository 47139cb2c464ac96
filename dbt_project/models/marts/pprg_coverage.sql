-- PPRG coverage (part of APE I.2.1): for every SIMPEG extract date, the kabupaten and every PD
-- with at least one ASN, the PPRG target staff among the ASN (planners, finance staff, and
-- both together as 'total': distinct persons in either group, from the post name and seed
-- ref_pprg_sasaran) and how many of them attended a PPRG training that ended on or before
-- that date, by sex. Three rows per (data_date, scope, pd_name). Only aggregates.
with

status as (

    select * from {{ ref('int_training_asn_status') }}

),

sasaran_groups as (

    select 'perencana' as sasaran
    union all
    select 'keuangan' as sasaran
    union all
    select 'total' as sasaran

),

memberships as (

    select data_date, pd_name, jenis_kelamin, is_pprg_trained, 'perencana' as sasaran
    from status
    where is_sasaran_perencana = true

    union all

    select data_date, pd_name, jenis_kelamin, is_pprg_trained, 'keuangan' as sasaran
    from status
    where is_sasaran_keuangan = true

    union all

    select data_date, pd_name, jenis_kelamin, is_pprg_trained, 'total' as sasaran
    from status
    where is_sasaran_perencana = true or is_sasaran_keuangan = true

),

counted_by_pd as (

    select
        data_date,
        pd_name,
        sasaran,
        sum(case when jenis_kelamin = 'L' then 1 else 0 end) as sasaran_pria,
        sum(case when jenis_kelamin = 'P' then 1 else 0 end) as sasaran_wanita,
        sum(case when jenis_kelamin = 'L' and is_pprg_trained = true then 1 else 0 end)
            as trained_pria,
        sum(case when jenis_kelamin = 'P' and is_pprg_trained = true then 1 else 0 end)
            as trained_wanita

    from memberships
    group by data_date, pd_name, sasaran

),

counts as (

    select
        data_date,
        'pd' as scope,
        pd_name,
        sasaran,
        sasaran_pria,
        sasaran_wanita,
        trained_pria,
        trained_wanita
    from counted_by_pd

    union all

    select
        data_date,
        'kabupaten' as scope,
        cast(null as varchar) as pd_name,
        sasaran,
        sum(sasaran_pria) as sasaran_pria,
        sum(sasaran_wanita) as sasaran_wanita,
        sum(trained_pria) as trained_pria,
        sum(trained_wanita) as trained_wanita
    from counted_by_pd
    group by data_date, sasaran

),

-- The kabupaten exists for every extract date; a PD for every PD with an ASN on that date.
report_units as (

    select distinct data_date, 'kabupaten' as scope, cast(null as varchar) as pd_name
    from {{ ref('int_employees_bucketed') }}

    union all

    select distinct data_date, 'pd' as scope, pd_name
    from status

),

filled as (

    select
        report_units.data_date,
        report_units.scope,
        report_units.pd_name,
        sasaran_groups.sasaran,
        cast(coalesce(counts.sasaran_pria, 0) as integer) as sasaran_pria,
        cast(coalesce(counts.sasaran_wanita, 0) as integer) as sasaran_wanita,
        cast(coalesce(counts.trained_pria, 0) as integer) as trained_pria,
        cast(coalesce(counts.trained_wanita, 0) as integer) as trained_wanita

    from report_units
    cross join sasaran_groups
    left join counts
        on report_units.data_date = counts.data_date
        and report_units.scope = counts.scope
        and report_units.pd_name is not distinct from counts.pd_name
        and sasaran_groups.sasaran = counts.sasaran

),

final as (

    select
        data_date,
        scope,
        pd_name,
        sasaran,
        sasaran_pria,
        sasaran_wanita,
        sasaran_pria + sasaran_wanita as sasaran_total,
        trained_pria,
        trained_wanita,
        trained_pria + trained_wanita as trained_total,
        {{ percentage_of('trained_pria', 'sasaran_pria') }} as pct_trained_pria,
        {{ percentage_of('trained_wanita', 'sasaran_wanita') }} as pct_trained_wanita,
        {{ percentage_of('trained_pria + trained_wanita', 'sasaran_pria + sasaran_wanita') }}
            as pct_trained

    from filled

)

select * from final
