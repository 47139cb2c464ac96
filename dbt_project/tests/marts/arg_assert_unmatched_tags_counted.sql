-- The unmatched tags are counted where they belong: for every PD and year of arg_by_pd,
-- tags_unmatched equals its code_not_in_budget rows in arg_unmatched_tags (and every such row
-- has its PD row); a budget_missing row never has a PD row of its year; the kabupaten row's
-- tags_unmatched equals the year's rows of arg_unmatched_tags.
with

unmatched as (

    select * from {{ ref('arg_unmatched_tags') }}

),

by_pd as (

    select * from {{ ref('arg_by_pd') }}

),

pd_counts as (

    select
        tahun_anggaran,
        kode_skpd,
        count(*) as n_unmatched
    from unmatched
    where match_status = 'code_not_in_budget'
    group by tahun_anggaran, kode_skpd

),

pd_mismatch as (

    select coalesce(by_pd.tahun_anggaran, pd_counts.tahun_anggaran) as tahun_anggaran
    from by_pd
    full outer join pd_counts
        on by_pd.tahun_anggaran = pd_counts.tahun_anggaran
        and by_pd.kode_skpd = pd_counts.kode_skpd
    where by_pd.kode_skpd is null
        or by_pd.tags_unmatched <> coalesce(pd_counts.n_unmatched, 0)

),

missing_with_budget as (

    select unmatched.tahun_anggaran
    from unmatched
    inner join by_pd
        on unmatched.tahun_anggaran = by_pd.tahun_anggaran
        and unmatched.kode_skpd = by_pd.kode_skpd
    where unmatched.match_status = 'budget_missing'

),

year_counts as (

    select tahun_anggaran, count(*) as n_unmatched
    from unmatched
    group by tahun_anggaran

),

kabupaten_mismatch as (

    select kabupaten.tahun_anggaran
    from {{ ref('arg_summary') }} as kabupaten
    left join year_counts
        on kabupaten.tahun_anggaran = year_counts.tahun_anggaran
    where kabupaten.dimension = 'kabupaten'
        and kabupaten.tags_unmatched <> coalesce(year_counts.n_unmatched, 0)

)

select tahun_anggaran from pd_mismatch
union all
select tahun_anggaran from missing_with_budget
union all
select tahun_anggaran from kabupaten_mismatch
