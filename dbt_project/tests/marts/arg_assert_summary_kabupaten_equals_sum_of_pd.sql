-- Every year, the kabupaten row of arg_summary equals the sum of arg_by_pd over the PDs:
-- budget, ARG, sub kegiatan, beneficiaries, PD with a budget and PD with ARG; no year is
-- missing on either side. Its tags_unmatched is at least the PDs' (it also counts tags of
-- unknown PDs and of PDs without a budget).
with

kabupaten as (

    select * from {{ ref('arg_summary') }}
    where dimension = 'kabupaten'

),

summed_over_pd as (

    select
        tahun_anggaran,
        sum(pagu_total) as pagu_total,
        sum(pagu_arg) as pagu_arg,
        sum(sub_kegiatan_total) as sub_kegiatan_total,
        sum(sub_kegiatan_arg) as sub_kegiatan_arg,
        sum(sasaran_laki_laki) as sasaran_laki_laki,
        sum(sasaran_perempuan) as sasaran_perempuan,
        count(*) as pd_total,
        sum(case when has_arg then 1 else 0 end) as pd_with_arg,
        sum(tags_unmatched) as tags_unmatched
    from {{ ref('arg_by_pd') }}
    group by tahun_anggaran

)

select
    coalesce(kabupaten.tahun_anggaran, summed_over_pd.tahun_anggaran) as tahun_anggaran
from kabupaten
full outer join summed_over_pd
    on kabupaten.tahun_anggaran = summed_over_pd.tahun_anggaran
where kabupaten.tahun_anggaran is null
    or summed_over_pd.tahun_anggaran is null
    or kabupaten.pagu_total <> summed_over_pd.pagu_total
    or kabupaten.pagu_arg <> summed_over_pd.pagu_arg
    or kabupaten.sub_kegiatan_total <> summed_over_pd.sub_kegiatan_total
    or kabupaten.sub_kegiatan_arg <> summed_over_pd.sub_kegiatan_arg
    or kabupaten.sasaran_laki_laki <> summed_over_pd.sasaran_laki_laki
    or kabupaten.sasaran_perempuan <> summed_over_pd.sasaran_perempuan
    or kabupaten.pd_total <> summed_over_pd.pd_total
    or kabupaten.pd_with_arg <> summed_over_pd.pd_with_arg
    or kabupaten.tags_unmatched < summed_over_pd.tags_unmatched
