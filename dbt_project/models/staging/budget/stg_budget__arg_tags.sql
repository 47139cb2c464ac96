-- One row per tag of a PD's ARG list (Gender Budget Statement), 1:1 with raw.arg_tags,
-- renamed and cast only. Every version of every list is here; int_arg_tags_resolved finds the
-- PD of each tag and the list that counts.
with

source as (

    select * from {{ source('raw', 'arg_tags') }}

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
        cast(kode_sub_kegiatan as varchar) as kode_sub_kegiatan,
        cast(nama_sub_kegiatan as varchar) as nama_sub_kegiatan,
        cast(kategori_arg as varchar) as kategori_arg,
        cast(isu_gender as varchar) as isu_gender,
        cast(sasaran_laki_laki as integer) as sasaran_laki_laki,
        cast(sasaran_perempuan as integer) as sasaran_perempuan,
        cast(nilai_arg as decimal(18, 2)) as nilai_arg

    from source

)

select * from renamed
