-- Every kabupaten row of pprg_coverage equals the sum of the same sasaran over the PD rows.
with

coverage as (

    select * from {{ ref('pprg_coverage') }}

),

kabupaten as (

    select * from coverage where scope = 'kabupaten'

),

summed_over_pd as (

    select
        data_date,
        sasaran,
        sum(sasaran_pria) as sasaran_pria,
        sum(sasaran_wanita) as sasaran_wanita,
        sum(trained_pria) as trained_pria,
        sum(trained_wanita) as trained_wanita
    from coverage
    where scope = 'pd'
    group by data_date, sasaran

)

select
    kabupaten.data_date,
    kabupaten.sasaran,
    kabupaten.sasaran_total
from kabupaten
left join summed_over_pd
    on kabupaten.data_date = summed_over_pd.data_date
    and kabupaten.sasaran = summed_over_pd.sasaran
where kabupaten.sasaran_pria <> coalesce(summed_over_pd.sasaran_pria, 0)
    or kabupaten.sasaran_wanita <> coalesce(summed_over_pd.sasaran_wanita, 0)
    or kabupaten.trained_pria <> coalesce(summed_over_pd.trained_pria, 0)
    or kabupaten.trained_wanita <> coalesce(summed_over_pd.trained_wanita, 0)
