-- In every (data_date, scope, pd_name) of pprg_coverage the 'total' row (distinct persons in
-- either group) is at least each group and at most the two groups together, for the target
-- staff and the trained, by sex.
with

coverage as (

    select * from {{ ref('pprg_coverage') }}

),

pivoted as (

    select
        data_date,
        scope,
        pd_name,
        {%- for measure in ['sasaran_pria', 'sasaran_wanita', 'trained_pria', 'trained_wanita'] %}
        max(case when sasaran = 'perencana' then {{ measure }} end) as perencana_{{ measure }},
        max(case when sasaran = 'keuangan' then {{ measure }} end) as keuangan_{{ measure }},
        max(case when sasaran = 'total' then {{ measure }} end) as total_{{ measure }}
        {%- if not loop.last %},{% endif %}
        {%- endfor %}
    from coverage
    group by data_date, scope, pd_name

)

select *
from pivoted
where
    {%- for measure in ['sasaran_pria', 'sasaran_wanita', 'trained_pria', 'trained_wanita'] %}
    {% if not loop.first %}or {% endif -%}
    total_{{ measure }} < perencana_{{ measure }}
    or total_{{ measure }} < keuangan_{{ measure }}
    or total_{{ measure }} > perencana_{{ measure }} + keuangan_{{ measure }}
    {%- endfor %}
