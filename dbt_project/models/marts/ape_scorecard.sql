-- APE scorecard: one row per indicator, level (the kabupaten, each PD) and data date, with
-- its value, target and status (tercapai / belum), the value of the previous period and the
-- change, and the relation the value comes from. Indicator attributes come from seed
-- ref_ape_indicators. Values are read from the marts that compute them (I.3 from
-- int_ape_data_terpilah); 'date' indicators per SIMPEG extract date, 'year' indicators dated
-- 31 December of the year. Only aggregates: no personal data.
with

indicators as (

    select * from {{ ref('ref_ape_indicators') }}

),

trained as (

    select
        data_date,
        scope,
        pd_name,
        'I.2.1' as indicator_code,
        cast(pct_trained as decimal(18, 2)) as value,
        'marts.pug_training_coverage' as source_mart
    from {{ ref('pug_training_coverage') }}

),

pprg as (

    select
        data_date,
        scope,
        pd_name,
        'I.2.1.PPRG' as indicator_code,
        cast(pct_trained as decimal(18, 2)) as value,
        'marts.pprg_coverage' as source_mart
    from {{ ref('pprg_coverage') }}
    where sasaran = 'total'

),

facilitators as (

    select
        data_date,
        scope,
        pd_name,
        'I.2.4' as indicator_code,
        cast(facilitators_total as decimal(18, 2)) as value,
        'marts.pug_facilitators' as source_mart
    from {{ ref('pug_facilitators') }}

),

-- I.2.10: women among the holders of eselon II (JPT Pratama) and III (Administrator) posts.
leadership_counts as (

    select
        data_date,
        scope,
        pd_name,
        sum(wanita) as wanita,
        sum(total) as total
    from {{ ref('asn_profile') }}
    where sub_kategori in ('JPT Pratama (Eselon II)', 'Administrator (Eselon III)')
    group by data_date, scope, pd_name

),

leadership as (

    select
        data_date,
        scope,
        pd_name,
        'I.2.10' as indicator_code,
        cast({{ exact_percentage_of('wanita', 'total', 2) }} as decimal(18, 2)) as value,
        'marts.asn_profile' as source_mart
    from leadership_counts

),

-- I.2.11: internalisation events per year, for every year with a training list (0 allowed).
training_years as (

    select distinct event_year from {{ ref('int_training_events') }}

),

internalisation_counts as (

    select
        training_years.event_year,
        count(internalisation.event_key) as events
    from training_years
    left join {{ ref('pug_internalisation') }} as internalisation
        on training_years.event_year = internalisation.event_year
    group by training_years.event_year

),

internalisation as (

    select
        cast(cast(event_year as varchar) || '-12-31' as date) as data_date,
        'kabupaten' as scope,
        cast(null as varchar) as pd_name,
        'I.2.11' as indicator_code,
        cast(events as decimal(18, 2)) as value,
        'marts.pug_internalisation' as source_mart
    from internalisation_counts

),

-- I.3: per year, the records of the year's latest SIMPEG extract, of the year's training
-- lists and of the year's literacy lists, pooled (see int_ape_data_terpilah).
terpilah_dated as (

    select
        terpilah.*,
        max(case when source = 'simpeg' then data_date end) over (
            partition by period_year
        ) as latest_extract
    from {{ ref('int_ape_data_terpilah') }} as terpilah

),

terpilah_records as (

    select period_year, pd_name, records_total, records_valid_sex
    from terpilah_dated
    where source <> 'simpeg' or data_date = latest_extract

),

terpilah_levels as (

    select
        period_year,
        'kabupaten' as scope,
        cast(null as varchar) as pd_name,
        sum(records_total) as records_total,
        sum(records_valid_sex) as records_valid_sex
    from terpilah_records
    group by period_year

    union all

    select
        period_year,
        'pd' as scope,
        pd_name,
        sum(records_total) as records_total,
        sum(records_valid_sex) as records_valid_sex
    from terpilah_records
    where pd_name is not null
    group by period_year, pd_name

),

terpilah as (

    select
        cast(cast(period_year as varchar) || '-12-31' as date) as data_date,
        scope,
        pd_name,
        'I.3' as indicator_code,
        cast({{ exact_percentage_of('records_valid_sex', 'records_total', 2) }}
            as decimal(18, 2)) as value,
        'intermediate.int_ape_data_terpilah' as source_mart
    from terpilah_levels

),

arg_kabupaten as (

    select
        cast(cast(tahun_anggaran as varchar) || '-12-31' as date) as data_date,
        pct_arg,
        pct_pd_with_arg,
        sub_kegiatan_arg
    from {{ ref('arg_summary') }}
    where dimension = 'kabupaten'

),

