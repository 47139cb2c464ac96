-- In literacy_participants every dimension's categories add up to the 'total' row of the same
-- (period_type, period, program), participants and attendances by sex: each person is in
-- exactly one category of each dimension. Also no dimension is missing for a total row.
with

participants as (

    select * from {{ ref('literacy_participants') }}

),

totals as (

    select * from participants where dimension = 'total'

),

dimension_names as (

    select 'kecamatan' as dimension
    union all select 'age_group'
    union all select 'pekerjaan'
    union all select 'disabilitas'

),

sums as (

    select
        period_type,
        period,
        program,
        dimension,
        sum(participants_pria) as participants_pria,
        sum(participants_wanita) as participants_wanita,
        sum(participants_unknown_sex) as participants_unknown_sex,
        sum(participants_total) as participants_total,
        sum(attendances_pria) as attendances_pria,
        sum(attendances_wanita) as attendances_wanita,
        sum(attendances_unknown_sex) as attendances_unknown_sex,
        sum(attendances_total) as attendances_total
    from participants
    where dimension <> 'total'
    group by period_type, period, program, dimension

)

select
    totals.period_type,
    totals.period,
    totals.program,
    dimension_names.dimension
from totals
cross join dimension_names
left join sums
    on totals.period_type = sums.period_type
    and totals.period = sums.period
    and totals.program = sums.program
    and dimension_names.dimension = sums.dimension
where sums.dimension is null
    or sums.participants_pria <> totals.participants_pria
    or sums.participants_wanita <> totals.participants_wanita
    or sums.participants_unknown_sex <> totals.participants_unknown_sex
    or sums.participants_total <> totals.participants_total
    or sums.attendances_pria <> totals.attendances_pria
    or sums.attendances_wanita <> totals.attendances_wanita
    or sums.attendances_unknown_sex <> totals.attendances_unknown_sex
    or sums.attendances_total <> totals.attendances_total
