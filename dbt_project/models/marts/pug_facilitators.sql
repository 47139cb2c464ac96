-- APE indicator I.2.4: certified PUG facilitators (ToF participants with a certificate) as of
-- every SIMPEG extract date, for the kabupaten and for every PD with at least one ASN, by sex,
-- split into ASN (a NIP was written on the list) and non-ASN. A facilitator counts in the PD
-- they belong to in SIMPEG on that date; one without a PD on that date (non-ASN, ASN not found
-- in SIMPEG, retired or gone) counts in the kabupaten row only. Only aggregates.
with

facilitators as (

    select * from {{ ref('int_training_facilitators') }}

),

counted as (

    select
        data_date,
        pd_name,
        sum(case when participant_type = 'asn' and jenis_kelamin = 'L' then 1 else 0 end)
            as asn_pria,
        sum(case when participant_type = 'asn' and jenis_kelamin = 'P' then 1 else 0 end)
            as asn_wanita,
        sum(case when participant_type = 'non_asn' and jenis_kelamin = 'L' then 1 else 0 end)
            as non_asn_pria,
        sum(case when participant_type = 'non_asn' and jenis_kelamin = 'P' then 1 else 0 end)
            as non_asn_wanita

    from facilitators
    group by data_date, pd_name

),

counts as (

    select
        data_date,
        'pd' as scope,
        pd_name,
        asn_pria,
        asn_wanita,
        non_asn_pria,
        non_asn_wanita
    from counted
    where pd_name is not null

    union all

    select
        data_date,
        'kabupaten' as scope,
        cast(null as varchar) as pd_name,
        sum(asn_pria) as asn_pria,
        sum(asn_wanita) as asn_wanita,
        sum(non_asn_pria) as non_asn_pria,
        sum(non_asn_wanita) as non_asn_wanita
    from counted
    group by data_date

),

report_units as (

    select distinct data_date, 'kabupaten' as scope, cast(null as varchar) as pd_name
    from {{ ref('int_employees_bucketed') }}

    union all

    select distinct data_date, 'pd' as scope, pd_name
    from {{ ref('int_employees_bucketed') }}
    where counts_as_asn = true

),

filled as (

    select
        report_units.data_date,
        report_units.scope,
        report_units.pd_name,
        cast(coalesce(counts.asn_pria, 0) as integer) as asn_pria,
        cast(coalesce(counts.asn_wanita, 0) as integer) as asn_wanita,
        cast(coalesce(counts.non_asn_pria, 0) as integer) as non_asn_pria,
        cast(coalesce(counts.non_asn_wanita, 0) as integer) as non_asn_wanita

    from report_units
    left join counts
        on report_units.data_date = counts.data_date
        and report_units.scope = counts.scope
        and report_units.pd_name is not distinct from counts.pd_name

),

final as (

    select
        data_date,
        scope,
        pd_name,
        asn_pria + non_asn_pria as facilitators_pria,
        asn_wanita + non_asn_wanita as facilitators_wanita,
        asn_pria + non_asn_pria + asn_wanita + non_asn_wanita as facilitators_total,
        asn_pria,
        asn_wanita,
        asn_pria + asn_wanita as asn_total,
        non_asn_pria,
        non_asn_wanita,
        non_asn_pria + non_asn_wanita as non_asn_total

    from filled

)

select * from final
