-- Digital literacy headline per month and year, per program and for all programs together
-- ('Semua program'): unique participants and attendances by sex, women's share against the
-- > 50 % target, participants identified without a usable NIK, and whether the program's data
-- is sex-disaggregated; on 'Semua program' rows the share of programs with sex-disaggregated
-- data (APE I.3, target > 90 %). Only aggregates.
with

periods as (

    select * from {{ ref('int_literacy_participant_periods') }}

),

counted as (

    select
        period_type,
        period,
        program_scope as program,
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
        count(*) as attendances_total,
        sum(case when latest_rank = 1 and identified_by = 'fallback' then 1 else 0 end)
            as fallback_identified

    from periods
    group by period_type, period, program_scope

),

programs as (

    select
        period_type,
        period,
        count(*) as programs_total,
        sum(case when attendances_unknown_sex = 0 then 1 else 0 end)
            as programs_sex_disaggregated
    from counted
    where program <> 'Semua program'
    group by period_type, period

),

final as (

    select
        cast(counted.period_type as varchar) as period_type,
        cast(counted.period as date) as period,
        cast(counted.program as varchar) as program,
        cast(counted.participants_pria as integer) as participants_pria,
        cast(counted.participants_wanita as integer) as participants_wanita,
        cast(counted.participants_unknown_sex as integer) as participants_unknown_sex,
        cast(counted.participants_total as integer) as participants_total,
        cast(counted.attendances_pria as integer) as attendances_pria,
        cast(counted.attendances_wanita as integer) as attendances_wanita,
        cast(counted.attendances_unknown_sex as integer) as attendances_unknown_sex,
        cast(counted.attendances_total as integer) as attendances_total,
        {{ percentage_of(
            'counted.participants_wanita',
            'counted.participants_pria + counted.participants_wanita') }} as pct_wanita,
        case
            when {{ percentage_of(
                'counted.participants_wanita',
                'counted.participants_pria + counted.participants_wanita') }} > 50
                then true
            else false
        end as target_met,
        cast(counted.fallback_identified as integer) as fallback_identified,
        case when counted.attendances_unknown_sex = 0 then true else false end
            as is_sex_disaggregated,
        cast(case when counted.program = 'Semua program' then programs.programs_total end
            as integer) as programs_total,
        cast(case
            when counted.program = 'Semua program' then programs.programs_sex_disaggregated
        end as integer) as programs_sex_disaggregated,
        case
            when counted.program = 'Semua program' then {{ percentage_of(
                'programs.programs_sex_disaggregated', 'programs.programs_total') }}
        end as pct_programs_sex_disaggregated

    from counted
    inner join programs
        on counted.period_type = programs.period_type
        and counted.period = programs.period

)

select * from final
