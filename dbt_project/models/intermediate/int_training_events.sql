-- One row per training event. An event is identified by (event_title, event_start); when its
-- list was sent more than once (a corrected list in a later date folder), only the latest
-- data_date is kept. The event's attributes come from the first row of that version.
with

attendance as (

    select
        data_date,
        source_file,
        source_sheet,
        source_row,
        event_title,
        event_start,
        event_end,
        training_kind,
        event_place,
        organiser
    from {{ ref('stg_training__attendance') }}

),

kinds as (

    select
        training_kind,
        label,
        counts_as_pug,
        is_internalisation,
        leadership_jenjang
    from {{ ref('ref_training_kinds') }}

),

versions as (

    select
        event_title,
        event_start,
        max(data_date) as latest_data_date,
        count(distinct data_date) as n_versions
    from attendance
    group by event_title, event_start

),

latest_rows as (

    select
        attendance.*,
        versions.n_versions,
        count(*) over (
            partition by attendance.event_title, attendance.event_start
        ) as n_rows,
        row_number() over (
            partition by attendance.event_title, attendance.event_start
            order by attendance.source_file, attendance.source_sheet, attendance.source_row
        ) as row_rank

    from attendance
    inner join versions
        on attendance.event_title = versions.event_title
        and attendance.event_start = versions.event_start
        and attendance.data_date = versions.latest_data_date

),

events as (

    select
        md5(latest_rows.event_title || '|' || cast(latest_rows.event_start as varchar))
            as event_key,
        latest_rows.event_title,
        latest_rows.event_start,
        latest_rows.event_end,
        cast(extract(year from latest_rows.event_start) as integer) as event_year,
        latest_rows.training_kind,
        kinds.label as training_kind_label,
        kinds.counts_as_pug,
        kinds.is_internalisation,
        kinds.leadership_jenjang,
        latest_rows.organiser,
        latest_rows.event_place,
        latest_rows.data_date,
        latest_rows.n_versions,
        latest_rows.n_rows

    from latest_rows
    left join kinds
        on latest_rows.training_kind = kinds.training_kind
    where latest_rows.row_rank = 1

)

select * from events
