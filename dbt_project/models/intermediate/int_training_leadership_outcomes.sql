{{ config(materialized='table', tags=['after_snapshot']) }}

{#- Reads the employee history (snapshots.employees_snapshot), so it is built after the
    snapshot replay (tag after_snapshot). A table, not a view: the flow drops and replays the
    snapshot, which PostgreSQL refuses while a view depends on it. When the snapshot does not
    exist yet (a warehouse that never replayed an extract) the history is empty and a warning
    is logged: nobody then counts as already at level or promoted. -#}
{%- set snapshot_relation = ref('employees_snapshot') -%}
{%- set snapshot_exists = true -%}
{%- if execute and load_relation(snapshot_relation) is none -%}
    {%- set snapshot_exists = false -%}
    {%- do exceptions.warn(
        "int_training_leadership_outcomes: " ~ snapshot_relation
        ~ " does not exist yet; promotions are computed on an empty history") -%}
{%- endif -%}

-- For every SIMPEG extract date and leadership training (PKP, PKA, PKN): each ASN found in
-- SIMPEG who attended that training, with an event ending on or before the date, once (their
-- first such training counts). From the employee history: whether they already held the
-- training's jenjang or a higher one at the start of that training, and whether they reached
-- it after the training's start, on or before the date (promoted).
-- Jenjang order: JPT Pratama (3) > Administrator (2) > Pengawas (1) > no eselon (0).
with

extract_dates as (

    select distinct data_date from {{ ref('int_employees_bucketed') }}

),

kinds as (

    select
        training_kind,
        leadership_jenjang,
        case leadership_jenjang
            when 'JPT Pratama' then 3
            when 'Administrator' then 2
            when 'Pengawas' then 1
        end as target_rank
    from {{ ref('ref_training_kinds') }}
    where leadership_jenjang is not null

),

trainings as (

    select
        training_kind,
        employee_key,
        jenis_kelamin,
        event_start,
        event_end,
        row_number() over (
            partition by training_kind, employee_key
            order by event_end, event_start, event_key
        ) as training_rank

    from {{ ref('int_training_participations') }}
    where attended = true
        and is_simpeg_employee = true
        and leadership_jenjang is not null

),

first_trainings as (

    select training_kind, employee_key, jenis_kelamin, event_start, event_end
    from trainings
    where training_rank = 1

),

versions as (

{%- if snapshot_exists %}

    select
        history.employee_key,
        cast(history.dbt_valid_from as date) as valid_from,
        cast(history.dbt_valid_to as date) as valid_to,
        case eselon.jenjang
            when 'JPT Pratama' then 3
            when 'Administrator' then 2
            when 'Pengawas' then 1
            else 0
        end as jenjang_rank,
        row_number() over (
            partition by history.employee_key
            order by history.dbt_valid_from
        ) as version_number

    from {{ snapshot_relation }} as history
    left join {{ ref('ref_eselon') }} as eselon
        on history.eselon = eselon.eselon

{%- else %}

    select
        cast(null as varchar) as employee_key,
        cast(null as date) as valid_from,
        cast(null as date) as valid_to,
        cast(null as integer) as jenjang_rank,
        cast(null as integer) as version_number
    where 1 = 0

{%- endif %}

),

-- The level at the start of the training: the version in force on event_start. When the
-- history begins after event_start (the training predates the first extract) the first
-- version stands for the state at the start *(convention: no promotion is credited without a
-- recorded earlier state)*. Nobody in the extract on event_start: no level.
level_at_start as (

    select
        first_trainings.training_kind,
        first_trainings.employee_key,
        max(versions.jenjang_rank) as rank_at_start

    from first_trainings
    inner join versions
        on first_trainings.employee_key = versions.employee_key
        and (
            (
                versions.valid_from <= first_trainings.event_start
                and (versions.valid_to is null or versions.valid_to > first_trainings.event_start)
            )
            or (versions.version_number = 1 and versions.valid_from > first_trainings.event_start)
        )
    group by first_trainings.training_kind, first_trainings.employee_key

),

reached_level as (

    select
        first_trainings.training_kind,
        first_trainings.employee_key,
        min(versions.valid_from) as reached_level_on

    from first_trainings
    inner join kinds
        on first_trainings.training_kind = kinds.training_kind
    inner join versions
        on first_trainings.employee_key = versions.employee_key
        and versions.valid_from > first_trainings.event_start
        and versions.jenjang_rank >= kinds.target_rank
    group by first_trainings.training_kind, first_trainings.employee_key

),

outcomes as (

    select
        extract_dates.data_date,
        first_trainings.training_kind,
        kinds.leadership_jenjang as jenjang,
        first_trainings.employee_key,
        first_trainings.jenis_kelamin,
        first_trainings.event_start,
        first_trainings.event_end,
        case
            when coalesce(level_at_start.rank_at_start, 0) >= kinds.target_rank then true
            else false
        end as already_at_level,
        reached_level.reached_level_on

    from extract_dates
    inner join first_trainings
        on first_trainings.event_end <= extract_dates.data_date
    inner join kinds
        on first_trainings.training_kind = kinds.training_kind
    left join level_at_start
        on first_trainings.training_kind = level_at_start.training_kind
        and first_trainings.employee_key = level_at_start.employee_key
    left join reached_level
        on first_trainings.training_kind = reached_level.training_kind
        and first_trainings.employee_key = reached_level.employee_key

),

final as (

    select
        data_date,
        training_kind,
        jenjang,
        employee_key,
        jenis_kelamin,
        event_start,
        event_end,
        already_at_level,
        case
            when already_at_level = false and reached_level_on <= data_date then true
            else false
        end as promoted

    from outcomes

)

select * from final
