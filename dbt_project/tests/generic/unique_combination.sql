{#- No two rows share the same values of `columns`. Nulls compare equal (GROUP BY semantics),
    so a null pd_name on kabupaten rows is one value, not a free pass. -#}
{% test unique_combination(model, columns) %}

select
    {{ columns | join(', ') }},
    count(*) as n_rows
from {{ model }}
group by {{ columns | join(', ') }}
having count(*) > 1

{% endtest %}
