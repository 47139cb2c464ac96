{{ config(tags=['after_snapshot']) }}

-- In career_cohorts, for every (data_date, horizon_years): L + P = the 'Semua' sex row, and
-- the four education groups add up to the 'Semua' group, for every count. A cell without
-- its parts (or parts without their total) fails too.
{%- set counts = ['cohort_size', 'highest_pelaksana', 'highest_fungsional',
    'reached_pengawas', 'reached_administrator', 'reached_jpt', 'current_struktural'] %}
with

cohorts as (

    select * from {{ ref('career_cohorts') }}

),

by_sex as (

    select
        'sexes' as rule_name,
        data_date,
        horizon_years,
        pendidikan_kelompok as cell,
        count(*) as n_parts,
        {%- for c in counts %}
        sum(case when jenis_kelamin = 'Semua' then -{{ c }} else {{ c }} end)
            as {{ c }}_difference{{ ',' if not loop.last }}
        {%- endfor %}
    from cohorts
    group by data_date, horizon_years, pendidikan_kelompok

),

by_education as (

    select
        'education groups' as rule_name,
        data_date,
        horizon_years,
        jenis_kelamin as cell,
        count(*) as n_parts,
        {%- for c in counts %}
        sum(case when pendidikan_kelompok = 'Semua' then -{{ c }} else {{ c }} end)
            as {{ c }}_difference{{ ',' if not loop.last }}
        {%- endfor %}
    from cohorts
    group by data_date, horizon_years, jenis_kelamin

),

checked as (

    select *, 3 as n_expected from by_sex
    union all
    select *, 5 as n_expected from by_education

)

select *
from checked
where n_parts <> n_expected
    {%- for c in counts %}
    or {{ c }}_difference <> 0
    {%- endfor %}
