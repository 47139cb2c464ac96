{{ config(tags=['after_snapshot']) }}

-- The holders of each jenjang in leadership_training_gap are the kabupaten rows of the
-- structural levels in asn_profile, by sex, on every extract date.
with

gap as (

    select data_date, jenjang, at_level_pria, at_level_wanita
    from {{ ref('leadership_training_gap') }}

),

profile as (

    select
        data_date,
        case sub_kategori
            when 'JPT Pratama (Eselon II)' then 'JPT Pratama'
            when 'Administrator (Eselon III)' then 'Administrator'
            when 'Pengawas (Eselon IV)' then 'Pengawas'
        end as jenjang,
        pria,
        wanita
    from {{ ref('asn_profile') }}
    where scope = 'kabupaten'
        and sub_kategori in (
            'JPT Pratama (Eselon II)', 'Administrator (Eselon III)', 'Pengawas (Eselon IV)'
        )

)

select
    coalesce(gap.data_date, profile.data_date) as data_date,
    coalesce(gap.jenjang, profile.jenjang) as jenjang
from gap
full outer join profile
    on gap.data_date = profile.data_date
    and gap.jenjang = profile.jenjang
where gap.data_date is null
    or profile.data_date is null
    or gap.at_level_pria <> profile.pria
    or gap.at_level_wanita <> profile.wanita
