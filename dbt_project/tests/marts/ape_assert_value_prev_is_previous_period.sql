-- value_prev of ape_scorecard is the value of the same indicator and level at the previous
-- period: for 'date' indicators the latest data_date of the indicator before the row's, for
-- 'year' indicators the data_date one year earlier; null exactly when that row is missing.
with

scorecard as (

    select
        data_date,
        period_type,
        scope,
        coalesce(pd_name, '') as pd_key,
        indicator_code,
        value,
        value_prev
    from {{ ref('ape_scorecard') }}

),

indicator_dates as (

    select distinct indicator_code, data_date from scorecard

),

previous_dates as (

    select
        cur.indicator_code,
        cur.period_type,
        cur.scope,
        cur.pd_key,
        cur.data_date,
        cur.value_prev,
        case
            when cur.period_type = 'year' then (
                select max(earlier.data_date)
                from indicator_dates as earlier
                where earlier.indicator_code = cur.indicator_code
                    and extract(year from earlier.data_date)
                        = extract(year from cur.data_date) - 1
            )
            else (
                select max(earlier.data_date)
                from indicator_dates as earlier
                where earlier.indicator_code = cur.indicator_code
                    and earlier.data_date < cur.data_date
            )
        end as previous_date
    from scorecard as cur

)

select previous_dates.indicator_code, previous_dates.data_date, previous_dates.pd_key
from previous_dates
left join scorecard as prev
    on previous_dates.indicator_code = prev.indicator_code
    and previous_dates.scope = prev.scope
    and previous_dates.pd_key = prev.pd_key
    and previous_dates.previous_date = prev.data_date
where (prev.indicator_code is null and previous_dates.value_prev is not null)
    or (prev.indicator_code is not null
        and (previous_dates.value_prev is null) <> (prev.value is null))
    or previous_dates.value_prev <> prev.value
