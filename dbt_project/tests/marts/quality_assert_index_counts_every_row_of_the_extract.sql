-- simpeg_data_quality: the kabupaten index row of every loaded extract date counts every row
-- of the extract, the rows loaded (raw.simpeg_employees) plus the rows rejected at load in
-- the same batch (restricted.rejected_rows), and every rejected row as failing; no loaded
-- date is missing. Counted from the sources, not from the quality models.
with

loaded as (

    select data_date, batch_id, count(*) as n_loaded
    from {{ source('raw', 'simpeg_employees') }}
    group by data_date, batch_id

),

rejected as (

    select batch_id, count(*) as n_rejected
    from {{ source('quality_restricted', 'rejected_rows') }}
    where source = 'simpeg'
    group by batch_id

),

expected as (

    select
        loaded.data_date,
        sum(loaded.n_loaded + coalesce(rejected.n_rejected, 0)) as n_rows,
        sum(coalesce(rejected.n_rejected, 0)) as n_rejected
    from loaded
    left join rejected
        on loaded.batch_id = rejected.batch_id
    group by loaded.data_date

),

index_rows as (

    select data_date, records_checked, records_failing, records_rejected_at_load
    from {{ ref('simpeg_data_quality') }}
    where scope = 'kabupaten' and level = 'index'

)

select expected.data_date, expected.n_rows, index_rows.records_checked
from expected
left join index_rows
    on expected.data_date = index_rows.data_date
where index_rows.records_checked is null
    or index_rows.records_checked <> expected.n_rows
    or index_rows.records_rejected_at_load <> expected.n_rejected
    or index_rows.records_failing < expected.n_rejected
