{{ config(materialized='table') }}

-- One row per participant per digital-literacy class, from the latest list of each class.
-- A class is identified by (program, class_date, kecamatan); when its file was sent again in a
-- later date folder only the rows of the latest data_date are kept. A participant listed more
-- than once in that list counts once (their row with a sex first, then the first row).
with

attendance as (

    select * from {{ ref('stg_literacy__attendance') }}

),

versions as (

    select
        program,
        class_date,
        kecamatan,
        max(data_date) as latest_data_date,
        count(distinct data_date) as n_versions
    from attendance
    group by program, class_date, kecamatan

),

latest_rows as (

    select
        attendance.*,
        versions.n_versions,
        row_number() over (
            partition by
                attendance.program,
                attendance.class_date,
                attendance.kecamatan,
                attendance.participant_key
            order by
                case when attendance.jenis_kelamin is null then 1 else 0 end,
                attendance.source_file,
                attendance.source_sheet,
                attendance.source_row
        ) as row_rank,
        count(*) over (
            partition by
                attendance.program,
                attendance.class_date,
                attendance.kecamatan,
                attendance.participant_key
        ) as n_rows

    from attendance
    inner join versions
        on attendance.program = versions.program
        and attendance.class_date = versions.class_date
        and attendance.kecamatan = versions.kecamatan
        and attendance.data_date = versions.latest_data_date

),

final as (

    select
        md5(program || '|' || cast(class_date as varchar) || '|' || kecamatan) as class_key,
        program,
        class_date,
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
