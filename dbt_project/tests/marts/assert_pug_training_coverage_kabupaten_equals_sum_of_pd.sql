-- Every kabupaten row of pug_training_coverage equals the sum of its PD rows on that date
-- (ASN and trained, by sex), and its PD counts are the number of PD rows, of PD rows with a
-- trained ASN and of PD rows meeting the target.
with

coverage as (

    select * from {{ ref('pug_training_coverage') }}

),

kabupaten as (

    select * from coverage where scope = 'kabupaten'

),

summed_over_pd as (

    select
        data_date,
        sum(asn_pria) as asn_pria,
        sum(asn_wanita) as asn_wanita,
        sum(trained_pria) as trained_pria,
        sum(trained_wanita) as trained_wanita,
        count(*) as pd_total,
        sum(case when trained_total > 0 then 1 else 0 end) as pd_with_trained,
        sum(case when meets_target = true then 1 else 0 end) as pd_meeting_target
    from coverage
    where scope = 'pd'
    group by data_date

)

select
    kabupaten.data_date,
    kabupaten.asn_total,
    kabupaten.pd_total
from kabupaten
left join summed_over_pd
    on kabupaten.data_date = summed_over_pd.data_date
where kabupaten.asn_pria <> coalesce(summed_over_pd.asn_pria, 0)
    or kabupaten.asn_wanita <> coalesce(summed_over_pd.asn_wanita, 0)
    or kabupaten.trained_pria <> coalesce(summed_over_pd.trained_pria, 0)
    or kabupaten.trained_wanita <> coalesce(summed_over_pd.trained_wanita, 0)
    or kabupaten.pd_total <> coalesce(summed_over_pd.pd_total, 0)
    or kabupaten.pd_with_trained <> coalesce(summed_over_pd.pd_with_trained, 0)
    or kabupaten.pd_meeting_target <> coalesce(summed_over_pd.pd_meeting_target, 0)
