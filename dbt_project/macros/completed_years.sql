{#- Whole years elapsed from `start_date` to `end_date` (age on a date, years of service):
    the year difference, minus one while the anniversary has not been reached in the end year.
    A 29 February start reaches its anniversary on 1 March in common years. Portable SQL:
    only extract() and arithmetic. Negative when start_date is after end_date. -#}
{% macro completed_years(start_date, end_date) -%}
    (
        cast(extract(year from {{ end_date }}) as integer)
        - cast(extract(year from {{ start_date }}) as integer)
        - case
            when cast(extract(month from {{ end_date }}) as integer) * 100
                + cast(extract(day from {{ end_date }}) as integer)
                < cast(extract(month from {{ start_date }}) as integer) * 100
                + cast(extract(day from {{ start_date }}) as integer)
            then 1
            else 0
        end
    )
{%- endmacro %}
