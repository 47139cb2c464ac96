-- Every kabupaten row equals the sum of the same row over all PDs on that date.
with

profile as (

    select * from {{ ref('asn_profile') }}

),

kabupaten as (

    select data_date, sub_kategori, pria, wanita, total
    from profile
    where scope = 'kabupaten'

),

summed_over_pd as (

    select
        data_date,
        sub_kategori,
        sum(pria) as pria,
        sum(wanita) as wanita,
        sum(total) as total
    from profile
    where scope = 'pd'
    group by data_date, sub_kategori

)

select
    kabupaten.data_date,
    kabupaten.sub_kategori,
    kabupaten.total as kabupaten_total,
    summed_over_pd.total as pd_total
from kabupaten
left join summed_over_pd
    on kabupaten.data_date = summed_over_pd.data_date
    and kabupaten.sub_kategori = summed_over_pd.sub_kategori
where kabupaten.pria <> coalesce(summed_over_pd.pria, 0)
    or kabupaten.wanita <> coalesce(summed_over_pd.wanita, 0)
    or kabupaten.total <> coalesce(summed_over_pd.total, 0)
