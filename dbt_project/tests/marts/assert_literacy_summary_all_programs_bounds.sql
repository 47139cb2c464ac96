-- On every 'Semua program' row of literacy_summary: attendances equal the sum over the
-- programs (by sex); unique participants are at least the largest program's and at most the
-- sum over the programs (a person attending two programs counts once).
with

summary as (

    select * from {{ ref('literacy_summary') }}

),

by_program as (

    select
        period_type,
        period,
        sum(attendances_pria) as attendances_pria,
        sum(attendances_wanita) as attendances_wanita,
        sum(attendances_unknown_sex) as attendances_unknown_sex,
        sum(attendances_total) as attendances_total,
        sum(participants_total) as participants_sum,
        max(participants_total) as participants_max
    from summary
    where program <> 'Semua program'
    group by period_type, period

)

select all_programs.period_type, all_programs.period
from summary as all_programs
left join by_program
    on all_programs.period_type = by_program.period_type
    and all_programs.period = by_program.period
where all_programs.program = 'Semua program'
    and (
        by_program.period is null
        or all_programs.attendances_pria <> by_program.attendances_pria
        or all_programs.attendances_wanita <> by_program.attendances_wanita
        or all_programs.attendances_unknown_sex <> by_program.attendances_unknown_sex
        or all_programs.attendances_total <> by_program.attendances_total
        or all_programs.participants_total > by_program.participants_sum
        or all_programs.participants_total < by_program.participants_max
    )
