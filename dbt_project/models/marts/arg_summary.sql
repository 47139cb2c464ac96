-- ARG of the kabupaten per budget year, long format: one 'kabupaten' row, one 'kategori' row
-- per ARG category (1-3, zeros when none), one 'bidang_urusan' row per bidang urusan with
-- budget lines that year. Built from the same intermediate models as arg_by_pd (current
-- budget lines, matched tags of the current lists); against the previous budget year of the
-- same member. Only aggregates.
with

current_versions as (

    select * from {{ ref('int_budget_versions') }}
    where is_current

),

lines as (

    select * from {{ ref('int_budget_lines_current') }}

),

matched as (

    select * from {{ ref('int_arg_tag_matches') }}
    where is_matched

),

years as (

    select
        tahun_anggaran,
        count(*) as pd_total
    from current_versions
    group by tahun_anggaran

),

year_budget as (

    select
        tahun_anggaran,
        sum(pagu) as pagu_total,
        count(*) as sub_kegiatan_total
    from lines
    group by tahun_anggaran

),

year_arg as (

    select
        tahun_anggaran,
        sum(pagu_arg) as pagu_arg,
        count(*) as sub_kegiatan_arg,
        sum(coalesce(sasaran_laki_laki, 0)) as sasaran_laki_laki,
        sum(coalesce(sasaran_perempuan, 0)) as sasaran_perempuan,
        count(distinct kode_skpd) as pd_with_arg
    from matched
    group by tahun_anggaran

),

year_unmatched as (

    select
        tahun_anggaran,
        count(*) as tags_unmatched
    from {{ ref('int_arg_tag_matches') }}
    where not is_matched
    group by tahun_anggaran

),

kategori_arg as (

    select
        tahun_anggaran,
        kategori_arg,
        sum(pagu_arg) as pagu_arg,
        count(*) as sub_kegiatan_arg,
        sum(coalesce(sasaran_laki_laki, 0)) as sasaran_laki_laki,
        sum(coalesce(sasaran_perempuan, 0)) as sasaran_perempuan,
        count(distinct kode_skpd) as pd_with_arg
    from matched
    group by tahun_anggaran, kategori_arg

),

bidang_budget as (

    select
        tahun_anggaran,
        kode_bidang_urusan,
        sum(pagu) as pagu_total,
        count(*) as sub_kegiatan_total,
        count(distinct kode_skpd) as pd_total
    from lines
    group by tahun_anggaran, kode_bidang_urusan

),

bidang_arg as (

    select
        tahun_anggaran,
        kode_bidang_urusan,
        sum(pagu_arg) as pagu_arg,
        count(*) as sub_kegiatan_arg,
        sum(coalesce(sasaran_laki_laki, 0)) as sasaran_laki_laki,
        sum(coalesce(sasaran_perempuan, 0)) as sasaran_perempuan,
        count(distinct kode_skpd) as pd_with_arg
    from matched
    group by tahun_anggaran, kode_bidang_urusan

),

kabupaten as (

    select
        years.tahun_anggaran,
        'kabupaten' as dimension,
        cast(null as varchar) as kode,
        'Kabupaten Bengkayang' as label,
        year_budget.pagu_total,
        coalesce(year_arg.pagu_arg, 0) as pagu_arg,
        year_budget.sub_kegiatan_total,
        coalesce(year_arg.sub_kegiatan_arg, 0) as sub_kegiatan_arg,
        coalesce(year_arg.sasaran_laki_laki, 0) as sasaran_laki_laki,
        coalesce(year_arg.sasaran_perempuan, 0) as sasaran_perempuan,
        years.pd_total,
        coalesce(year_arg.pd_with_arg, 0) as pd_with_arg,
        coalesce(year_unmatched.tags_unmatched, 0) as tags_unmatched

    from years
    inner join year_budget
        on years.tahun_anggaran = year_budget.tahun_anggaran
    left join year_arg
        on years.tahun_anggaran = year_arg.tahun_anggaran
    left join year_unmatched
        on years.tahun_anggaran = year_unmatched.tahun_anggaran

),

kategori as (

    select
        years.tahun_anggaran,
        'kategori' as dimension,
        ref_arg_kategori.kategori as kode,
        ref_arg_kategori.label,
        year_budget.pagu_total,
        coalesce(kategori_arg.pagu_arg, 0) as pagu_arg,
        year_budget.sub_kegiatan_total,
        coalesce(kategori_arg.sub_kegiatan_arg, 0) as sub_kegiatan_arg,
        coalesce(kategori_arg.sasaran_laki_laki, 0) as sasaran_laki_laki,
        coalesce(kategori_arg.sasaran_perempuan, 0) as sasaran_perempuan,
        years.pd_total,
        coalesce(kategori_arg.pd_with_arg, 0) as pd_with_arg,
        cast(null as integer) as tags_unmatched

    from years
    cross join {{ ref('ref_arg_kategori') }} as ref_arg_kategori
    inner join year_budget
        on years.tahun_anggaran = year_budget.tahun_anggaran
    left join kategori_arg
        on years.tahun_anggaran = kategori_arg.tahun_anggaran
        and ref_arg_kategori.kategori = kategori_arg.kategori_arg

),

