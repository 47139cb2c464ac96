-- Every year, the bidang_urusan rows of arg_summary add up to the kabupaten row: budget, ARG,
-- sub kegiatan (all and ARG) and beneficiaries; every year with a kabupaten row has bidang
-- rows and vice versa. Each bidang's PD counts are at most the kabupaten's.
with

summary as (

    select * from {{ ref('arg_summary') }}

),

kabupaten as (

    select * from summary where dimension = 'kabupaten'

),

summed_bidang as (

    select
        tahun_anggaran,
        sum(pagu_total) as pagu_total,
        sum(pagu_arg) as pagu_arg,
        sum(sub_kegiatan_total) as sub_kegiatan_total,
        sum(sub_kegiatan_arg) as sub_kegiatan_arg,
        sum(sasaran_laki_laki) as sasaran_laki_laki,
        sum(sasaran_perempuan) as sasaran_perempuan,
        max(pd_total) as max_pd_total,
        max(pd_with_arg) as max_pd_with_arg
    from summary
    where dimension = 'bidang_urusan'
    group by tahun_anggaran

)

select
    coalesce(kabupaten.tahun_anggaran, summed_bidang.tahun_anggaran) as tahun_anggaran
from kabupaten
full outer join summed_bidang
    on kabupaten.tahun_anggaran = summed_bidang.tahun_anggaran
where kabupaten.tahun_anggaran is null
    or summed_bidang.tahun_anggaran is null
    or summed_bidang.pagu_total <> kabupaten.pagu_total
    or summed_bidang.pagu_arg <> kabupaten.pagu_arg
    or summed_bidang.sub_kegiatan_total <> kabupaten.sub_kegiatan_total
    or summed_bidang.sub_kegiatan_arg <> kabupaten.sub_kegiatan_arg
    or summed_bidang.sasaran_laki_laki <> kabupaten.sasaran_laki_laki
    or summed_bidang.sasaran_perempuan <> kabupaten.sasaran_perempuan
    or summed_bidang.max_pd_total > kabupaten.pd_total
    or summed_bidang.max_pd_with_arg > kabupaten.pd_with_arg
