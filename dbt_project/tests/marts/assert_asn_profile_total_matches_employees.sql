-- The kabupaten Total ASN row counts exactly the ASN of int_employees_bucketed, by sex, on
-- every extract date (and no date is missing on either side).
with

profile_total as (

    select data_date, pria, wanita, total
    from {{ ref('asn_profile') }}
    where scope = 'kabupaten' and sub_kategori = 'Total ASN'

),

employees as (

    select
        data_date,
        sum(case when counts_as_asn and jenis_kelamin = 'L' then 1 else 0 end) as pria,
        sum(case when counts_as_asn and jenis_kelamin = 'P' then 1 else 0 end) as wanita,
        sum(case when counts_as_asn then 1 else 0 end) as total
    from {{ ref('int_employees_bucketed') }}
    group by data_date

)

select
    coalesce(profile_total.data_date, employees.data_date) as data_date,
    profile_total.total as profile_total,
    employees.total as employee_count
from profile_total
full outer join employees
    on profile_total.data_date = employees.data_date
where profile_total.data_date is null
    or employees.data_date is null
    or profile_total.pria <> employees.pria
    or profile_total.wanita <> employees.wanita
    or profile_total.total <> employees.total
