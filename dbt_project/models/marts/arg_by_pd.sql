-- ARG (anggaran responsif gender) per PD and budget year: one row per (tahun_anggaran,
-- kode_skpd) with a budget. The budget is the winning file of int_budget_versions (rule 1);
-- only matched tags of the current ARG list count (rules 3-5). Against the PD's previous
-- budget year: ARG amount, share and sub kegiatan, null when the PD had no budget in
-- tahun_anggaran - 1. Only aggregates.
with

current_versions as (

    select * from {{ ref('int_budget_versions') }}
    where is_current

),

pd_names as (

    select * from {{ ref('int_budget_pd_names') }}

),

budget as (

    select
        tahun_anggaran,
        kode_skpd,
        sum(pagu) as pagu_total,
        count(*) as sub_kegiatan_total
    from {{ ref('int_budget_lines_current') }}
    group by tahun_anggaran, kode_skpd

),

tags as (

    select
        tahun_anggaran,
        kode_skpd,
        sum(case when is_matched then pagu_arg else 0 end) as pagu_arg,
        sum(case when is_matched then 1 else 0 end) as sub_kegiatan_arg,
        sum(case when is_matched and kategori_arg = '1' then pagu_arg else 0 end)
            as pagu_arg_kategori_1,
        sum(case when is_matched and kategori_arg = '2' then pagu_arg else 0 end)
            as pagu_arg_kategori_2,
        sum(case when is_matched and kategori_arg = '3' then pagu_arg else 0 end)
            as pagu_arg_kategori_3,
        sum(case when is_matched then coalesce(sasaran_laki_laki, 0) else 0 end)
            as sasaran_laki_laki,
        sum(case when is_matched then coalesce(sasaran_perempuan, 0) else 0 end)
            as sasaran_perempuan,
        count(*) as tags_total,
        sum(case when is_matched then 0 else 1 end) as tags_unmatched
    from {{ ref('int_arg_tag_matches') }}
    where kode_skpd is not null
    group by tahun_anggaran, kode_skpd

),

per_pd as (

    select
        current_versions.tahun_anggaran,
        current_versions.kode_skpd,
        coalesce(current_versions.nama_skpd, pd_names.pd_name) as pd_name,
        current_versions.dokumen,
        current_versions.data_date as budget_data_date,
        current_versions.source_file as budget_source_file,
        cast(budget.pagu_total as decimal(18, 2)) as pagu_total,
        cast(coalesce(tags.pagu_arg, 0) as decimal(18, 2)) as pagu_arg,
        cast(budget.sub_kegiatan_total as integer) as sub_kegiatan_total,
        cast(coalesce(tags.sub_kegiatan_arg, 0) as integer) as sub_kegiatan_arg,
        cast(coalesce(tags.pagu_arg_kategori_1, 0) as decimal(18, 2)) as pagu_arg_kategori_1,
        cast(coalesce(tags.pagu_arg_kategori_2, 0) as decimal(18, 2)) as pagu_arg_kategori_2,
        cast(coalesce(tags.pagu_arg_kategori_3, 0) as decimal(18, 2)) as pagu_arg_kategori_3,
        cast(coalesce(tags.sasaran_laki_laki, 0) as integer) as sasaran_laki_laki,
        cast(coalesce(tags.sasaran_perempuan, 0) as integer) as sasaran_perempuan,
        cast(coalesce(tags.tags_total, 0) as integer) as tags_total,
        cast(coalesce(tags.tags_unmatched, 0) as integer) as tags_unmatched

    from current_versions
    inner join budget
        on current_versions.tahun_anggaran = budget.tahun_anggaran
        and current_versions.kode_skpd = budget.kode_skpd
    left join tags
        on current_versions.tahun_anggaran = tags.tahun_anggaran
        and current_versions.kode_skpd = tags.kode_skpd
    left join pd_names
        on current_versions.kode_skpd = pd_names.kode_skpd

),

with_pct as (

    select
        per_pd.*,
        {{ exact_percentage_of('per_pd.pagu_arg', 'per_pd.pagu_total', 2) }} as pct_arg
    from per_pd

),

final as (

    select
        cast(cur.tahun_anggaran as integer) as tahun_anggaran,
        cast(cur.kode_skpd as varchar) as kode_skpd,
        cast(cur.pd_name as varchar) as pd_name,
        cast(cur.dokumen as varchar) as dokumen,
        cast(cur.budget_data_date as date) as budget_data_date,
        cast(cur.budget_source_file as varchar) as budget_source_file,
        cur.pagu_total,
        cur.pagu_arg,
        cur.pct_arg,
        cur.sub_kegiatan_total,
        cur.sub_kegiatan_arg,
        cur.pagu_arg_kategori_1,
        cur.pagu_arg_kategori_2,
        cur.pagu_arg_kategori_3,
        cur.sasaran_laki_laki,
        cur.sasaran_perempuan,
        cast(cur.sasaran_laki_laki + cur.sasaran_perempuan as integer) as sasaran_total,
        {{ exact_percentage_of(
            'cur.sasaran_perempuan', 'cur.sasaran_laki_laki + cur.sasaran_perempuan') }}
            as pct_sasaran_perempuan,
        cur.tags_total,
        cur.tags_unmatched,
        cur.sub_kegiatan_arg > 0 as has_arg,
        coalesce(cur.pct_arg, 0) > 5 as meets_target,
        prev.pagu_arg as pagu_arg_prev,
        prev.pct_arg as pct_arg_prev,
        prev.sub_kegiatan_arg as sub_kegiatan_arg_prev,
        cast(cur.pagu_arg - prev.pagu_arg as decimal(18, 2)) as change_pagu_arg,
        cast(cur.pct_arg - prev.pct_arg as decimal(5, 2)) as change_pct_arg,
        cast(cur.sub_kegiatan_arg - prev.sub_kegiatan_arg as integer)
            as change_sub_kegiatan_arg,
        case when prev.kode_skpd is not null then cur.pagu_arg > prev.pagu_arg end
            as arg_increased

    from with_pct as cur
    left join with_pct as prev
        on cur.kode_skpd = prev.kode_skpd
        and cur.tahun_anggaran = prev.tahun_anggaran + 1

)

select * from final
