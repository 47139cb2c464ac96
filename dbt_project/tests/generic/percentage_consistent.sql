{#- The tested column is 100 * numerator / denominator rounded to `decimals` places, and null
    exactly when the denominator is 0. -#}
{% test percentage_consistent(model, column_name, numerator, denominator, decimals=1) %}

select *
from {{ model }}
where
    ({{ denominator }} = 0 and {{ column_name }} is not null)
    or ({{ denominator }} <> 0 and {{ column_name }} is null)
    or (
        {{ denominator }} <> 0
        and abs(
            cast({{ column_name }} as {{ dbt.type_numeric() }})
            - 100.0 * {{ numerator }} / {{ denominator }}
        ) > 0.5 * power(10, -{{ decimals }}) + 0.000001
    )
    or {{ column_name }} < 0
    or {{ column_name }} > 100

{% endtest %}
