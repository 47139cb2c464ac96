-- One row per current ARG tag (the tags of the list that counts, int_arg_tags_resolved),
-- matched against the current budget (int_budget_lines_current).
-- Rule 4: a tag matches the current line with the same (tahun_anggaran, kode_skpd,
-- kode_sub_kegiatan). match_status: 'matched'; 'pd_unknown' (the PD could not be resolved);
-- 'budget_missing' (no budget of that PD and year is loaded); 'code_not_in_budget' (the PD's
-- current budget of that year has no such sub kegiatan). The ARG amount of a matched tag is
-- least(coalesce(nilai_arg, pagu), pagu): the ARG part when given, else the whole line, never
-- more than the line's pagu (nilai_arg_exceeds_pagu flags the capped ones).
-- Rule 5: only matched tags carry an ARG amount; the others get keterangan, an Indonesian
-- sentence saying what to fix, for marts.arg_unmatched_tags.
with

current_tags as (

    select * from {{ ref('int_arg_tags_resolved') }}
    where is_current

),

current_versions as (

    select * from {{ ref('int_budget_versions') }}
    where is_current

),

lines as (

    select * from {{ ref('int_budget_lines_current') }}

),

pd_names as (

    select * from {{ ref('int_budget_pd_names') }}

),

joined as (

    select
        current_tags.*,
        current_versions.dokumen as budget_dokumen,
        current_versions.nama_skpd as budget_nama_skpd,
        pd_names.pd_name as known_pd_name,
        lines.pagu as pagu_line,
        lines.kode_bidang_urusan as line_kode_bidang_urusan,
        case
            when current_tags.kode_skpd_resolved is null then 'pd_unknown'
            when current_versions.kode_skpd is null then 'budget_missing'
            when lines.kode_sub_kegiatan is null then 'code_not_in_budget'
            else 'matched'
        end as match_status

    from current_tags
    left join current_versions
        on current_tags.tahun_anggaran = current_versions.tahun_anggaran
        and current_tags.kode_skpd_resolved = current_versions.kode_skpd
    left join lines
        on current_tags.tahun_anggaran = lines.tahun_anggaran
        and current_tags.kode_skpd_resolved = lines.kode_skpd
        and current_tags.kode_sub_kegiatan = lines.kode_sub_kegiatan
    left join pd_names
        on current_tags.kode_skpd_resolved = pd_names.kode_skpd

),

final as (

    select
        tahun_anggaran,
        kode_skpd_resolved as kode_skpd,
        cast(coalesce(budget_nama_skpd, known_pd_name, nama_skpd) as varchar) as pd_name,
        pd_resolved_by,
        kode_sub_kegiatan,
        nama_sub_kegiatan,
        cast(substr(kode_sub_kegiatan, 1, 4) as varchar) as kode_bidang_urusan,
        kategori_arg,
        isu_gender,
        sasaran_laki_laki,
        sasaran_perempuan,
        nilai_arg,
        cast(match_status as varchar) as match_status,
        case when match_status = 'matched' then true else false end as is_matched,
        pagu_line,
        cast(case
            when match_status = 'matched'
                then least(coalesce(nilai_arg, pagu_line), pagu_line)
        end as decimal(18, 2)) as pagu_arg,
        case
            when match_status = 'matched' and nilai_arg > pagu_line then true
            else false
        end as nilai_arg_exceeds_pagu,
        cast(case
            when match_status = 'pd_unknown' and coalesce(name_matches, 0) > 1
                then 'Nama PD "' || coalesce(nama_skpd, '') || '" dipakai lebih dari satu'
                    || ' kode SKPD di RKA/DPA yang dimuat: isi kolom KODE SKPD pada daftar'
                    || ' ARG.'
            when match_status = 'pd_unknown'
                then 'PD "' || coalesce(nama_skpd, '') || '" tidak ditemukan di RKA/DPA mana'
                    || ' pun yang dimuat: isi kolom KODE SKPD, atau tulis nama PD persis'
                    || ' seperti di RKA/DPA.'
            when match_status = 'budget_missing'
                then 'Belum ada RKA/DPA tahun ' || cast(tahun_anggaran as varchar)
                    || ' untuk PD ini: kirim dokumen anggaran PD tersebut, atau periksa'
                    || ' kode/nama PD dan tahun anggaran pada daftar ARG.'
            when match_status = 'code_not_in_budget'
                then 'Sub kegiatan ' || kode_sub_kegiatan || ' tidak ada dalam '
                    || coalesce(budget_dokumen, 'dokumen anggaran') || ' PD ini tahun '
                    || cast(tahun_anggaran as varchar)
                    || ': periksa kode sub kegiatan pada daftar ARG.'
        end as varchar) as keterangan,
        data_date,
        source_file,
        source_sheet,
        source_row

    from joined

)

select * from final
