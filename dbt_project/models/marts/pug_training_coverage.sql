-- APE indicator I.2.1 (SDM terlatih PUG): for every SIMPEG extract date, the ASN of the
-- kabupaten and of every PD with at least one ASN, and how many of them attended a PUG
-- training (a kind with counts_as_pug) that ended on or before that date, by sex. The
-- kabupaten rows add the share of PD with trained staff and of PD meeting the > 80 % target.
-- Only aggregates: no personal data.
with

status as (

    select * from {{ ref('int_training_asn_status') }}

),

extract_dates as (

    select distinct data_date from {{ ref('int_employees_bucketed') }}

),

counted_by_pd as (

    select
        data_date,
        pd_name,
        sum(case when jenis_kelamin = 'L' then 1 else 0 end) as asn_pria,
        sum(case when jenis_kelamin = 'P' then 1 else 0 end) as asn_wanita,
        sum(case when jenis_kelamin = 'L' and is_pug_trained = true then 1 else 0 end)
            as trained_pria,
        sum(case when jenis_kelamin = 'P' and is_pug_trained = true then 1 else 0 end)
            as trained_wanita

    from status
    group by data_date, pd_name

),

pd_rows as (

    select
        data_date,
        'pd' as scope,
        pd_name,
        cast(asn_pria as integer) as asn_pria,
        cast(asn_wanita as integer) as asn_wanita,
        cast(asn_pria + asn_wanita as integer) as asn_total,
        cast(trained_pria as integer) as trained_pria,
        cast(trained_wanita as integer) as trained_wanita,
        cast(trained_pria + trained_wanita as integer) as trained_total,
        {{ percentage_of('trained_pria', 'asn_pria') }} as pct_trained_pria,
        {{ percentage_of('trained_wanita', 'asn_wanita') }} as pct_trained_wanita,
        {{ percentage_of('trained_pria + trained_wanita', 'asn_pria + asn_wanita') }}
            as pct_trained

    from counted_by_pd

),

-- The kabupaten row exists for every extract date, even one without ASN.
kabupaten_counts as (

    select
        extract_dates.data_date,
        cast(coalesce(sum(pd_rows.asn_pria), 0) as integer) as asn_pria,
        cast(coalesce(sum(pd_rows.asn_wanita), 0) as integer) as asn_wanita,
        cast(coalesce(sum(pd_rows.trained_pria), 0) as integer) as trained_pria,
        cast(coalesce(sum(pd_rows.trained_wanita), 0) as integer) as trained_wanita,
        cast(count(pd_rows.pd_name) as integer) as pd_total,
        cast(coalesce(sum(case when pd_rows.trained_total > 0 then 1 else 0 end), 0) as integer)
            as pd_with_trained,
        cast(coalesce(sum(case when pd_rows.pct_trained > 80 then 1 else 0 end), 0) as integer)
            as pd_meeting_target

    from extract_dates
    left join pd_rows
        on extract_dates.data_date = pd_rows.data_date
    group by extract_dates.data_date

),

kabupaten_rows as (

    select
        data_date,
        'kabupaten' as scope,
        cast(null as varchar) as pd_name,
        asn_pria,
        asn_wanita,
        asn_pria + asn_wanita as asn_total,
        trained_pria,
        trained_wanita,
        trained_pria + trained_wanita as trained_total,
        {{ percentage_of('trained_pria', 'asn_pria') }} as pct_trained_pria,
        {{ percentage_of('trained_wanita', 'asn_wanita') }} as pct_trained_wanita,
        {{ percentage_of('trained_pria + trained_wanita', 'asn_pria + asn_wanita') }}
            as pct_trained,
        pd_total,
        pd_with_trained,
        {{ percentage_of('pd_with_trained', 'pd_total') }} as pct_pd_with_trained,
        pd_meeting_target,
        {{ percentage_of('pd_meeting_target', 'pd_total') }} as pct_pd_meeting_target

    from kabupaten_counts

),

unioned as (

    select
        data_date,
        scope,
        pd_name,
        asn_pria,
        asn_wanita,
        asn_total,
        trained_pria,
        trained_wanita,
        trained_total,
        pct_trained_pria,
        pct_trained_wanita,
        pct_trained,
        cast(null as integer) as pd_total,
        cast(null as integer) as pd_with_trained,
        cast(null as decimal(4, 1)) as pct_pd_with_trained,
        cast(null as integer) as pd_meeting_target,
        cast(null as decimal(4, 1)) as pct_pd_meeting_target
    from pd_rows

    union all

    select
        data_date,
        scope,
        pd_name,
        asn_pria,
        asn_wanita,
        asn_total,
        trained_pria,
        trained_wanita,
        trained_total,
        pct_trained_pria,
        pct_trained_wanita,
        pct_trained,
        pd_total,
        pd_with_trained,
        pct_pd_with_trained,
        pd_meeting_target,
        pct_pd_meeting_target
    from kabupaten_rows

),

final as (

    select
        data_date,
        scope,
        pd_name,
        asn_pria,
        asn_wanita,
        asn_total,
        trained_pria,
        trained_wanita,
        trained_total,
        pct_trained_pria,
        pct_trained_wanita,
        pct_trained,
        case when pct_trained > 80 then true else false end as meets_target,
        pd_total,
        pd_with_trained,
        pct_pd_with_trained,
        pd_meeting_target,
        pct_pd_meeting_target

    from unioned

)

select * from final
