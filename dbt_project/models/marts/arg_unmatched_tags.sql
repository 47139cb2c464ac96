-- Every tag of a current ARG list that does not count as ARG (rule 5): its PD could not be
-- resolved, no budget of its PD and year is loaded, or its sub kegiatan is not in the PD's
-- current budget. With an Indonesian sentence saying what to fix and where the tag came from.
-- A tag leaves this list once it matches (the budget arrives, or a corrected list is sent).
with

unmatched as (

    select * from {{ ref('int_arg_tag_matches') }}
    where not is_matched

),

final as (

    select
        cast(tahun_anggaran as integer) as tahun_anggaran,
        cast(kode_skpd as varchar) as kode_skpd,
        cast(pd_name as varchar) as pd_name,
        cast(kode_sub_kegiatan as varchar) as kode_sub_kegiatan,
        cast(nama_sub_kegiatan as varchar) as nama_sub_kegiatan,
        cast(kategori_arg as varchar) as kategori_arg,
        cast(match_status as varchar) as match_status,
        cast(keterangan as varchar) as keterangan,
        cast(data_date as date) as data_date,
        cast(source_file as varchar) as source_file,
        cast(source_row as integer) as source_row

    from unmatched

)

select * from final
