{{ config(materialized='table', tags=['after_snapshot']) }}

-- Career cohorts (leaky pipeline): for every SIMPEG extract date and horizon N of 5, 10 and 15
-- years, the PNS (CPNS included) counted as ASN on that date whose TMT CPNS falls in the
-- calendar year N years before the date's year (the entry cohort), with their current level
-- and the highest level they have held as ASN: the maximum over the versions of the employee
-- history that started on or before the date (snapshots.employees_snapshot, through
-- int_career_level_history) and the level in that date's extract. Someone who was Pengawas
-- earlier and is Pelaksana now has reached Pengawas. PPPK are left out (no TMT CPNS: their
-- entry is a contract, not a PNS career). Sex and education group are those of the date.
with

positions as (

    select
        employee_key,
        data_date,
        jenis_kelamin,
        pendidikan_kelompok,
        tmt_cpns,
        level_rank
    from {{ ref('int_career_positions') }}
    where jenis_pegawai in ('PNS', 'CPNS')
        and tmt_cpns is not null

),

history as (

    select employee_key, valid_from, level_rank from {{ ref('int_career_level_history') }}

),

horizons (horizon_years) as (

    values (5), (10), (15)

),

members as (

    select
        positions.data_date,
        cast(horizons.horizon_years as integer) as horizon_years,
        cast(extract(year from positions.tmt_cpns) as integer) as entry_year,
        positions.employee_key,
        positions.jenis_kelamin,
        positions.pendidikan_kelompok,
        positions.level_rank as current_level_rank

    from positions
    inner join horizons
        on cast(extract(year from positions.tmt_cpns) as integer)
            = cast(extract(year from positions.data_date) as integer) - horizons.horizon_years

),

-- Highest level of the versions that started on or before the date (a version started later
-- is the future of that date and does not count).
highest_in_history as (

    select
        members.data_date,
        members.employee_key,
        max(history.level_rank) as highest_level_rank

    from members
    inner join history
        on members.employee_key = history.employee_key
        and history.valid_from <= members.data_date
    group by members.data_date, members.employee_key

),

final as (

    select
        members.data_date,
        members.horizon_years,
        members.entry_year,
        members.employee_key,
        members.jenis_kelamin,
        members.pendidikan_kelompok,
        members.current_level_rank,
        case
            when highest_in_history.highest_level_rank is null
                or highest_in_history.highest_level_rank < members.current_level_rank
                then members.current_level_rank
            else highest_in_history.highest_level_rank
        end as highest_level_rank

    from members
    left join highest_in_history
        on members.data_date = highest_in_history.data_date
        and members.employee_key = highest_in_history.employee_key

)

select * from final
