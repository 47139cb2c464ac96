{#- Every group of `group_by` has exactly `expected` rows (null keys form their own group). -#}
{% test rows_per_group(model, group_by, expected) %}

select
    {{ group_by | join(', ') }},
    count(*) as n_rows
from {{ model }}
group by {{ group_by | join(', ') }}
having count(*) <> {{ expected }}

{% endtest %}
