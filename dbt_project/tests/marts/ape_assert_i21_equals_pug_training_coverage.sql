-- Indicator I.2.1 of ape_scorecard is pct_trained of pug_training_coverage for the kabupaten
-- and every PD on every extract date, no row missing on either side; both say the target is
-- met (> 80 %) on the same rows.
with

scorecard as (

    select data_date, scope, coalesce(pd_name, '') as pd_key, value, status
    from {{ ref('ape_scorecard') }}
    where indicator_code = 'I.2.1'

),

coverage as (

    select data_date, scope, coalesce(pd_name, '') as pd_key, pct_trained, meets_target
    from {{ ref('pug_training_coverage') }}

)

select
    coalesce(scorecard.data_date, coverage.data_date) as data_date,
    coalesce(scorecard.scope, coverage.scope) as scope,
    coalesce(scorecard.pd_key, coverage.pd_key) as pd_key
from scorecard
full outer join coverage
    on scorecard.data_date = coverage.data_date
    and scorecard.scope = coverage.scope
    and scorecard.pd_key = coverage.pd_key
where scorecard.data_date is null
    or coverage.data_date is null
    or (scorecard.value is null) <> (coverage.pct_trained is null)
    or scorecard.value <> coverage.pct_trained
    or (scorecard.status = 'tercapai') <> coverage.meets_target
