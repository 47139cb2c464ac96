{#- Every row (optionally filtered with the `where` config) satisfies `expression`. -#}
{% test expression_is_true(model, expression) %}

select *
from {{ model }}
where not ({{ expression }})

{% endtest %}
