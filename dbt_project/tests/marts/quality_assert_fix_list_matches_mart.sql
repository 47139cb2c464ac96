-- restricted.simpeg_fix_list holds the failing checks of the latest extract date only, and per
-- rule as many rows as the kabupaten row of simpeg_data_quality counts failing records (rows
-- rejected at load among them) on that date.
with

quality as (

    select * from {{ ref('simpeg_data_quality') }}

),

latest as (

    select max(data_date) as data_date from quality

),

mart_failing as (

    select quality.rule_code, quality.records_failing, quality.records_rejected_at_load
    from quality
    inner join latest
        on quality.data_date = latest.data_date
    where quality.scope = 'kabupaten' and quality.level = 'rule'

),

fix_list as (

    select * from {{ ref('simpeg_fix_list') }}

),

listed as (

    select
        rule_code,
        count(*) as n_rows,
        sum(case when record_status = 'rejected_at_load' then 1 else 0 end) as n_rejected
    from fix_list
    group by rule_code

),

other_dates as (

    select fix_list.rule_code, 1 as n_rows, 0 as n_rejected
    from fix_list
    cross join latest
    where fix_list.data_date <> latest.data_date

)

select mart_failing.rule_code, mart_failing.records_failing, listed.n_rows
from mart_failing
left join listed
    on mart_failing.rule_code = listed.rule_code
where mart_failing.records_failing <> coalesce(listed.n_rows, 0)
    or mart_failing.records_rejected_at_load <> coalesce(listed.n_rejected, 0)

union all

select rule_code, 0, n_rows from other_dates
