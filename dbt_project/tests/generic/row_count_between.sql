{#- The model has between `min_rows` and `max_rows` rows (one-row control tables). -#}
{% test row_count_between(model, min_rows, max_rows) %}

select n_rows
from (select count(*) as n_rows from {{ model }}) as counted
where n_rows < {{ min_rows }} or n_rows > {{ max_rows }}

{% endtest %}
