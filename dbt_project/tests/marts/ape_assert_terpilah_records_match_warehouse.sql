-- The I.3 records of int_ape_data_terpilah agree with the warehouse: per SIMPEG extract date
-- the loaded records are the rows of raw.simpeg_employees and the rows held back for their
-- sex are the sex-rule rows of audit.quarantine in that date's loaded batch; the kabupaten
-- I.3 of ape_scorecard is 100 * valid / records of the year's pooled records (latest
-- extract of the year, the year's training and literacy records).
with

terpilah as (

    select * from {{ ref('int_ape_data_terpilah') }}

),

simpeg_terpilah as (

    select
        data_date,
        sum(records_loaded) as records_loaded,
        sum(records_rejected_sex) as records_rejected_sex
    from terpilah
    where source = 'simpeg'
    group by data_date

),

raw_counts as (

    select data_date, batch_id, count(*) as n_rows
    from {{ source('raw', 'simpeg_employees') }}
    group by data_date, batch_id

),

quarantined as (

    select raw_counts.data_date, count(distinct quarantine.source_row) as n_rows
    from {{ source('ape_audit', 'quarantine') }} as quarantine
    inner join raw_counts
        on quarantine.batch_id = raw_counts.batch_id
    where quarantine.source = 'simpeg'
        and quarantine.rule in ('sex_invalid', 'sex_conflicts_nip')
    group by raw_counts.data_date

),

simpeg_mismatch as (

    select coalesce(simpeg_terpilah.data_date, raw_counts.data_date) as data_date
    from simpeg_terpilah
    full outer join raw_counts
        on simpeg_terpilah.data_date = raw_counts.data_date
    left join quarantined
        on raw_counts.data_date = quarantined.data_date
    where simpeg_terpilah.data_date is null
        or raw_counts.data_date is null
        or simpeg_terpilah.records_loaded <> raw_counts.n_rows
        or simpeg_terpilah.records_rejected_sex <> coalesce(quarantined.n_rows, 0)

),

latest as (

    select period_year, max(data_date) as latest_extract
    from terpilah
    where source = 'simpeg'
    group by period_year

),

pooled as (

    select
        terpilah.period_year,
        sum(terpilah.records_total) as records_total,
        sum(terpilah.records_valid_sex) as records_valid_sex
    from terpilah
    left join latest
        on terpilah.period_year = latest.period_year
    where terpilah.source <> 'simpeg' or terpilah.data_date = latest.latest_extract
    group by terpilah.period_year

),

kabupaten_mismatch as (

    select pooled.period_year
    from pooled
    left join {{ ref('ape_scorecard') }} as scorecard
        on scorecard.indicator_code = 'I.3'
        and scorecard.scope = 'kabupaten'
        and extract(year from scorecard.data_date) = pooled.period_year
    where scorecard.indicator_code is null
        or abs(scorecard.value - 100.0 * pooled.records_valid_sex / pooled.records_total)
            > 0.005 + 0.000001

)

select data_date, cast(null as integer) as period_year from simpeg_mismatch
union all
select cast(null as date), period_year from kabupaten_mismatch
