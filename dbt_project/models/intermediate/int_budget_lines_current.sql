-- The budget lines that count: for each (tahun_anggaran, kode_skpd) the lines of the winning
-- file of int_budget_versions (rule 1), one row per sub kegiatan, with the codes of the
-- hierarchy above it (bidang urusan, program, kegiatan: prefixes of the canonical code).
with

lines as (

    select * from {{ ref('stg_budget__lines') }}

),

current_versions as (

    select * from {{ ref('int_budget_versions') }}
    where is_current

),

final as (

    select
        lines.tahun_anggaran,
        lines.kode_skpd,
        current_versions.nama_skpd,
        current_versions.dokumen,
        lines.kode_sub_kegiatan,
        cast(substr(lines.kode_sub_kegiatan, 1, 4) as varchar) as kode_bidang_urusan,
        cast(substr(lines.kode_sub_kegiatan, 1, 7) as varchar) as kode_program,
        cast(substr(lines.kode_sub_kegiatan, 1, 12) as varchar) as kode_kegiatan,
        lines.nama_sub_kegiatan,
        lines.pagu,
        lines.data_date,
        lines.source_file,
        lines.source_sheet,
        lines.source_row

    from lines
    inner join current_versions
        on lines.tahun_anggaran = current_versions.tahun_anggaran
        and lines.kode_skpd = current_versions.kode_skpd
        and lines.data_date = current_versions.data_date
        and lines.source_file = current_versions.source_file

)

select * from final
