{{ config(materialized='table') }}

-- One row per participant per digital-literacy class, from the latest list of each class.
-- A class is identified by (program, class_date, class place), never by a participant's own
-- kecamatan: when its list was sent again in a later date folder, the whole earlier list is
-- replaced by the rows of the latest data_date (also a participant of the earlier list from
-- another kecamatan). A participant listed more than once in that list counts once (their row
-- with a sex first, then the first row).
with

attendance as (

    select * from {{ ref('stg_literacy__attendance') }}

),

-- Rows loaded before the loader set class_place: the kecamatan most of the list's participants
-- come from (ties: the first by name), the loader's own rule for a list without a place.
list_kecamatan as (

    select
        batch_id,
        source_file,
        kecamatan,
        row_number() over (
            partition by batch_id, source_file
            order by count(*) desc, kecamatan
        ) as kecamatan_rank
    from attendance
    group by batch_id, source_file, kecamatan

),

placed as (

    select
        attendance.*,
        coalesce(attendance.class_place, list_kecamatan.kecamatan, '') as place
    from attendance
    left join list_kecamatan
        on attendance.batch_id is not distinct from list_kecamatan.batch_id
        and attendance.source_file is not distinct from list_kecamatan.source_file
        and list_kecamatan.kecamatan_rank = 1

),

versions as (

    select
        program,
        class_date,
        place,
        max(data_date) as latest_data_date,
        count(distinct data_date) as n_versions
    from placed
    group by program, class_date, place

),

latest_rows as (

    select
        placed.*,
        versions.n_versions,
        row_number() over (
            partition by
                placed.program,
                placed.class_date,
                placed.place,
                placed.participant_key
            order by
                case when placed.jenis_kelamin is null then 1 else 0 end,
                placed.source_file,
                placed.source_sheet,
                placed.source_row
        ) as row_rank,
        count(*) over (
            partition by
                placed.program,
                placed.class_date,
                placed.place,
                placed.participant_key
        ) as n_rows

    from placed
    inner join versions
        on placed.program = versions.program
        and placed.class_date = versions.class_date
        and placed.place = versions.place
        and placed.data_date = versions.latest_data_date

),

final as (

    select
        md5(program || '|' || cast(class_date as varchar) || '|' || place) as class_key,
        program,
        class_date,
        cast(place as varchar) as class_place,
        kecamatan,
        data_date,
        cast(n_versions as integer) as n_versions,
        participant_key,
        identified_by,
        jenis_kelamin,
        age_years,
        age_group,
        desa,
        pekerjaan,
        disabilitas,
        cast(n_rows as integer) as n_rows,
        source_file,
        source_sheet,
        source_row

    from latest_rows
    where row_rank = 1

)

select * from final
