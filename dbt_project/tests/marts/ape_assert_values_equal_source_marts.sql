-- The other indicators of ape_scorecard equal their source marts, no row missing on either
-- side: I.2.1.PPRG = pprg_coverage pct_trained (sasaran total); I.2.4 = pug_facilitators
-- facilitators_total; I.2.10 = 100 * women / holders of the JPT Pratama and Administrator
-- rows of asn_profile (to within the rounding to 2 decimals); I.2.11 = the events of
-- pug_internalisation that started in the year; LD.W = literacy_summary pct_wanita of the
-- year, all programs.
with

scorecard as (

    select data_date, coalesce(pd_name, '') as pd_key, indicator_code, value
    from {{ ref('ape_scorecard') }}
    where indicator_code in ('I.2.1.PPRG', 'I.2.4', 'I.2.10', 'I.2.11', 'LD.W')

),

leadership as (

    select
        data_date,
        coalesce(pd_name, '') as pd_key,
        sum(wanita) as wanita,
        sum(total) as total
    from {{ ref('asn_profile') }}
    where sub_kategori in ('JPT Pratama (Eselon II)', 'Administrator (Eselon III)')
    group by data_date, coalesce(pd_name, '')

),

events as (

    select event_year, count(*) as events
    from {{ ref('pug_internalisation') }}
    group by event_year

),

-- value: the expected value; tolerance: how far the scorecard's may be from it
expected as (

    select data_date, coalesce(pd_name, '') as pd_key, 'I.2.1.PPRG' as indicator_code,
        cast(pct_trained as {{ dbt.type_numeric() }}) as value, 0 as tolerance
    from {{ ref('pprg_coverage') }}
    where sasaran = 'total'

    union all

    select data_date, coalesce(pd_name, ''), 'I.2.4',
        cast(facilitators_total as {{ dbt.type_numeric() }}), 0
    from {{ ref('pug_facilitators') }}

    union all

    select data_date, pd_key, 'I.2.10',
        case when total > 0 then 100.0 * wanita / total end, 0.005
    from leadership

    union all

    select cast(cast(event_year as varchar) || '-12-31' as date), '', 'I.2.11',
        cast(events as {{ dbt.type_numeric() }}), 0
    from events

    union all

    select
        cast(cast(cast(extract(year from period) as integer) as varchar) || '-12-31' as date),
        '', 'LD.W', cast(pct_wanita as {{ dbt.type_numeric() }}), 0
    from {{ ref('literacy_summary') }}
    where period_type = 'year' and program = 'Semua program'

)

select
    coalesce(scorecard.data_date, expected.data_date) as data_date,
    coalesce(scorecard.pd_key, expected.pd_key) as pd_key,
    coalesce(scorecard.indicator_code, expected.indicator_code) as indicator_code
from scorecard
full outer join expected
    on scorecard.data_date = expected.data_date
    and scorecard.pd_key = expected.pd_key
    and scorecard.indicator_code = expected.indicator_code
-- I.2.11 has rows for years with training lists but no internalisation event (value 0)
where (expected.indicator_code is null and not (
        scorecard.indicator_code = 'I.2.11' and scorecard.value = 0))
    or scorecard.indicator_code is null
    or (expected.indicator_code is not null and (
        (scorecard.value is null) <> (expected.value is null)
        or abs(scorecard.value - expected.value) > expected.tolerance + 0.000001))
