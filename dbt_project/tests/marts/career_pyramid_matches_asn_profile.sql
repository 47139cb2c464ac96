-- Per (data_date, scope, pd_name): each level of career_pyramid equals its Tabel 4.1 row of
-- asn_profile (Pelaksana, JF total and the three structural rows), and the five levels add up
-- to Total ASN, by sex; no table missing on either side. Labels are written out here on
-- purpose (not read from int_career_levels) so that the mapping is checked too.
with

pyramid as (

    select data_date, scope, pd_name, level_code, pria, wanita
    from {{ ref('career_pyramid') }}

),

profile as (

    select data_date, scope, pd_name, sub_kategori, pria, wanita
    from {{ ref('asn_profile') }}

),

mapping (level_code, sub_kategori) as (

    values
        ('pelaksana', 'Pelaksana'),
        ('fungsional', 'Jabatan Fungsional (Total)'),
        ('pengawas', 'Pengawas (Eselon IV)'),
        ('administrator', 'Administrator (Eselon III)'),
        ('jpt_pratama', 'JPT Pratama (Eselon II)')

),

pyramid_rows as (

    select pyramid.data_date, pyramid.scope, pyramid.pd_name, mapping.sub_kategori,
        pyramid.pria, pyramid.wanita
    from pyramid
    inner join mapping
        on pyramid.level_code = mapping.level_code

    union all

    select data_date, scope, pd_name, 'Total ASN' as sub_kategori,
        sum(pria) as pria, sum(wanita) as wanita
    from pyramid
    group by data_date, scope, pd_name

),

profile_rows as (

    select profile.*
    from profile
    where profile.sub_kategori = 'Total ASN'
        or profile.sub_kategori in (select sub_kategori from mapping)

)

select
    coalesce(pyramid_rows.data_date, profile_rows.data_date) as data_date,
    coalesce(pyramid_rows.scope, profile_rows.scope) as scope,
    coalesce(pyramid_rows.pd_name, profile_rows.pd_name) as pd_name,
    coalesce(pyramid_rows.sub_kategori, profile_rows.sub_kategori) as sub_kategori,
    pyramid_rows.pria as pyramid_pria,
    profile_rows.pria as profile_pria,
    pyramid_rows.wanita as pyramid_wanita,
    profile_rows.wanita as profile_wanita
from pyramid_rows
full outer join profile_rows
    on pyramid_rows.data_date = profile_rows.data_date
    and pyramid_rows.scope = profile_rows.scope
    and pyramid_rows.pd_name is not distinct from profile_rows.pd_name
    and pyramid_rows.sub_kategori = profile_rows.sub_kategori
where pyramid_rows.data_date is null
    or profile_rows.data_date is null
    or pyramid_rows.pria <> profile_rows.pria
    or pyramid_rows.wanita <> profile_rows.wanita
