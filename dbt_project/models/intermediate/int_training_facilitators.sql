-- Certified PUG facilitators as of every SIMPEG extract date: each participant with a
-- certified ToF participation whose event ended on or before that date, once. Sex and type
-- (ASN or not) come from their first certification. pd_name is the facilitator's SIMPEG PD on
-- that date when they count as ASN in that extract; null otherwise (non-ASN, ASN not found in
-- SIMPEG, retired or no longer in the extract): they count for the kabupaten only.
with

certifications as (

    select
        participant_key,
        employee_key,
        participant_type,
        jenis_kelamin,
        event_end,
        row_number() over (
            partition by participant_key
            order by event_end, event_start, event_key
        ) as certification_rank

    from {{ ref('int_training_participations') }}
    where certified = true

),

first_certification as (

    select participant_key, employee_key, participant_type, jenis_kelamin, event_end
    from certifications
    where certification_rank = 1

),

extract_dates as (

    select distinct data_date from {{ ref('int_employees_bucketed') }}

),

asn as (

    select data_date, employee_key, pd_name
    from {{ ref('int_employees_bucketed') }}
    where counts_as_asn = true

),

final as (

    select
        extract_dates.data_date,
        first_certification.participant_key,
        first_certification.employee_key,
        first_certification.participant_type,
        first_certification.jenis_kelamin,
        first_certification.event_end as first_certified_on,
        asn.pd_name

    from extract_dates
    inner join first_certification
        on first_certification.event_end <= extract_dates.data_date
    left join asn
        on extract_dates.data_date = asn.data_date
        and first_certification.employee_key = asn.employee_key

)

select * from final
