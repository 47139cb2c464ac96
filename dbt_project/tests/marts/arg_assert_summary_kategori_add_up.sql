-- Every year, the kategori rows of arg_summary add up to the kabupaten row (ARG, ARG sub
-- kegiatan, beneficiaries), share its budget, sub kegiatan and PD counts, and each equals the
-- sum of the same category over arg_by_pd (pagu_arg_kategori_1/2/3).
with

summary as (

    select * from {{ ref('arg_summary') }}

),

kabupaten as (

    select * from summary where dimension = 'kabupaten'

),

kategori as (

    select * from summary where dimension = 'kategori'

),

summed_kategori as (

    select
        tahun_anggaran,
        count(*) as n_rows,
        sum(pagu_arg) as pagu_arg,
        sum(sub_kegiatan_arg) as sub_kegiatan_arg,
        sum(sasaran_laki_laki) as sasaran_laki_laki,
        sum(sasaran_perempuan) as sasaran_perempuan,
        min(pagu_total) as min_pagu_total,
        max(pagu_total) as max_pagu_total,
        min(sub_kegiatan_total) as min_sub_kegiatan_total,
        max(sub_kegiatan_total) as max_sub_kegiatan_total,
        min(pd_total) as min_pd_total,
        max(pd_total) as max_pd_total
    from kategori
    group by tahun_anggaran

),

by_pd as (

    select
        tahun_anggaran,
        sum(pagu_arg_kategori_1) as kategori_1,
        sum(pagu_arg_kategori_2) as kategori_2,
        sum(pagu_arg_kategori_3) as kategori_3
    from {{ ref('arg_by_pd') }}
    group by tahun_anggaran

),

kategori_vs_pd as (

    select kategori.tahun_anggaran
    from kategori
    inner join by_pd
        on kategori.tahun_anggaran = by_pd.tahun_anggaran
    where kategori.pagu_arg <> case kategori.kode
        when '1' then by_pd.kategori_1
        when '2' then by_pd.kategori_2
        when '3' then by_pd.kategori_3
    end

),

kategori_vs_kabupaten as (

    select coalesce(kabupaten.tahun_anggaran, summed_kategori.tahun_anggaran) as tahun_anggaran
    from kabupaten
    full outer join summed_kategori
        on kabupaten.tahun_anggaran = summed_kategori.tahun_anggaran
    where kabupaten.tahun_anggaran is null
        or summed_kategori.tahun_anggaran is null
        or summed_kategori.n_rows <> 3
        or summed_kategori.pagu_arg <> kabupaten.pagu_arg
        or summed_kategori.sub_kegiatan_arg <> kabupaten.sub_kegiatan_arg
        or summed_kategori.sasaran_laki_laki <> kabupaten.sasaran_laki_laki
        or summed_kategori.sasaran_perempuan <> kabupaten.sasaran_perempuan
        or summed_kategori.min_pagu_total <> kabupaten.pagu_total
        or summed_kategori.max_pagu_total <> kabupaten.pagu_total
        or summed_kategori.min_sub_kegiatan_total <> kabupaten.sub_kegiatan_total
        or summed_kategori.max_sub_kegiatan_total <> kabupaten.sub_kegiatan_total
        or summed_kategori.min_pd_total <> kabupaten.pd_total
        or summed_kategori.max_pd_total <> kabupaten.pd_total

)

select tahun_anggaran from kategori_vs_pd
union all
select tahun_anggaran from kategori_vs_kabupaten
