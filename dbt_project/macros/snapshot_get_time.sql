{#- Snapshot versions are dated by the extract they come from, not by the wall clock: the flow
    writes the extract date into audit.snapshot_cursor and runs `dbt snapshot` once per date in
    ascending order, so dbt_valid_from / dbt_valid_to are extract dates. -#}
{% macro duckdb__snapshot_get_time() -%}
    (select cast(data_date as timestamp) from audit.snapshot_cursor)
{%- endmacro %}

{% macro postgres__snapshot_get_time() -%}
    (select cast(data_date as timestamp) from audit.snapshot_cursor)
{%- endmacro %}
