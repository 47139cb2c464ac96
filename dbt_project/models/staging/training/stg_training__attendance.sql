-- One row per participant row of a training attendance list, 1:1 with raw.training_attendance.
-- The NIP is replaced by its keyed pseudonym (employee_key, the same HMAC as SIMPEG's, so the
-- two join); the name is used only to build participant_key for people without a NIP, then
-- dropped. Derived here: participant_type, attended and certified (from the remark). The loader
-- decides attendance from the remark (seed ref_absence_markers); rows loaded before it did
-- (attendance null) fall back to the remark's words here.
with

source as (

    select * from {{ source('raw', 'training_attendance') }}

),

pseudonym_key as (

    select ipad, opad from {{ source('restricted', 'pseudonym_key') }}

),

keyed as (

    select
        source.*,
        case
            when source.nip is not null
                then {{ pseudonymise('source.nip', 'pseudonym_key') }}
        end as employee_key,
        case
            when source.nip is null then {{ pseudonymise(
                "lower(trim(source.nama)) || '|' || lower(trim(coalesce(source.unit_kerja, '')))",
                'pseudonym_key') }}
        end as name_key,
        lower(coalesce(source.keterangan, '')) as keterangan_lower

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
        cast(event_title as varchar) as event_title,
        cast(training_kind as varchar) as training_kind,
        cast(event_start as date) as event_start,
        cast(event_end as date) as event_end,
        cast(event_place as varchar) as event_place,
        cast(organiser as varchar) as organiser,
        employee_key,
        coalesce(employee_key, name_key) as participant_key,
        cast(nip_status as varchar) as nip_status,
        case
            when nip_status in ('valid', 'invalid') then 'asn'
            -- 'nik': a 16-digit NIK written as NIP (a village head, the public)
            when nip_status in ('blank', 'nik') then 'non_asn'
        end as participant_type,
        cast(jabatan_nama as varchar) as jabatan_nama,
        cast(unit_kerja as varchar) as unit_kerja,
        cast(jenis_kelamin as varchar) as jenis_kelamin,
        cast(keterangan as varchar) as keterangan,
        cast(attendance as varchar) as attendance,
        case
            when attendance is not null then attendance <> 'absent'
            when keterangan_lower like '%tidak hadir%'
                or keterangan_lower like '%izin%'
                or keterangan_lower like '%sakit%'
                or keterangan_lower like '%absen%'
                then false
            else true
        end as attended,
        case
            when training_kind = 'tof'
                and keterangan_lower like '%sertifikat%'
                and keterangan_lower not like '%belum%'
                and keterangan_lower not like '%tidak%'
                then true
            else false
        end as certified

    from keyed

)

select * from renamed
