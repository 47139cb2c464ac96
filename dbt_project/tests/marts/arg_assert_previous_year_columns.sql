-- The previous-year columns of arg_by_pd and arg_summary are the figures of the same PD (or
-- the same summary member) in tahun_anggaran - 1, and null exactly when it has no such row.
with

by_pd as (

    select * from {{ ref('arg_by_pd') }}

),

summary as (

    select * from {{ ref('arg_summary') }}

),

pd_mismatch as (

    select cur.tahun_anggaran
    from by_pd as cur
    left join by_pd as prev
        on cur.kode_skpd = prev.kode_skpd
        and cur.tahun_anggaran = prev.tahun_anggaran + 1
    where (prev.kode_skpd is null and cur.pagu_arg_prev is not null)
        or (prev.kode_skpd is not null and (
            cur.pagu_arg_prev is null
            or cur.pagu_arg_prev <> prev.pagu_arg
            or cur.sub_kegiatan_arg_prev <> prev.sub_kegiatan_arg
            or coalesce(cur.pct_arg_prev, -1) <> coalesce(prev.pct_arg, -1)
        ))

),

summary_mismatch as (

    select cur.tahun_anggaran
    from summary as cur
    left join summary as prev
        on cur.dimension = prev.dimension
        and coalesce(cur.kode, '') = coalesce(prev.kode, '')
        and cur.tahun_anggaran = prev.tahun_anggaran + 1
    where (prev.dimension is null and cur.pagu_arg_prev is not null)
        or (prev.dimension is not null and (
            cur.pagu_arg_prev is null
            or cur.pagu_arg_prev <> prev.pagu_arg
            or cur.sub_kegiatan_arg_prev <> prev.sub_kegiatan_arg
            or coalesce(cur.pct_arg_prev, -1) <> coalesce(prev.pct_arg, -1)
        ))

)

select tahun_anggaran from pd_mismatch
union all
select tahun_anggaran from summary_mismatch
