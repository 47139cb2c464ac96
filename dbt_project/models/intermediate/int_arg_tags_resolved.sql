-- Every ARG tag of every delivered list, with its PD and whether its list is the one that
-- counts.
-- Rule 2, PD of a tag: its kode_skpd when the list gives one; else the budget PD whose
-- normalised name (upper case, letters only: macro name_key) equals the tag's normalised
-- name, looked up over all loaded budget lines of any year, when exactly one PD code carries
-- that name; else unresolved (null).
-- Rule 3, list precedence: for each (tahun_anggaran, resolved PD, or the normalised name when
-- unresolved) the tags of the latest list count (is_current): latest data_date, then greatest
-- source_file.
with

tags as (

    select * from {{ ref('stg_budget__arg_tags') }}

),

budget_names as (

    select distinct
        {{ name_key('nama_skpd') }} as name_key,
        kode_skpd
    from {{ ref('stg_budget__lines') }}
    where nama_skpd is not null

),

name_codes as (

    select
        name_key,
        min(kode_skpd) as kode_skpd,
        count(*) as n_codes
    from budget_names
    where name_key <> ''
    group by name_key

),

keyed as (

    select
        tags.*,
        {{ name_key('tags.nama_skpd') }} as name_key
    from tags

),

resolved as (

    select
        keyed.*,
        coalesce(
            keyed.kode_skpd,
            case when name_codes.n_codes = 1 then name_codes.kode_skpd end
        ) as kode_skpd_resolved,
        case
            when keyed.kode_skpd is not null then 'kode_skpd'
            when name_codes.n_codes = 1 then 'nama_skpd'
        end as pd_resolved_by,
        case
            when keyed.kode_skpd is not null then null
            else coalesce(name_codes.n_codes, 0)
        end as name_matches

    from keyed
    left join name_codes
        on keyed.kode_skpd is null
        and keyed.name_key = name_codes.name_key

),

ranked as (

    select
        resolved.*,
        dense_rank() over (
            partition by
                resolved.tahun_anggaran,
                resolved.kode_skpd_resolved,
                case when resolved.kode_skpd_resolved is null then resolved.name_key end
            order by resolved.data_date desc, resolved.source_file desc
        ) as list_rank

    from resolved

),

final as (

    select
        tahun_anggaran,
        kode_skpd_resolved,
        cast(pd_resolved_by as varchar) as pd_resolved_by,
        kode_skpd,
        nama_skpd,
        cast(name_key as varchar) as name_key,
        cast(name_matches as integer) as name_matches,
        kode_sub_kegiatan,
        nama_sub_kegiatan,
        kategori_arg,
        isu_gender,
        sasaran_laki_laki,
        sasaran_perempuan,
        nilai_arg,
        data_date,
        source_file,
        source_sheet,
        source_row,
        cast(list_rank as integer) as list_rank,
        list_rank = 1 as is_current

    from ranked

)

select * from final
