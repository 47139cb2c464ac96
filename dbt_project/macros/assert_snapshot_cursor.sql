{#- Pre-hook of employees_snapshot. The snapshot replays extracts one date at a time, and dbt
    cannot undo a wrong replay, so refuse to run when
    - audit.snapshot_cursor does not hold exactly one date,
    - the cursor date has no employees (every current version would be closed), or
    - the snapshot already holds versions dated after the cursor (out-of-order replay).
    Re-running the latest date is allowed and changes nothing. -#}
{% macro assert_snapshot_cursor(snapshot_source) %}
    {%- if execute -%}
        {%- set cursor = run_query(
            "select count(*), min(cast(data_date as varchar)) from audit.snapshot_cursor") -%}
        {%- set n_cursor_rows = cursor.columns[0].values()[0] -%}
        {%- set cursor_date = cursor.columns[1].values()[0] -%}
        {%- if n_cursor_rows != 1 or cursor_date is none -%}
            {{ exceptions.raise_compiler_error(
                "audit.snapshot_cursor must hold exactly one non-null date, found "
                ~ n_cursor_rows ~ " rows") }}
        {%- endif -%}
        {%- set n_employees = run_query(
            "select count(*) from " ~ snapshot_source).columns[0].values()[0] -%}
        {%- if n_employees == 0 -%}
            {{ exceptions.raise_compiler_error(
                "no employees in the extract of " ~ cursor_date
                ~ ": refusing to snapshot an empty extract") }}
        {%- endif -%}
        {%- if load_relation(this) is not none -%}
            {%- set n_later = run_query(
                "select count(*) from " ~ this
                ~ " where dbt_valid_from > (select cast(data_date as timestamp)"
                ~ " from audit.snapshot_cursor)"
                ~ " or dbt_valid_to > (select cast(data_date as timestamp)"
                ~ " from audit.snapshot_cursor)").columns[0].values()[0] -%}
            {%- if n_later > 0 -%}
                {{ exceptions.raise_compiler_error(
                    "employees_snapshot already holds versions after " ~ cursor_date
                    ~ ": extracts must be replayed in ascending date order") }}
            {%- endif -%}
        {%- endif -%}
    {%- endif -%}
{% endmacro %}
