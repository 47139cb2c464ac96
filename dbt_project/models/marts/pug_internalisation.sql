-- APE indicator I.2.11: PUG internalisation events (socialisation and training on PUG, kinds
-- with is_internalisation) and their participants by sex, ASN and non-ASN. One row per event
-- (latest list of each event). Participants are the distinct people who attended; listed_total
-- also counts those listed but absent. Only aggregates.
with

events as (

    select * from {{ ref('int_training_events') }}
    where is_internalisation = true

),

participations as (

    select * from {{ ref('int_training_participations') }}

),

counted as (

    select
        event_key,
        sum(case when attended = true and jenis_kelamin = 'L' then 1 else 0 end)
            as participants_pria,
        sum(case when attended = true and jenis_kelamin = 'P' then 1 else 0 end)
            as participants_wanita,
        sum(case
            when attended = true and participant_type = 'asn' and jenis_kelamin = 'L' then 1
            else 0
        end) as asn_pria,
        sum(case
            when attended = true and participant_type = 'asn' and jenis_kelamin = 'P' then 1
            else 0
        end) as asn_wanita,
        sum(case
            when attended = true and participant_type = 'non_asn' and jenis_kelamin = 'L' then 1
            else 0
        end) as non_asn_pria,
        sum(case
            when attended = true and participant_type = 'non_asn' and jenis_kelamin = 'P' then 1
            else 0
        end) as non_asn_wanita,
        count(*) as listed_total

    from participations
    group by event_key

),

final as (

    select
        events.event_key,
        events.event_title,
        events.training_kind,
        events.training_kind_label,
        events.event_start,
        events.event_end,
        events.event_year,
        events.organiser,
        events.event_place,
        cast(coalesce(counted.participants_pria, 0) as integer) as participants_pria,
        cast(coalesce(counted.participants_wanita, 0) as integer) as participants_wanita,
        cast(coalesce(counted.participants_pria + counted.participants_wanita, 0) as integer)
            as participants_total,
        cast(coalesce(counted.asn_pria, 0) as integer) as asn_pria,
        cast(coalesce(counted.asn_wanita, 0) as integer) as asn_wanita,
        cast(coalesce(counted.non_asn_pria, 0) as integer) as non_asn_pria,
        cast(coalesce(counted.non_asn_wanita, 0) as integer) as non_asn_wanita,
        cast(coalesce(counted.listed_total, 0) as integer) as listed_total

    from events
    left join counted
        on events.event_key = counted.event_key

)

select * from final
