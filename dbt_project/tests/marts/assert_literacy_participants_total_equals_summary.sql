-- The 'total' rows of literacy_participants equal literacy_summary, every count, for every
-- (period_type, period, program), with no row missing on either side.
with

totals as (

    select * from {{ ref('literacy_participants') }}
    where dimension = 'total'

),

summary as (

    select * from {{ ref('literacy_summary') }}

)

select
    coalesce(totals.period_type, summary.period_type) as period_type,
    coalesce(totals.period, summary.period) as period,
    coalesce(totals.program, summary.program) as program
from totals
full outer join summary
    on totals.period_type = summary.period_type
    and totals.period = summary.period
    and totals.program = summary.program
where totals.program is null
    or summary.program is null
    or totals.participants_pria <> summary.participants_pria
    or totals.participants_wanita <> summary.participants_wanita
    or totals.participants_unknown_sex <> summary.participants_unknown_sex
    or totals.participants_total <> summary.participants_total
    or totals.attendances_pria <> summary.attendances_pria
    or totals.attendances_wanita <> summary.attendances_wanita
    or totals.attendances_unknown_sex <> summary.attendances_unknown_sex
    or totals.attendances_total <> summary.attendances_total
    or coalesce(totals.pct_wanita, -1) <> coalesce(summary.pct_wanita, -1)
