-- simpeg_data_quality: every (data_date, scope, pd_name) has one index row, one row per
-- dimension of ref_simpeg_quality_dimensions and one row per rule of ref_simpeg_quality_rules
-- (with the rule's dimension), nothing else.
with

quality as (

    select * from {{ ref('simpeg_data_quality') }}

),

expected as (

    select 'index' as level, cast(null as varchar) as dimension,
        cast(null as varchar) as rule_code
    union all
    select 'dimension', dimension, cast(null as varchar)
    from {{ ref('ref_simpeg_quality_dimensions') }}
    union all
    select 'rule', dimension, rule_code
    from {{ ref('ref_simpeg_quality_rules') }}

),

groups as (

    select distinct data_date, scope, pd_name from quality

),

wanted as (

    select groups.data_date, groups.scope, groups.pd_name, expected.level,
        expected.dimension, expected.rule_code
    from groups
    cross join expected

),

missing as (

    select wanted.data_date, wanted.scope, wanted.pd_name, wanted.level,
        wanted.dimension, wanted.rule_code, 'missing' as problem
    from wanted
    left join quality
        on wanted.data_date = quality.data_date
        and wanted.scope = quality.scope
        and coalesce(wanted.pd_name, '') = coalesce(quality.pd_name, '')
        and wanted.level = quality.level
        and coalesce(wanted.dimension, '') = coalesce(quality.dimension, '')
        and coalesce(wanted.rule_code, '') = coalesce(quality.rule_code, '')
    where quality.level is null

),

unexpected as (

    select quality.data_date, quality.scope, quality.pd_name, quality.level,
        quality.dimension, quality.rule_code, 'unexpected' as problem
    from quality
    left join expected
        on quality.level = expected.level
        and coalesce(quality.dimension, '') = coalesce(expected.dimension, '')
        and coalesce(quality.rule_code, '') = coalesce(expected.rule_code, '')
    where expected.level is null

)

select * from missing
union all
select * from unexpected
