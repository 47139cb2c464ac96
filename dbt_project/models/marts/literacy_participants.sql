-- Digital literacy (Diskominfo): unique participants and attendances by sex, per month and
-- year, per program and for all programs together ('Semua program'), in total and by
-- kecamatan, age group, occupation and disability. A person counts once per (period, program)
-- and in exactly one category of each dimension: that of their latest attendance in the
-- period. Attendances count each kept class attendance under its own row's values. Only
-- aggregates.
with

periods as (

    select * from {{ ref('int_literacy_participant_periods') }}

),

dimensions as (

    select periods.*, 'total' as dimension, 'Total' as category from periods
    union all
    select periods.*, 'kecamatan' as dimension, kecamatan as category from periods
    union all
    select periods.*, 'age_group' as dimension, age_group as category from periods
    union all
    select periods.*, 'pekerjaan' as dimension, pekerjaan as category from periods
    union all
    select periods.*, 'disabilitas' as dimension, disabilitas as category from periods

),

counted as (

    select
        period_type,
        period,
        program_scope as program,
        dimension,
        category,
        sum(case when latest_rank = 1 and jenis_kelamin = 'L' then 1 else 0 end)
            as participants_pria,
        sum(case when latest_rank = 1 and jenis_kelamin = 'P' then 1 else 0 end)
            as participants_wanita,
        sum(case when latest_rank = 1 and jenis_kelamin is null then 1 else 0 end)
            as participants_unknown_sex,
        sum(case when latest_rank = 1 then 1 else 0 end) as participants_total,
        sum(case when jenis_kelamin = 'L' then 1 else 0 end) as attendances_pria,
        sum(case when jenis_kelamin = 'P' then 1 else 0 end) as attendances_wanita,
        sum(case when jenis_kelamin is null then 1 else 0 end) as attendances_unknown_sex,
        count(*) as attendances_total

    from dimensions
    group by period_type, period, program_scope, dimension, category

),

final as (

    select
        cast(period_type as varchar) as period_type,
        cast(period as date) as period,
        cast(program as varchar) as program,
        cast(dimension as varchar) as dimension,
        cast(category as varchar) as category,
        cast(participants_pria as integer) as participants_pria,
        cast(participants_wanita as integer) as participants_wanita,
        cast(participants_unknown_sex as integer) as participants_unknown_sex,
        cast(participants_total as integer) as participants_total,
        cast(attendances_pria as integer) as attendances_pria,
        cast(attendances_wanita as integer) as attendances_wanita,
        cast(attendances_unknown_sex as integer) as attendances_unknown_sex,
        cast(attendances_total as integer) as attendances_total,
        {{ percentage_of('participants_wanita', 'participants_pria + participants_wanita') }}
            as pct_wanita

    from counted

)

select * from final
