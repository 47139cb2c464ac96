-- One row per known PD code: the PD's latest known name. Names written in budget files come
-- first (latest delivery, then latest budget year, then greatest file name); a PD known only
-- from ARG lists that give both its code and its name takes the latest such name.
with

budget_names as (

    select
        kode_skpd,
        nama_skpd,
        1 as source_priority,
        data_date,
        tahun_anggaran,
        source_file,
        source_row
    from {{ ref('stg_budget__lines') }}
    where nama_skpd is not null and trim(nama_skpd) <> ''

),

tag_names as (

    select
        kode_skpd,
        nama_skpd,
        2 as source_priority,
        data_date,
        tahun_anggaran,
        source_file,
        source_row
    from {{ ref('stg_budget__arg_tags') }}
    where kode_skpd is not null and nama_skpd is not null and trim(nama_skpd) <> ''

),

named as (

    select * from budget_names
    union all
    select * from tag_names

),

ranked as (

    select
        named.*,
        row_number() over (
            partition by kode_skpd
            order by
                source_priority,
                data_date desc,
                tahun_anggaran desc,
                source_file desc,
                source_row
        ) as name_rank
    from named

),

final as (

    select
        kode_skpd,
        nama_skpd as pd_name,
        cast(case when source_priority = 1 then 'budget' else 'arg' end as varchar)
            as name_source

    from ranked
    where name_rank = 1

)

select * from final
