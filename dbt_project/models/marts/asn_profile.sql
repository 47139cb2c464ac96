-- Profil Statistik ASN Berbasis Gender (Tabel 4.1): for every extract date, the 26 rows of the
-- table for the kabupaten and for every PD with at least one ASN on that date, with counts by
-- sex. Rows with no one in them are kept as zeros. Only aggregates: no personal data.
with

employees as (

    select * from {{ ref('int_employees_bucketed') }}

),

profile_rows as (

    select urutan, kategori, sub_kategori, dimension from {{ ref('ref_asn_profile_rows') }}

),

asn as (

    select * from employees where counts_as_asn

),

-- One row per ASN per dimension they fall in (null labels: the dimension does not apply).
memberships as (

    select data_date, pd_name, jenis_kelamin, 'total' as dimension,
        'Total ASN' as sub_kategori
    from asn
    union all
    select data_date, pd_name, jenis_kelamin, 'status', status_sub_kategori from asn
    union all
    select data_date, pd_name, jenis_kelamin, 'jabatan', jabatan_sub_kategori from asn
    union all
    select data_date, pd_name, jenis_kelamin, 'jf_rumpun', jf_rumpun_sub_kategori from asn
    union all
    select data_date, pd_name, jenis_kelamin, 'golongan', golongan_sub_kategori from asn
    union all
    select data_date, pd_name, jenis_kelamin, 'pendidikan', pendidikan_sub_kategori from asn
    union all
    select data_date, pd_name, jenis_kelamin, 'usia', usia_sub_kategori from asn
    union all
    select data_date, pd_name, jenis_kelamin, 'masa_kerja', masa_kerja_sub_kategori from asn

),

counted_by_pd as (

    select
        data_date,
        pd_name,
        dimension,
        sub_kategori,
        sum(case when jenis_kelamin = 'L' then 1 else 0 end) as pria,
        sum(case when jenis_kelamin = 'P' then 1 else 0 end) as wanita

    from memberships
    where sub_kategori is not null
    group by data_date, pd_name, dimension, sub_kategori

),

counts as (

    select
        data_date,
        'pd' as scope,
        pd_name,
        dimension,
        sub_kategori,
        pria,
        wanita
    from counted_by_pd

    union all

    select
        data_date,
        'kabupaten' as scope,
        cast(null as varchar) as pd_name,
        dimension,
        sub_kategori,
        sum(pria) as pria,
        sum(wanita) as wanita
    from counted_by_pd
    group by data_date, dimension, sub_kategori

),

-- The kabupaten table exists for every extract date; a PD table for every PD with an ASN.
report_units as (

    select distinct data_date, 'kabupaten' as scope, cast(null as varchar) as pd_name
    from employees

    union all

    select distinct data_date, 'pd' as scope, pd_name
    from asn

),

filled as (

    select
        report_units.data_date,
        report_units.scope,
        report_units.pd_name,
        profile_rows.kategori,
        profile_rows.sub_kategori,
        profile_rows.urutan,
        cast(coalesce(counts.pria, 0) as integer) as pria,
        cast(coalesce(counts.wanita, 0) as integer) as wanita

    from report_units
    cross join profile_rows
    left join counts
        on report_units.data_date = counts.data_date
        and report_units.scope = counts.scope
        and report_units.pd_name is not distinct from counts.pd_name
        and profile_rows.dimension = counts.dimension
        and profile_rows.sub_kategori = counts.sub_kategori

),

final as (

    select
        data_date,
        scope,
        pd_name,
        kategori,
        sub_kategori,
        urutan,
        pria,
        wanita,
        pria + wanita as total,
        case
            when pria + wanita = 0 then null
            else cast(round(100.0 * wanita / (pria + wanita), 1) as decimal(4, 1))
        end as pct_wanita

    from filled

)

select * from final