-- A PD without a name anywhere in the budget files is shown by its SKPD code.
arg_pd as (

    select
        cast(cast(tahun_anggaran as varchar) || '-12-31' as date) as data_date,
        coalesce(pd_name, kode_skpd) as pd_name,
        pct_arg,
        sub_kegiatan_arg
    from {{ ref('arg_by_pd') }}

),

arg as (

    select
        data_date,
        'kabupaten' as scope,
        cast(null as varchar) as pd_name,
        'ARG' as indicator_code,
        cast(pct_arg as decimal(18, 2)) as value,
        'marts.arg_summary' as source_mart
    from arg_kabupaten

    union all

    select
        data_date,
        'pd' as scope,
        pd_name,
        'ARG' as indicator_code,
        cast(pct_arg as decimal(18, 2)) as value,
        'marts.arg_by_pd' as source_mart
    from arg_pd

    union all

    select
        data_date,
        'kabupaten' as scope,
        cast(null as varchar) as pd_name,
        'ARG.PD' as indicator_code,
        cast(pct_pd_with_arg as decimal(18, 2)) as value,
        'marts.arg_summary' as source_mart
    from arg_kabupaten

    union all

    select
        data_date,
        'kabupaten' as scope,
        cast(null as varchar) as pd_name,
        'ARG.SUBKEG' as indicator_code,
        cast(sub_kegiatan_arg as decimal(18, 2)) as value,
        'marts.arg_summary' as source_mart
    from arg_kabupaten

    union all

    select
        data_date,
        'pd' as scope,
        pd_name,
        'ARG.SUBKEG' as indicator_code,
        cast(sub_kegiatan_arg as decimal(18, 2)) as value,
        'marts.arg_by_pd' as source_mart
    from arg_pd

),

literacy as (

    select
        cast(cast(cast(extract(year from period) as integer) as varchar) || '-12-31' as date)
            as data_date,
        'kabupaten' as scope,
        cast(null as varchar) as pd_name,
        'LD.W' as indicator_code,
        cast(pct_wanita as decimal(18, 2)) as value,
        'marts.literacy_summary' as source_mart
    from {{ ref('literacy_summary') }}
    where period_type = 'year'
        and program = 'Semua program'

),

indicator_values as (

    select * from trained
    union all
    select * from pprg
    union all
    select * from facilitators
    union all
    select * from leadership
    union all
    select * from internalisation
    union all
    select * from terpilah
    union all
    select * from arg
    union all
    select * from literacy

),

described as (

    select
        indicator_values.data_date,
        indicators.period_type,
        indicator_values.scope,
        indicator_values.pd_name,
        indicator_values.indicator_code,
        indicators.indicator_name,
        indicators.unit,
        indicator_values.value,
        indicators.target,
        indicators.target_operator,
        indicator_values.source_mart,
        indicators.urutan

    from indicator_values
    inner join indicators
        on indicator_values.indicator_code = indicators.indicator_code

),

-- The previous period of a row: for 'date' indicators the indicator's previous extract date,
-- for 'year' indicators 31 December of the year before.
periods as (

    select
        indicator_code,
        period_type,
        data_date,
        lag(data_date) over (partition by indicator_code order by data_date) as previous_date
    from (select distinct indicator_code, period_type, data_date from described) as dated

),

previous_periods as (

    select
        indicator_code,
        data_date,
        case
            when period_type = 'year' then cast(
                cast(cast(extract(year from data_date) as integer) - 1 as varchar) || '-12-31'
                as date)
            else previous_date
        end as previous_date
    from periods

),

final as (

    select
        cast(cur.data_date as date) as data_date,
        cast(cur.period_type as varchar) as period_type,
        cast(cur.scope as varchar) as scope,
        cast(cur.pd_name as varchar) as pd_name,
        cast(cur.indicator_code as varchar) as indicator_code,
        cast(cur.indicator_name as varchar) as indicator_name,
        cast(cur.unit as varchar) as unit,
        cast(cur.value as decimal(18, 2)) as value,
        cast(cur.target as decimal(18, 2)) as target,
        cast(cur.target_operator as varchar) as target_operator,
        cast(case
            when cur.target is null or cur.value is null then null
            when cur.target_operator = '>' and cur.value > cur.target then 'tercapai'
            when cur.target_operator = '>=' and cur.value >= cur.target then 'tercapai'
            else 'belum'
        end as varchar) as status,
        cast(prev.value as decimal(18, 2)) as value_prev,
        cast(cur.value - prev.value as decimal(18, 2)) as change,
        cast(cur.source_mart as varchar) as source_mart,
        cast(cur.urutan as integer) as urutan

    from described as cur
    inner join previous_periods
        on cur.indicator_code = previous_periods.indicator_code
        and cur.data_date = previous_periods.data_date
    left join described as prev
        on cur.indicator_code = prev.indicator_code
        and cur.scope = prev.scope
        and cur.pd_name is not distinct from prev.pd_name
        and prev.data_date = previous_periods.previous_date

)

select * from final
