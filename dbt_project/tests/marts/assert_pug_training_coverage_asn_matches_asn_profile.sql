-- The ASN counted by pug_training_coverage are those of asn_profile (Total ASN), by sex, for
-- the kabupaten and every PD on every extract date, with no row missing on either side.
with

coverage as (

    select data_date, scope, pd_name, asn_pria, asn_wanita
    from {{ ref('pug_training_coverage') }}

),

profile as (

    select data_date, scope, pd_name, pria, wanita
    from {{ ref('asn_profile') }}
    where sub_kategori = 'Total ASN'

)

select
    coalesce(coverage.data_date, profile.data_date) as data_date,
    coalesce(coverage.scope, profile.scope) as scope,
    coalesce(coverage.pd_name, profile.pd_name) as pd_name
from coverage
full outer join profile
    on coverage.data_date = profile.data_date
    and coverage.scope = profile.scope
    and coverage.pd_name is not distinct from profile.pd_name
where coverage.data_date is null
    or profile.data_date is null
    or coverage.asn_pria <> profile.pria
    or coverage.asn_wanita <> profile.wanita
