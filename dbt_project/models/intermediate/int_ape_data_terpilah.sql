{{ config(materialized='table') }}

-- APE I.3 (data terpilah) measured on the data itself: per source, I.3 date and PD, how many
-- records there are and how many have a valid sex (L/P). A record is a row loaded into raw.*
-- (current versions only) or a row held back at load because of its sex (audit.quarantine,
-- rules below); rows held back for other reasons only are not records of the warehouse.
-- I.3 dates: SIMPEG the extract date; training and literacy 31 December of the event's /
-- class's year. PD: SIMPEG the row's PD (of a held-back row: read from its restricted text,
-- aggregated here, nothing row-level leaves this model); training the participant's SIMPEG
-- PD (latest extract on or before the event's last day, else the earliest after); literacy
-- none (the public). Only counts: no personal data.
{%- set sex_rules = ['sex_invalid', 'sex_missing', 'sex_conflicts_nip', 'sex_conflicts_nik'] %}
with

simpeg_rows as (

    select data_date, batch_id, pd_name, jenis_kelamin
    from {{ ref('stg_simpeg__employees') }}

),

events as (

    select event_title, event_start, event_end, event_year, data_date
    from {{ ref('int_training_events') }}

),

-- Rows of the current list of each event (a list re-sent later replaces the earlier one).
training_rows as (

    select
        attendance.batch_id,
        attendance.source_file,
        attendance.employee_key,
        attendance.jenis_kelamin,
        events.event_end,
        events.event_year

    from {{ ref('stg_training__attendance') }} as attendance
    inner join events
        on attendance.event_title = events.event_title
        and attendance.event_start = events.event_start
        and attendance.data_date = events.data_date

),

participant_dates as (

    select distinct employee_key, event_end
    from training_rows
    where employee_key is not null

),

pd_candidates as (

    select
        participant_dates.employee_key,
        participant_dates.event_end,
        employees.pd_name,
        row_number() over (
            partition by participant_dates.employee_key, participant_dates.event_end
            order by
                case when employees.data_date <= participant_dates.event_end then 0 else 1 end,
                case when employees.data_date <= participant_dates.event_end
                    then employees.data_date end desc,
                employees.data_date
        ) as candidate_rank

    from participant_dates
    inner join {{ ref('int_employees_bucketed') }} as employees
        on participant_dates.employee_key = employees.employee_key

),

literacy_all as (

    select * from {{ ref('stg_literacy__attendance') }}

),

-- A class (program, class date, the class's place) counts in the rows of its latest
-- data_date, as in int_literacy_attendances: a list sent again replaces the earlier one as a
-- whole. Rows loaded before the loader set class_place fall back to their own kecamatan.
literacy_placed as (

    select *, coalesce(class_place, kecamatan, '') as place
    from literacy_all

),

class_versions as (

    select program, class_date, place, max(data_date) as latest_data_date
    from literacy_placed
    group by program, class_date, place

),

literacy_rows as (

    select
        literacy_all.batch_id,
        literacy_all.source_file,
        literacy_all.class_date,
        literacy_all.jenis_kelamin

    from literacy_placed as literacy_all
    inner join class_versions
        on literacy_all.program = class_versions.program
        and literacy_all.class_date = class_versions.class_date
        and literacy_all.place = class_versions.place
        and literacy_all.data_date = class_versions.latest_data_date

),

-- One row per row held back for its sex (a row may break several rules).
sex_rejections as (

    select distinct source, batch_id, data_date, source_file, source_sheet, source_row
    from {{ source('ape_audit', 'quarantine') }}
    where source in ('simpeg', 'training', 'literacy')
        and source_row is not null
        and rule in ('{{ sex_rules | join("', '") }}')

),

rejected_text as (

    select batch_id, source_file, source_row, row_json
    from {{ source('ape_restricted', 'rejected_rows') }}
    where source = 'simpeg'

),

simpeg_batches as (

    select distinct data_date, batch_id from simpeg_rows

),

-- The PD of a held-back SIMPEG row, normalised as the loader does (trimmed, inner whitespace
-- collapsed); null when blank.
simpeg_rejected as (

    select
        sex_rejections.data_date,
        nullif(trim(regexp_replace(
            cast(rejected_text.row_json as json) ->> 'pd_name', '\s+', ' ', 'g')), '')
            as pd_name

    from sex_rejections
    inner join simpeg_batches
        on sex_rejections.batch_id = simpeg_batches.batch_id
    left join rejected_text
        on sex_rejections.batch_id = rejected_text.batch_id
        and sex_rejections.source_file = rejected_text.source_file
        and sex_rejections.source_row = rejected_text.source_row
    where sex_rejections.source = 'simpeg'

),

training_files as (

    select batch_id, source_file, max(event_year) as event_year
    from training_rows
    group by batch_id, source_file

),

literacy_files as (

    select
        batch_id,
        source_file,
        max(cast(extract(year from class_date) as integer)) as class_year
    from literacy_rows
    group by batch_id, source_file

),

records as (

    select
        'simpeg' as source,
        data_date,
        pd_name,
        1 as is_loaded,
        case when jenis_kelamin in ('L', 'P') then 1 else 0 end as has_valid_sex
    from simpeg_rows

    union all

    select 'simpeg', data_date, pd_name, 0, 0
    from simpeg_rejected

    union all

    select
        'training',
        cast(cast(training_rows.event_year as varchar) || '-12-31' as date),
        pd_candidates.pd_name,
        1,
        case when training_rows.jenis_kelamin in ('L', 'P') then 1 else 0 end
    from training_rows
    left join pd_candidates
        on training_rows.employee_key = pd_candidates.employee_key
        and training_rows.event_end = pd_candidates.event_end
        and pd_candidates.candidate_rank = 1

    -- A held-back attendance row is never matched to SIMPEG: its PD is unknown.
    union all

    select
        'training',
        cast(cast(training_files.event_year as varchar) || '-12-31' as date),
        cast(null as varchar),
        0,
        0
    from sex_rejections
    inner join training_files
        on sex_rejections.batch_id = training_files.batch_id
        and sex_rejections.source_file = training_files.source_file
    where sex_rejections.source = 'training'

    union all

    select
        'literacy',
        cast(cast(cast(extract(year from class_date) as integer) as varchar) || '-12-31' as date),
        cast(null as varchar),
        1,
        case when jenis_kelamin in ('L', 'P') then 1 else 0 end
    from literacy_rows

    union all

    select
        'literacy',
        cast(cast(literacy_files.class_year as varchar) || '-12-31' as date),
        cast(null as varchar),
        0,
        0
    from sex_rejections
    inner join literacy_files
        on sex_rejections.batch_id = literacy_files.batch_id
        and sex_rejections.source_file = literacy_files.source_file
    where sex_rejections.source = 'literacy'

),

final as (

    select
        cast(source as varchar) as source,
        cast(data_date as date) as data_date,
        cast(extract(year from data_date) as integer) as period_year,
        cast(pd_name as varchar) as pd_name,
        cast(sum(is_loaded) as integer) as records_loaded,
        cast(sum(1 - is_loaded) as integer) as records_rejected_sex,
        cast(count(*) as integer) as records_total,
        cast(sum(has_valid_sex) as integer) as records_valid_sex

    from records
    group by source, data_date, pd_name

)

select * from final
