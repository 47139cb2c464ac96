-- ref_simpeg_quality_dimensions: BKN's four weights add up to 1.00, and every dimension has at
-- least one rule in ref_simpeg_quality_rules.
with

dimensions as (

    select * from {{ ref('ref_simpeg_quality_dimensions') }}

),

rules as (

    select dimension, count(*) as n_rules
    from {{ ref('ref_simpeg_quality_rules') }}
    group by dimension

)

select 'weights' as problem, cast(sum(weight) as varchar) as detail
from dimensions
having sum(weight) <> 1.00

union all

select 'no rules', dimensions.dimension
from dimensions
left join rules
    on dimensions.dimension = rules.dimension
where rules.n_rules is null
