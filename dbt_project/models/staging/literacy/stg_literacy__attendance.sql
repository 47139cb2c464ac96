-- One row per participant row of a digital-literacy class list, 1:1 with
-- raw.literacy_attendance. Name, NIK, phone and birth date are dropped here: the NIK (or, without
-- a usable NIK, the fallback identity name|birth date or age|kecamatan) is replaced by its keyed
-- pseudonym participant_key, and the birth date by the age at the class date and its group.
with

source as (

    select * from {{ source('raw', 'literacy_attendance') }}

),

pseudonym_key as (

    select ipad, opad from {{ source('restricted', 'pseudonym_key') }}

),

keyed as (

    select
        source.*,
        case
            when source.nik_status in ('valid', 'outside') then 'nik'
            else 'fallback'
        end as identified_by,
        case
            when source.nik_status in ('valid', 'outside')
                then {{ pseudonymise('source.nik', 'pseudonym_key') }}
            else {{ pseudonymise(
                "lower(trim(source.nama)) || '|' || coalesce(cast(source.tanggal_lahir as varchar),"
                ~ " 'umur:' || source.umur, '') || '|' || source.kecamatan",
                'pseudonym_key') }}
        end as participant_key,
        case
            when source.tanggal_lahir is not null
                then {{ completed_years('source.tanggal_lahir', 'source.class_date') }}
            else cast(trim(source.umur) as integer)
        end as age_computed

    from source
    cross join pseudonym_key

),

renamed as (

    select
        cast(batch_id as varchar) as batch_id,
        cast(data_date as date) as data_date,
        cast(source_file as varchar) as source_file,
        cast(source_sha256 as varchar) as source_sha256,
        cast(source_sheet as varchar) as source_sheet,
        cast(source_row as integer) as source_row,
        cast(loaded_at as timestamp) as loaded_at,
        cast(program as varchar) as program,
        cast(class_date as date) as class_date,
        cast(class_place as varchar) as class_place,
        cast(kecamatan as varchar) as kecamatan,
        cast(desa as varchar) as desa,
        participant_key,
        cast(identified_by as varchar) as identified_by,
        cast(nik_status as varchar) as nik_status,
        cast(jenis_kelamin as varchar) as jenis_kelamin,
        -- A negative age (birth date after the class) is a data error: unknown.
        case when age_computed >= 0 then cast(age_computed as integer) end as age_years,
        case
            when age_computed is null or age_computed < 0 then 'tidak diketahui'
            when age_computed < 15 then '< 15'
            when age_computed < 25 then '15-24'
            when age_computed < 35 then '25-34'
            when age_computed < 45 then '35-44'
            when age_computed < 55 then '45-54'
            when age_computed < 65 then '55-64'
            else '65+'
        end as age_group,
        case when trim(pekerjaan) = '' then null else cast(trim(pekerjaan) as varchar) end
            as pekerjaan,
        cast(disabilitas as varchar) as disabilitas

    from keyed

)

select * from renamed
