-- Every kabupaten row of career_pyramid equals the sum of that level over the PDs, by sex,
-- on every extract date (a date without any PD row must have zeros for the kabupaten).
with

pyramid as (

    select * from {{ ref('career_pyramid') }}

),

kabupaten as (

    select data_date, level_code, pria, wanita
    from pyramid
    where scope = 'kabupaten'

),

sum_of_pd as (

    select data_date, level_code, sum(pria) as pria, sum(wanita) as wanita
    from pyramid
    where scope = 'pd'
    group by data_date, level_code

)

select
    kabupaten.data_date,
    kabupaten.level_code,
    kabupaten.pria,
    sum_of_pd.pria as pd_pria,
    kabupaten.wanita,
    sum_of_pd.wanita as pd_wanita
from kabupaten
left join sum_of_pd
    on kabupaten.data_date = sum_of_pd.data_date
    and kabupaten.level_code = sum_of_pd.level_code
where kabupaten.pria <> coalesce(sum_of_pd.pria, 0)
    or kabupaten.wanita <> coalesce(sum_of_pd.wanita, 0)
