{{ config(tags=['after_snapshot']) }}

-- Leaky pipeline, leadership training and promotion by sex: for every SIMPEG extract date and
-- leadership training (PKP -> Pengawas, PKA -> Administrator, PKN -> JPT Pratama), for the
-- kabupaten: the ASN found in SIMPEG who attended it up to that date, the share of women
-- among them against the share of women holding that jenjang on that date, and how many of
-- the trained reached the jenjang (or a higher one) after the training. Reads the employee
-- history through int_training_leadership_outcomes, hence built after the snapshot replay.
-- Only aggregates.
with

outcomes as (

    select * from {{ ref('int_training_leadership_outcomes') }}

),

kinds as (

    select training_kind, leadership_jenjang as jenjang
    from {{ ref('ref_training_kinds') }}
    where leadership_jenjang is not null

),

extract_dates as (

    select distinct data_date from {{ ref('int_employees_bucketed') }}

),

trained as (

    select
        data_date,
        training_kind,
        sum(case when jenis_kelamin = 'L' then 1 else 0 end) as trained_pria,
        sum(case when jenis_kelamin = 'P' then 1 else 0 end) as trained_wanita,
        sum(case when jenis_kelamin = 'L' and already_at_level = true then 1 else 0 end)
            as already_at_level_pria,
        sum(case when jenis_kelamin = 'P' and already_at_level = true then 1 else 0 end)
            as already_at_level_wanita,
        sum(case when jenis_kelamin = 'L' and promoted = true then 1 else 0 end)
            as promoted_pria,
        sum(case when jenis_kelamin = 'P' and promoted = true then 1 else 0 end)
            as promoted_wanita

    from outcomes
    group by data_date, training_kind

),

at_level as (

    select
        data_date,
        jenjang_jabatan as jenjang,
        sum(case when jenis_kelamin = 'L' then 1 else 0 end) as at_level_pria,
        sum(case when jenis_kelamin = 'P' then 1 else 0 end) as at_level_wanita

    from {{ ref('int_employees_bucketed') }}
    where counts_as_asn = true
        and jenjang_jabatan is not null
    group by data_date, jenjang_jabatan

),

filled as (

    select
        extract_dates.data_date,
        kinds.training_kind,
        kinds.jenjang,
        cast(coalesce(trained.trained_pria, 0) as integer) as trained_pria,
        cast(coalesce(trained.trained_wanita, 0) as integer) as trained_wanita,
        cast(coalesce(at_level.at_level_pria, 0) as integer) as at_level_pria,
        cast(coalesce(at_level.at_level_wanita, 0) as integer) as at_level_wanita,
        cast(coalesce(trained.already_at_level_pria, 0) as integer) as already_at_level_pria,
        cast(coalesce(trained.already_at_level_wanita, 0) as integer)
            as already_at_level_wanita,
        cast(coalesce(trained.promoted_pria, 0) as integer) as promoted_pria,
        cast(coalesce(trained.promoted_wanita, 0) as integer) as promoted_wanita

    from extract_dates
    cross join kinds
    left join trained
        on extract_dates.data_date = trained.data_date
        and kinds.training_kind = trained.training_kind
    left join at_level
        on extract_dates.data_date = at_level.data_date
        and kinds.jenjang = at_level.jenjang

),

with_percentages as (

    select
        filled.*,
        {{ percentage_of('trained_wanita', 'trained_pria + trained_wanita') }}
            as pct_wanita_trained,
        {{ percentage_of('at_level_wanita', 'at_level_pria + at_level_wanita') }}
            as pct_wanita_at_level

    from filled

),

final as (

    select
        data_date,
        training_kind,
        jenjang,
        trained_pria,
        trained_wanita,
        trained_pria + trained_wanita as trained_total,
        pct_wanita_trained,
        at_level_pria,
        at_level_wanita,
        at_level_pria + at_level_wanita as at_level_total,
        pct_wanita_at_level,
        cast(pct_wanita_trained - pct_wanita_at_level as decimal(4, 1)) as gap_pct_points,
        already_at_level_pria,
        already_at_level_wanita,
        promoted_pria,
        promoted_wanita,
        {{ percentage_of('promoted_pria', 'trained_pria - already_at_level_pria') }}
            as pct_promoted_pria,
        {{ percentage_of('promoted_wanita', 'trained_wanita - already_at_level_wanita') }}
            as pct_promoted_wanita

    from with_percentages

)

select * from final
