-- One row per budget version: the lines one file (data_date, source_file) holds for one PD
-- (kode_skpd) and year. Rule 1, version precedence: for each (tahun_anggaran, kode_skpd) the
-- lines of ONE file count (is_current): the latest stage of the budget cycle (highest
-- dokumen_rank of seed ref_budget_dokumen: RKA Murni < DPA Murni < RKA Perubahan < DPA
-- Perubahan), then the latest delivery (data_date), then the greatest file name. An amended
-- budget (DPA Perubahan) supersedes the original even when the original is re-sent later.
with

lines as (

    select * from {{ ref('stg_budget__lines') }}

),

dokumen as (

    select * from {{ ref('ref_budget_dokumen') }}

),

versions as (

    select
        lines.tahun_anggaran,
        lines.kode_skpd,
        lines.data_date,
        lines.source_file,
        -- A file is one stage of the cycle; should it mix stages, its highest one counts.
        max(coalesce(dokumen.dokumen_rank, 0)) as dokumen_rank,
        max(lines.nama_skpd) as nama_skpd,
        count(*) as n_lines,
        sum(lines.pagu) as pagu_total

    from lines
    left join dokumen
        on lines.dokumen = dokumen.dokumen
    group by lines.tahun_anggaran, lines.kode_skpd, lines.data_date, lines.source_file

),

ranked as (

    select
        versions.*,
        row_number() over (
            partition by versions.tahun_anggaran, versions.kode_skpd
            order by
                versions.dokumen_rank desc,
                versions.data_date desc,
                versions.source_file desc
        ) as version_rank,
        count(*) over (
            partition by versions.tahun_anggaran, versions.kode_skpd
        ) as n_versions

    from versions

),

final as (

    select
        ranked.tahun_anggaran,
        ranked.kode_skpd,
        ranked.data_date,
        ranked.source_file,
        dokumen.dokumen,
        cast(ranked.dokumen_rank as integer) as dokumen_rank,
        ranked.nama_skpd,
        cast(ranked.n_lines as integer) as n_lines,
        cast(ranked.pagu_total as decimal(18, 2)) as pagu_total,
        cast(ranked.version_rank as integer) as version_rank,
        cast(ranked.n_versions as integer) as n_versions,
        ranked.version_rank = 1 as is_current

    from ranked
    left join dokumen
        on ranked.dokumen_rank = dokumen.dokumen_rank

)

select * from final
