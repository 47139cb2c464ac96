-- One row per employee per extract, 1:1 with raw.simpeg_employees. The NIP is replaced by its
-- keyed pseudonym (employee_key); name, NIK, phone and e-mail are dropped here. The birth date
-- stays in this view only: later layers keep ages and birth years, never the date.
with

source as (

    select * from {{ source('raw', 'simpeg_employees') }}

),

pseudonym_key as (

    select ipad, opad from {{ source('restricted', 'pseudonym_key') }}

),

renamed as (

    select
        {{ pseudonymise('source.nip', 'pseudonym_key') }} as employee_key,
        cast(source.data_date as date) as data_date,
        cast(source.batch_id as varchar) as batch_id,
        cast(source.source_file as varchar) as source_file,
        cast(source.source_sha256 as varchar) as source_sha256,
        cast(source.source_sheet as varchar) as source_sheet,
        cast(source.source_row as integer) as source_row,
        cast(source.loaded_at as timestamp) as loaded_at,
        cast(source.tanggal_lahir as date) as tanggal_lahir,
        cast(source.jenis_kelamin as varchar) as jenis_kelamin,
        cast(source.jenis_pegawai as varchar) as jenis_pegawai,
        cast(source.kedudukan_hukum as varchar) as kedudukan_hukum,
        cast(source.tmt_cpns as date) as tmt_cpns,
        cast(source.tmt_pns as date) as tmt_pns,
        cast(source.golongan as varchar) as golongan,
        cast(source.eselon as varchar) as eselon,
        cast(source.jenis_jabatan as varchar) as jenis_jabatan,
        cast(source.jabatan_nama as varchar) as jabatan_nama,
        cast(source.tingkat_pendidikan as varchar) as tingkat_pendidikan,
        cast(source.pd_name as varchar) as pd_name,
        cast(source.unor_nama as varchar) as unor_nama

    from source
    cross join pseudonym_key

)

select * from renamed
