-- Every ape_scorecard row carries its indicator's attributes from seed ref_ape_indicators
-- (name, unit, target, operator, period type, order), and the kabupaten rows come from the
-- relation the seed names.
select scorecard.indicator_code, scorecard.data_date, scorecard.pd_name
from {{ ref('ape_scorecard') }} as scorecard
left join {{ ref('ref_ape_indicators') }} as indicators
    on scorecard.indicator_code = indicators.indicator_code
where indicators.indicator_code is null
    or scorecard.indicator_name <> indicators.indicator_name
    or scorecard.unit <> indicators.unit
    or (scorecard.target is null) <> (indicators.target is null)
    or scorecard.target <> indicators.target
    or coalesce(scorecard.target_operator, '') <> coalesce(indicators.target_operator, '')
    or scorecard.period_type <> indicators.period_type
    or scorecard.urutan <> indicators.urutan
    or (scorecard.scope = 'kabupaten' and scorecard.source_mart <> indicators.source_mart)
