{#- 100 * numerator / denominator rounded to one decimal, as decimal(4,1) (0.0-100.0); null
    when the denominator is 0. Portable SQL. -#}
{% macro percentage_of(numerator, denominator) -%}
    case
        when ({{ denominator }}) = 0 then null
        else cast(round(100.0 * ({{ numerator }}) / ({{ denominator }}), 1) as decimal(4, 1))
    end
{%- endmacro %}
