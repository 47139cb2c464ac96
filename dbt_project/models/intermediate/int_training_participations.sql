{{ config(materialized='table') }}

-- One row per participant per training event, from the latest list of each event
-- (int_training_events). A participant listed more than once in that list counts once:
-- attended / certified when any of their rows is. Sex: for an ASN found in SIMPEG (any
-- extract) the SIMPEG value of the latest extract on or before the event's last day, else of
-- the earliest extract after it (the list may be wrong); the list's value for everyone else.
with

events as (

    select * from {{ ref('int_training_events') }}

),

attendance as (

    select * from {{ ref('stg_training__attendance') }}

),

employees as (

    select employee_key, data_date, jenis_kelamin from {{ ref('int_employees_bucketed') }}

),

rows_of_latest_list as (

    select
        events.event_key,
        attendance.participant_key,
        attendance.employee_key,
        attendance.participant_type,
        attendance.jenis_kelamin,
        attendance.attended,
        attendance.certified,
        row_number() over (
            partition by events.event_key, attendance.participant_key
            order by
                case when attendance.attended = true then 0 else 1 end,
                attendance.source_file,
                attendance.source_sheet,
                attendance.source_row
        ) as row_rank,
        count(*) over (
            partition by events.event_key, attendance.participant_key
        ) as n_rows,
        max(case when attendance.attended = true then 1 else 0 end) over (
            partition by events.event_key, attendance.participant_key
        ) as any_attended,
        max(case when attendance.certified = true then 1 else 0 end) over (
            partition by events.event_key, attendance.participant_key
        ) as any_certified

    from attendance
    inner join events
        on attendance.event_title = events.event_title
        and attendance.event_start = events.event_start
        and attendance.data_date = events.data_date

),

participants as (

    select
        rows_of_latest_list.*,
        events.event_end
    from rows_of_latest_list
    inner join events
        on rows_of_latest_list.event_key = events.event_key
    where rows_of_latest_list.row_rank = 1

),

simpeg_sex_candidates as (

    select
        participants.event_key,
        participants.participant_key,
        employees.jenis_kelamin,
        row_number() over (
            partition by participants.event_key, participants.participant_key
            order by
                case when employees.data_date <= participants.event_end then 0 else 1 end,
                case when employees.data_date <= participants.event_end
                    then employees.data_date end desc,
                employees.data_date
        ) as candidate_rank

    from participants
    inner join employees
        on participants.employee_key = employees.employee_key

),

simpeg_sex as (

    select event_key, participant_key, jenis_kelamin
    from simpeg_sex_candidates
    where candidate_rank = 1

),

final as (

    select
        events.event_key,
        participants.participant_key,
        participants.employee_key,
        participants.participant_type,
        case when simpeg_sex.jenis_kelamin is not null then true else false end
            as is_simpeg_employee,
        coalesce(simpeg_sex.jenis_kelamin, participants.jenis_kelamin) as jenis_kelamin,
        participants.jenis_kelamin as jenis_kelamin_listed,
        case when simpeg_sex.jenis_kelamin is not null then 'simpeg' else 'list' end
            as jenis_kelamin_source,
        case when participants.any_attended = 1 then true else false end as attended,
        case when participants.any_certified = 1 then true else false end as certified,
        cast(participants.n_rows as integer) as n_rows,
        events.training_kind,
        events.counts_as_pug,
        events.is_internalisation,
        events.leadership_jenjang,
        events.event_start,
        events.event_end

    from participants
    inner join events
        on participants.event_key = events.event_key
    left join simpeg_sex
        on participants.event_key = simpeg_sex.event_key
        and participants.participant_key = simpeg_sex.participant_key

)

select * from final
