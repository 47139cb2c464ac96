{{ config(materialized='table') }}

-- Every ASN on every SIMPEG extract date with their PD and sex on that date, whether they
-- have attended a PUG training (a kind with counts_as_pug) or a PPRG training that ended on
-- or before that date, and whether their post makes them a PPRG target (planner, finance
-- staff: keywords of ref_pprg_sasaran found in the post name). Feeds pug_training_coverage
-- and pprg_coverage.
with

asn as (

    select
        data_date,
        employee_key,
        pd_name,
        jenis_kelamin,
        jabatan_nama,
        jenjang_jabatan
    from {{ ref('int_employees_bucketed') }}
    where counts_as_asn = true

),

participations as (

    select employee_key, training_kind, counts_as_pug, event_end
    from {{ ref('int_training_participations') }}
    where attended = true
        and employee_key is not null

),

sasaran_keywords as (

    select lower(keyword) as keyword, sasaran from {{ ref('ref_pprg_sasaran') }}

),

trained as (

    select
        asn.data_date,
        asn.employee_key,
        max(case when participations.counts_as_pug = true then 1 else 0 end) as pug,
        max(case when participations.training_kind = 'pprg' then 1 else 0 end) as pprg

    from asn
    inner join participations
        on asn.employee_key = participations.employee_key
        and participations.event_end <= asn.data_date
    group by asn.data_date, asn.employee_key

),

-- Matching runs on the distinct post names, not on every employee row.
jabatan_names as (

    select distinct jabatan_nama
    from asn
    where jabatan_nama is not null

),

jabatan_sasaran as (

    select
        jabatan_names.jabatan_nama,
        max(case when sasaran_keywords.sasaran = 'perencana' then 1 else 0 end) as perencana,
        max(case when sasaran_keywords.sasaran = 'keuangan' then 1 else 0 end) as keuangan

    from jabatan_names
    inner join sasaran_keywords
        on lower(jabatan_names.jabatan_nama) like '%' || sasaran_keywords.keyword || '%'
    group by jabatan_names.jabatan_nama

),

final as (

    select
        asn.data_date,
        asn.employee_key,
        asn.pd_name,
        asn.jenis_kelamin,
        asn.jabatan_nama,
        asn.jenjang_jabatan,
        case when trained.pug = 1 then true else false end as is_pug_trained,
        case when trained.pprg = 1 then true else false end as is_pprg_trained,
        case when jabatan_sasaran.perencana = 1 then true else false end as is_sasaran_perencana,
        case when jabatan_sasaran.keuangan = 1 then true else false end as is_sasaran_keuangan

    from asn
    left join trained
        on asn.data_date = trained.data_date
        and asn.employee_key = trained.employee_key
    left join jabatan_sasaran
        on asn.jabatan_nama = jabatan_sasaran.jabatan_nama

)

select * from final
