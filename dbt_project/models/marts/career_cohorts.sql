{{ config(tags=['after_snapshot']) }}

-- Leaky pipeline, cohort analysis: for every SIMPEG extract date and horizon of 5, 10 and 15
-- years, the PNS who entered (TMT CPNS) in the calendar year that many years before the date's
-- year and still count as ASN on the date, by current education group and sex (with 'Semua'
-- totals for both), and how many of them have reached each structural level: held it, or a
-- higher one, at any time in the employee history up to the date. Reads the history through
-- int_career_cohort_members, hence built after the snapshot replay. Every combination of
-- date, horizon, education group and sex is present (zeros allowed). Only aggregates.
{%- set reached = [('pengawas', 3), ('administrator', 4), ('jpt', 5)] %}
with

members as (

    select * from {{ ref('int_career_cohort_members') }}

),

extract_dates as (

    select distinct data_date from {{ ref('int_employees_bucketed') }}

),

horizons (horizon_years) as (

    values (5), (10), (15)

),

pendidikan_groups as (

    select distinct kelompok_profil as pendidikan_kelompok
    from {{ ref('ref_tingkat_pendidikan') }}

    union all

    select 'Semua' as pendidikan_kelompok

),

sexes (jenis_kelamin) as (

    values ('L'), ('P'), ('Semua')

),

-- Each member counts in their own (education, sex) cell and in the three 'Semua' totals.
memberships as (

    select data_date, horizon_years, pendidikan_kelompok, jenis_kelamin,
        current_level_rank, highest_level_rank
    from members

    union all

    select data_date, horizon_years, 'Semua', jenis_kelamin,
        current_level_rank, highest_level_rank
    from members

    union all

    select data_date, horizon_years, pendidikan_kelompok, 'Semua',
        current_level_rank, highest_level_rank
    from members

    union all

    select data_date, horizon_years, 'Semua', 'Semua',
        current_level_rank, highest_level_rank
    from members

),

counts as (

    select
        data_date,
        horizon_years,
        pendidikan_kelompok,
        jenis_kelamin,
        count(*) as cohort_size,
        sum(case when highest_level_rank = 1 then 1 else 0 end) as highest_pelaksana,
        sum(case when highest_level_rank = 2 then 1 else 0 end) as highest_fungsional,
        {%- for code, rank in reached %}
        sum(case when highest_level_rank >= {{ rank }} then 1 else 0 end) as reached_{{ code }},
        {%- endfor %}
        sum(case when current_level_rank >= 3 then 1 else 0 end) as current_struktural

    from memberships
    group by data_date, horizon_years, pendidikan_kelompok, jenis_kelamin

),

filled as (

    select
        extract_dates.data_date,
        cast(horizons.horizon_years as integer) as horizon_years,
        cast(extract(year from extract_dates.data_date) as integer)
            - cast(horizons.horizon_years as integer) as entry_year,
        pendidikan_groups.pendidikan_kelompok,
        cast(sexes.jenis_kelamin as varchar) as jenis_kelamin,
        cast(coalesce(counts.cohort_size, 0) as integer) as cohort_size,
        cast(coalesce(counts.highest_pelaksana, 0) as integer) as highest_pelaksana,
        cast(coalesce(counts.highest_fungsional, 0) as integer) as highest_fungsional,
        {%- for code, rank in reached %}
        cast(coalesce(counts.reached_{{ code }}, 0) as integer) as reached_{{ code }},
        {%- endfor %}
        cast(coalesce(counts.current_struktural, 0) as integer) as current_struktural

    from extract_dates
    cross join horizons
    cross join pendidikan_groups
    cross join sexes
    left join counts
        on extract_dates.data_date = counts.data_date
        and horizons.horizon_years = counts.horizon_years
        and pendidikan_groups.pendidikan_kelompok = counts.pendidikan_kelompok
        and sexes.jenis_kelamin = counts.jenis_kelamin

),

final as (

    select
        data_date,
        horizon_years,
        entry_year,
        pendidikan_kelompok,
        jenis_kelamin,
        cohort_size,
        highest_pelaksana,
        highest_fungsional,
        {%- for code, rank in reached %}
        reached_{{ code }},
        {%- endfor %}
        current_struktural,
        -- The outer cast keeps the type decimal(5,1) on PostgreSQL (a CASE drops it).
        {%- for code, rank in reached %}
        cast(
            case
                when cohort_size = 0 then null
                else round(100.0 * reached_{{ code }} / cohort_size, 1)
            end as decimal(5, 1)
        ) as pct_reached_{{ code }}{{ ',' if not loop.last }}
        {%- endfor %}

    from filled

)

select * from final
