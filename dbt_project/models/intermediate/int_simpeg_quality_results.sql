-- Every data-quality check made, long: one row per (record, rule) where the rule applies,
-- for the loaded records (int_simpeg_quality_checks, one column per rule) and for the rows
-- rejected at load (int_simpeg_quality_rejected: checked and failing for the rules their
-- loader rules map onto, nothing else). A record is (data_date, source_file, source_row).
-- The list below names the rule columns of int_simpeg_quality_checks; it must hold every
-- rule_code of seed ref_simpeg_quality_rules (tests/test_simpeg_quality.py checks it).
{%- set rule_codes = [
    'COM_1', 'COM_2', 'COM_3', 'COM_4', 'COM_5', 'COM_6', 'COM_7', 'COM_8', 'COM_9', 'COM_10',
    'COM_11', 'TIM_1', 'TIM_2', 'ACC_1', 'ACC_2', 'ACC_3', 'ACC_4', 'ACC_5', 'ACC_6',
    'CON_1', 'CON_2', 'CON_3', 'CON_4', 'CON_5', 'CON_6',
] %}
with

checks as (

    select * from {{ ref('int_simpeg_quality_checks') }}

),

rejected as (

    select * from {{ ref('int_simpeg_quality_rejected') }}

),

loaded_results as (

    {% for code in rule_codes %}
    select
        data_date,
        batch_id,
        source_file,
        source_row,
        employee_key,
        pd_name,
        'loaded' as record_status,
        '{{ code }}' as rule_code,
        {{ code | lower }} as is_failing
    from checks
    where {{ code | lower }} is not null
    {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

rejected_results as (

    select distinct
        data_date,
        batch_id,
        source_file,
        source_row,
        employee_key,
        pd_name,
        'rejected_at_load' as record_status,
        rule_code,
        true as is_failing
    from rejected

),

unioned as (

    select * from loaded_results
    union all
    select * from rejected_results

)

select * from unioned
