-- The kabupaten row of pug_facilitators counts every facilitator of int_training_facilitators
-- on that date, and equals the sum of the PD rows plus the facilitators without a PD on that
-- date (so it equals the sum of the PDs exactly when every facilitator has a PD), by sex and
-- type.
with

marts as (

    select * from {{ ref('pug_facilitators') }}

),

kabupaten as (

    select * from marts where scope = 'kabupaten'

),

summed_over_pd as (

    select
        data_date,
        sum(asn_pria) as asn_pria,
        sum(asn_wanita) as asn_wanita,
        sum(non_asn_pria) as non_asn_pria,
        sum(non_asn_wanita) as non_asn_wanita
    from marts
    where scope = 'pd'
    group by data_date

),

without_pd as (

    select
        data_date,
        sum(case when participant_type = 'asn' and jenis_kelamin = 'L' then 1 else 0 end)
            as asn_pria,
        sum(case when participant_type = 'asn' and jenis_kelamin = 'P' then 1 else 0 end)
            as asn_wanita,
        sum(case when participant_type = 'non_asn' and jenis_kelamin = 'L' then 1 else 0 end)
            as non_asn_pria,
        sum(case when participant_type = 'non_asn' and jenis_kelamin = 'P' then 1 else 0 end)
            as non_asn_wanita
    from {{ ref('int_training_facilitators') }}
    where pd_name is null
    group by data_date

),

everyone as (

    select data_date, count(*) as facilitators_total
    from {{ ref('int_training_facilitators') }}
    group by data_date

)

select
    kabupaten.data_date,
    kabupaten.facilitators_total
from kabupaten
left join summed_over_pd
    on kabupaten.data_date = summed_over_pd.data_date
left join without_pd
    on kabupaten.data_date = without_pd.data_date
left join everyone
    on kabupaten.data_date = everyone.data_date
where kabupaten.facilitators_total <> coalesce(everyone.facilitators_total, 0)
    or kabupaten.asn_pria
        <> coalesce(summed_over_pd.asn_pria, 0) + coalesce(without_pd.asn_pria, 0)
    or kabupaten.asn_wanita
        <> coalesce(summed_over_pd.asn_wanita, 0) + coalesce(without_pd.asn_wanita, 0)
    or kabupaten.non_asn_pria
        <> coalesce(summed_over_pd.non_asn_pria, 0) + coalesce(without_pd.non_asn_pria, 0)
    or kabupaten.non_asn_wanita
        <> coalesce(summed_over_pd.non_asn_wanita, 0) + coalesce(without_pd.non_asn_wanita, 0)
