-- SIMPEG data quality after BKN's SIASN data-quality index, for every loaded extract date,
-- for the kabupaten and every PD: one 'rule' row per rule of seed ref_simpeg_quality_rules
-- (records checked, failing, % passing), one 'dimension' row per dimension of seed
-- ref_simpeg_quality_dimensions (score = mean of its rules' % passing) and one 'index' row
-- (score = the dimension scores weighted 0.28 / 0.31 / 0.30 / 0.11). Rows rejected at load
-- count as checked and failing for the rules their loader rules map onto. Only counts and
-- scores: no personal data.
with

results as (

    select * from {{ ref('int_simpeg_quality_results') }}

),

rules as (

    select rule_code, dimension, urutan, name_id from {{ ref('ref_simpeg_quality_rules') }}

),

dimensions as (

    select dimension, urutan, name_id, weight from {{ ref('ref_simpeg_quality_dimensions') }}

),

-- Display order: the index, then each dimension followed by its rules.
layout as (

    select
        level,
        dimension,
        rule_code,
        label,
        weight,
        cast(row_number() over (order by dimension_order, level_order, rule_order) as integer)
            as urutan

    from (
        select
            'index' as level,
            cast(null as varchar) as dimension,
            cast(null as varchar) as rule_code,
            'Indeks Kualitas Data SIMPEG' as label,
            cast(null as decimal(3, 2)) as weight,
            0 as dimension_order,
            0 as level_order,
            0 as rule_order
        union all
        select
            'dimension',
            dimension,
            cast(null as varchar),
            name_id,
            weight,
            urutan,
            0,
            0
        from dimensions
        union all
        select
            'rule',
            rules.dimension,
            rules.rule_code,
            rules.name_id,
            cast(null as decimal(3, 2)),
            dimensions.urutan,
            1,
            rules.urutan
        from rules
        inner join dimensions
            on rules.dimension = dimensions.dimension
    ) as ordered

),

checks as (

    select
        results.data_date,
        results.pd_name,
        results.source_file,
        results.source_row,
        results.record_status,
        results.rule_code,
        rules.dimension,
        case when results.is_failing then 1 else 0 end as fails,
        case when results.record_status = 'rejected_at_load' then 1 else 0 end as rejected

    from results
    inner join rules
        on results.rule_code = rules.rule_code

),

-- A record fails a dimension when it fails at least one of its rules, and the index when it
-- fails at least one rule at all.
record_dimensions as (

    select
        data_date,
        pd_name,
        source_file,
        source_row,
        dimension,
        max(fails) as fails,
        max(rejected) as rejected

    from checks
    group by data_date, pd_name, source_file, source_row, dimension

),

records as (

    select
        data_date,
        pd_name,
        source_file,
        source_row,
        max(fails) as fails,
        max(rejected) as rejected

    from record_dimensions
    group by data_date, pd_name, source_file, source_row

),

-- Counts per PD (a null pd_name: rows rejected at load without a PD), per level.
counts_by_pd as (

    select data_date, pd_name, 'rule' as level, rule_code as member,
        count(*) as checked, sum(fails) as failing, sum(rejected) as rejected
    from checks
    group by data_date, pd_name, rule_code

    union all

    select data_date, pd_name, 'dimension', dimension,
        count(*), sum(fails), sum(rejected)
    from record_dimensions
    group by data_date, pd_name, dimension

    union all

    select data_date, pd_name, 'index', 'index',
        count(*), sum(fails), sum(rejected)
    from records
    group by data_date, pd_name

),

-- The kabupaten counts every record once: the sum over the PDs and the records without one.
counts as (

    select data_date, 'pd' as scope, pd_name, level, member, checked, failing, rejected
    from counts_by_pd
    where pd_name is not null

    union all

    select data_date, 'kabupaten', cast(null as varchar), level, member,
        sum(checked), sum(failing), sum(rejected)
    from counts_by_pd
    group by data_date, level, member

),

scopes as (

    select distinct data_date, scope, pd_name from counts

),

-- Every rule and dimension on every (date, scope, PD), zeros where nothing was checked.
grid as (

    select
        scopes.data_date,
        scopes.scope,
        scopes.pd_name,
        layout.level,
        layout.dimension,
        layout.rule_code,
        layout.label,
        layout.weight,
        layout.urutan,
        cast(coalesce(counts.checked, 0) as integer) as records_checked,
        cast(coalesce(counts.failing, 0) as integer) as records_failing,
        cast(coalesce(counts.rejected, 0) as integer) as records_rejected_at_load

    from scopes
    cross join layout
    left join counts
        on scopes.data_date = counts.data_date
        and scopes.scope = counts.scope
        and coalesce(scopes.pd_name, '') = coalesce(counts.pd_name, '')
        and layout.level = counts.level
        and coalesce(layout.rule_code, layout.dimension, 'index') = counts.member

),

passing as (

    select
        *,
        {{ exact_percentage_of('records_checked - records_failing', 'records_checked', 2) }}
            as pct_passing

    from grid

),

-- Dimension score: the mean of the % passing of its rules that checked at least one record.
dimension_scores as (

    select
        data_date,
        scope,
        pd_name,
        dimension,
        {{ exact_percentage_of('sum(pct_passing)', '100 * count(pct_passing)', 2) }} as score

    from passing
    where level = 'rule'
    group by data_date, scope, pd_name, dimension

),

-- Index: the dimension scores weighted by BKN's weights (x 100 to keep whole numbers), over
-- the dimensions that have a score; the weights used are reported on the index row.
index_scores as (

    select
        dimension_scores.data_date,
        dimension_scores.scope,
        dimension_scores.pd_name,
        {{ exact_percentage_of(
            'sum(cast(dimensions.weight * 100 as integer) * dimension_scores.score)',
            '100 * sum(case when dimension_scores.score is not null '
            ~ 'then cast(dimensions.weight * 100 as integer) else 0 end)', 2) }} as score,
        cast(sum(case when dimension_scores.score is not null then dimensions.weight end)
            as decimal(3, 2)) as weight

    from dimension_scores
    inner join dimensions
        on dimension_scores.dimension = dimensions.dimension
    group by dimension_scores.data_date, dimension_scores.scope, dimension_scores.pd_name

),

final as (

    select
        passing.data_date,
        passing.scope,
        passing.pd_name,
        passing.level,
        passing.urutan,
        passing.dimension,
        passing.rule_code,
        passing.label,
        cast(
            case when passing.level = 'index' then index_scores.weight else passing.weight end
            as decimal(3, 2)
        ) as weight,
        passing.records_checked,
        passing.records_failing,
        passing.records_rejected_at_load,
        passing.pct_passing,
        cast(
            case passing.level
                when 'rule' then passing.pct_passing
                when 'dimension' then dimension_scores.score
                else index_scores.score
            end
            as decimal(5, 2)
        ) as score

    from passing
    left join dimension_scores
        on passing.level = 'dimension'
        and passing.data_date = dimension_scores.data_date
        and passing.scope = dimension_scores.scope
        and coalesce(passing.pd_name, '') = coalesce(dimension_scores.pd_name, '')
        and passing.dimension = dimension_scores.dimension
    left join index_scores
        on passing.level = 'index'
        and passing.data_date = index_scores.data_date
        and passing.scope = index_scores.scope
        and coalesce(passing.pd_name, '') = coalesce(index_scores.pd_name, '')

)

select * from final
