-- simpeg_data_quality: every kabupaten count (records checked, failing, rejected at load, for
-- every rule, dimension and the index) equals the sum of its PD rows plus the records without
-- a PD (rows rejected at load whose PD is blank), counted from int_simpeg_quality_results.
with

quality as (

    select * from {{ ref('simpeg_data_quality') }}

),

rules as (

    select rule_code, dimension from {{ ref('ref_simpeg_quality_rules') }}

),

without_pd as (

    select results.*, rules.dimension
    from {{ ref('int_simpeg_quality_results') }} as results
    inner join rules
        on results.rule_code = rules.rule_code
    where results.pd_name is null

),

without_pd_records as (

    select
        data_date,
        source_file,
        source_row,
        dimension,
        rule_code,
        case when is_failing then 1 else 0 end as fails,
        case when record_status = 'rejected_at_load' then 1 else 0 end as rejected
    from without_pd

),

without_pd_counts as (

    select data_date, 'rule' as level, rule_code as member,
        count(*) as checked, sum(fails) as failing, sum(rejected) as rejected
    from without_pd_records
    group by data_date, rule_code

    union all

    select data_date, 'dimension', dimension, count(*), sum(fails), sum(rejected)
    from (
        select data_date, source_file, source_row, dimension,
            max(fails) as fails, max(rejected) as rejected
        from without_pd_records
        group by data_date, source_file, source_row, dimension
    ) as by_dimension
    group by data_date, dimension

    union all

    select data_date, 'index', 'index', count(*), sum(fails), sum(rejected)
    from (
        select data_date, source_file, source_row,
            max(fails) as fails, max(rejected) as rejected
        from without_pd_records
        group by data_date, source_file, source_row
    ) as by_record
    group by data_date

),

pd_sums as (

    select
        data_date,
        level,
        coalesce(rule_code, dimension, 'index') as member,
        sum(records_checked) as checked,
        sum(records_failing) as failing,
        sum(records_rejected_at_load) as rejected
    from quality
    where scope = 'pd'
    group by data_date, level, coalesce(rule_code, dimension, 'index')

),

kabupaten as (

    select
        data_date,
        level,
        coalesce(rule_code, dimension, 'index') as member,
        records_checked,
        records_failing,
        records_rejected_at_load
    from quality
    where scope = 'kabupaten'

)

select kabupaten.*
from kabupaten
left join pd_sums
    on kabupaten.data_date = pd_sums.data_date
    and kabupaten.level = pd_sums.level
    and kabupaten.member = pd_sums.member
left join without_pd_counts
    on kabupaten.data_date = without_pd_counts.data_date
    and kabupaten.level = without_pd_counts.level
    and kabupaten.member = without_pd_counts.member
where kabupaten.records_checked
        <> coalesce(pd_sums.checked, 0) + coalesce(without_pd_counts.checked, 0)
    or kabupaten.records_failing
        <> coalesce(pd_sums.failing, 0) + coalesce(without_pd_counts.failing, 0)
    or kabupaten.records_rejected_at_load
        <> coalesce(pd_sums.rejected, 0) + coalesce(without_pd_counts.rejected, 0)
