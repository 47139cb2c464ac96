-- simpeg_data_quality: recomputes the scores from the mart's own rows. A dimension's score is
-- the mean of the pct_passing of its rules (those with a value), the index the dimension
-- scores weighted by ref_simpeg_quality_dimensions over the dimensions with a score, and the
-- index row's weight the sum of those weights; both to two decimals (tolerance for the
-- rounding of the recomputation).
with

quality as (

    select * from {{ ref('simpeg_data_quality') }}

),

weights as (

    select dimension, weight from {{ ref('ref_simpeg_quality_dimensions') }}

),

dimension_means as (

    select data_date, scope, pd_name, dimension, avg(pct_passing) as mean_pct
    from quality
    where level = 'rule'
    group by data_date, scope, pd_name, dimension

),

dimension_rows as (

    select quality.data_date, quality.scope, quality.pd_name, quality.dimension,
        quality.score, quality.weight, dimension_means.mean_pct, weights.weight as seed_weight
    from quality
    inner join dimension_means
        on quality.data_date = dimension_means.data_date
        and quality.scope = dimension_means.scope
        and coalesce(quality.pd_name, '') = coalesce(dimension_means.pd_name, '')
        and quality.dimension = dimension_means.dimension
    inner join weights
        on quality.dimension = weights.dimension
    where quality.level = 'dimension'

),

bad_dimensions as (

    select data_date, scope, pd_name, dimension
    from dimension_rows
    where (score is null) <> (mean_pct is null)
        or abs(score - mean_pct) > 0.0051
        or weight <> seed_weight

),

index_expected as (

    select
        data_date,
        scope,
        pd_name,
        sum(seed_weight * score) / nullif(sum(case when score is not null then seed_weight end), 0)
            as index_score,
        sum(case when score is not null then seed_weight end) as weight_used
    from dimension_rows
    group by data_date, scope, pd_name

),

bad_index as (

    select quality.data_date, quality.scope, quality.pd_name, 'index' as dimension
    from quality
    inner join index_expected
        on quality.data_date = index_expected.data_date
        and quality.scope = index_expected.scope
        and coalesce(quality.pd_name, '') = coalesce(index_expected.pd_name, '')
    where quality.level = 'index'
        and ((quality.score is null) <> (index_expected.index_score is null)
            or abs(quality.score - index_expected.index_score) > 0.0051
            or quality.weight is distinct from index_expected.weight_used)

)

select * from bad_dimensions
union all
select * from bad_index
