{{ config(materialized='table', tags=['after_snapshot']) }}

{#- Reads the employee history (snapshots.employees_snapshot), so it is built after the
    snapshot replay (tag after_snapshot). A table, not a view: the flow drops and replays the
    snapshot, which PostgreSQL refuses while a view depends on it. When the snapshot does not
    exist yet (a warehouse that never replayed an extract) the history is empty and a warning
    is logged; the cohorts then rest on the extracts alone. A unit test gives the snapshot as a
    fixture, which is no relation to look up. -#}
{%- set snapshot_relation = ref('employees_snapshot') -%}
{%- set snapshot_exists = true -%}
{%- if execute and model.resource_type != 'unit_test'
    and load_relation(snapshot_relation) is none -%}
    {%- set snapshot_exists = false -%}
    {%- do exceptions.warn(
        "int_career_level_history: " ~ snapshot_relation
        ~ " does not exist yet; career levels are taken from the extracts only") -%}
{%- endif -%}

-- Every version of the employee history held while counting as ASN, with its level of the
-- career pyramid: eselon -> jenjang (seed ref_eselon) for structural posts, else the resolved
-- jenis_jabatan (pelaksana, fungsional). Versions are dated by extract dates: valid_from is the
-- first extract showing that state, valid_to the first extract where it no longer holds.
with

levels as (

    select level_rank, level_code, jenis_jabatan, jenjang_jabatan
    from {{ ref('int_career_levels') }}

),

kedudukan_hukum as (

    select kedudukan_hukum, counts_as_asn from {{ ref('ref_kedudukan_hukum') }}

),

eselon as (

    select eselon, jenjang from {{ ref('ref_eselon') }}

),

versions as (

{%- if snapshot_exists %}

    select
        history.employee_key,
        cast(history.dbt_valid_from as date) as valid_from,
        cast(history.dbt_valid_to as date) as valid_to,
        history.kedudukan_hukum,
        history.jenis_jabatan,
        history.eselon

    from {{ snapshot_relation }} as history

{%- else %}

    select
        cast(null as varchar) as employee_key,
        cast(null as date) as valid_from,
        cast(null as date) as valid_to,
        cast(null as varchar) as kedudukan_hukum,
        cast(null as varchar) as jenis_jabatan,
        cast(null as varchar) as eselon
    where 1 = 0

{%- endif %}

),

final as (

    select
        versions.employee_key,
        versions.valid_from,
        versions.valid_to,
        levels.level_rank,
        levels.level_code

    from versions
    inner join kedudukan_hukum
        on versions.kedudukan_hukum = kedudukan_hukum.kedudukan_hukum
    left join eselon
        on versions.eselon = eselon.eselon
    inner join levels
        on versions.jenis_jabatan = levels.jenis_jabatan
        and eselon.jenjang is not distinct from levels.jenjang_jabatan
    where kedudukan_hukum.counts_as_asn = true

)

select * from final
