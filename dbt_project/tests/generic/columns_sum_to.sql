{#- The tested column equals the sum of `addends` on every row (e.g. total = pria + wanita). -#}
{% test columns_sum_to(model, column_name, addends) %}

select *
from {{ model }}
where {{ column_name }} is null
    {%- for addend in addends %}
    or {{ addend }} is null
    {%- endfor %}
    or {{ column_name }} <> {{ addends | join(' + ') }}

{% endtest %}
