-- One row per sub kegiatan line of an RKA/DPA file, 1:1 with raw.budget_lines, renamed and
-- cast only. Every version of every file is here; int_budget_versions decides which file counts
-- for each PD and year.
with

source as (

    select * from {{ source('raw', 'budget_lines') }}

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
        cast(tahun as integer) as tahun_anggaran,
        cast(kode_skpd as varchar) as kode_skpd,
        cast(nama_skpd as varchar) as nama_skpd,
        cast(dokumen as varchar) as dokumen,
        cast(kode as varchar) as kode_sub_kegiatan,
        cast(uraian as varchar) as nama_sub_kegiatan,
        cast(pagu as decimal(18, 2)) as pagu

    from source

)

select * from renamed