bidang as (

    select
        bidang_budget.tahun_anggaran,
        'bidang_urusan' as dimension,
        bidang_budget.kode_bidang_urusan as kode,
        coalesce(ref_bidang_urusan.nama, bidang_budget.kode_bidang_urusan) as label,
        bidang_budget.pagu_total,
        coalesce(bidang_arg.pagu_arg, 0) as pagu_arg,
        bidang_budget.sub_kegiatan_total,
        coalesce(bidang_arg.sub_kegiatan_arg, 0) as sub_kegiatan_arg,
        coalesce(bidang_arg.sasaran_laki_laki, 0) as sasaran_laki_laki,
        coalesce(bidang_arg.sasaran_perempuan, 0) as sasaran_perempuan,
        bidang_budget.pd_total,
        coalesce(bidang_arg.pd_with_arg, 0) as pd_with_arg,
        cast(null as integer) as tags_unmatched

    from bidang_budget
    left join bidang_arg
        on bidang_budget.tahun_anggaran = bidang_arg.tahun_anggaran
        and bidang_budget.kode_bidang_urusan = bidang_arg.kode_bidang_urusan
    left join {{ ref('ref_bidang_urusan') }} as ref_bidang_urusan
        on bidang_budget.kode_bidang_urusan = ref_bidang_urusan.kode

),

members as (

    select * from kabupaten
    union all
    select * from kategori
    union all
    select * from bidang

),

typed as (

    select
        cast(members.tahun_anggaran as integer) as tahun_anggaran,
        cast(members.dimension as varchar) as dimension,
        cast(members.kode as varchar) as kode,
        cast(members.label as varchar) as label,
        cast(members.pagu_total as decimal(18, 2)) as pagu_total,
        cast(members.pagu_arg as decimal(18, 2)) as pagu_arg,
        {{ exact_percentage_of('members.pagu_arg', 'members.pagu_total', 2) }} as pct_arg,
        {{ exact_percentage_of('members.pagu_arg', 'coalesce(year_arg.pagu_arg, 0)') }}
            as pct_of_arg_total,
        cast(members.sub_kegiatan_total as integer) as sub_kegiatan_total,
        cast(members.sub_kegiatan_arg as integer) as sub_kegiatan_arg,
        cast(members.sasaran_laki_laki as integer) as sasaran_laki_laki,
        cast(members.sasaran_perempuan as integer) as sasaran_perempuan,
        cast(members.sasaran_laki_laki + members.sasaran_perempuan as integer)
            as sasaran_total,
        {{ exact_percentage_of(
            'members.sasaran_perempuan',
            'members.sasaran_laki_laki + members.sasaran_perempuan') }}
            as pct_sasaran_perempuan,
        cast(members.pd_total as integer) as pd_total,
        cast(members.pd_with_arg as integer) as pd_with_arg,
        {{ exact_percentage_of('members.pd_with_arg', 'members.pd_total') }}
            as pct_pd_with_arg,
        cast(members.tags_unmatched as integer) as tags_unmatched

    from members
    left join year_arg
        on members.tahun_anggaran = year_arg.tahun_anggaran

),

final as (

    select
        cur.tahun_anggaran,
        cur.dimension,
        cur.kode,
        cur.label,
        cur.pagu_total,
        cur.pagu_arg,
        cur.pct_arg,
        cur.pct_of_arg_total,
        cur.sub_kegiatan_total,
        cur.sub_kegiatan_arg,
        cur.sasaran_laki_laki,
        cur.sasaran_perempuan,
        cur.sasaran_total,
        cur.pct_sasaran_perempuan,
        cur.pd_total,
        cur.pd_with_arg,
        cur.pct_pd_with_arg,
        case when cur.dimension = 'kabupaten' then coalesce(cur.pct_arg, 0) > 5 end
            as meets_arg_target,
        case when cur.dimension = 'kabupaten' then coalesce(cur.pct_pd_with_arg, 0) > 80 end
            as meets_pd_target,
        prev.pagu_arg as pagu_arg_prev,
        prev.pct_arg as pct_arg_prev,
        cast(cur.pct_arg - prev.pct_arg as decimal(5, 2)) as change_pct_arg,
        prev.sub_kegiatan_arg as sub_kegiatan_arg_prev,
        cast(cur.sub_kegiatan_arg - prev.sub_kegiatan_arg as integer)
            as change_sub_kegiatan_arg,
        case when prev.dimension is not null then cur.pagu_arg > prev.pagu_arg end
            as arg_increased,
        cur.tags_unmatched

    from typed as cur
    left join typed as prev
        on cur.dimension = prev.dimension
        and coalesce(cur.kode, '') = coalesce(prev.kode, '')
        and cur.tahun_anggaran = prev.tahun_anggaran + 1

)

select * from final
