-- pct_of_arg_total of every arg_summary row is 100 * pagu_arg / the kabupaten's pagu_arg of
-- the year, one decimal, within 0-100, and null exactly when the kabupaten has no ARG.
with

summary as (

    select * from {{ ref('arg_summary') }}

),

kabupaten as (

    select tahun_anggaran, pagu_arg as kabupaten_arg
    from summary
    where dimension = 'kabupaten'

)

select
    summary.tahun_anggaran,
    summary.dimension,
    summary.kode
from summary
left join kabupaten
    on summary.tahun_anggaran = kabupaten.tahun_anggaran
where kabupaten.tahun_anggaran is null
    or (kabupaten.kabupaten_arg = 0 and summary.pct_of_arg_total is not null)
    or (kabupaten.kabupaten_arg <> 0 and summary.pct_of_arg_total is null)
    or (
        kabupaten.kabupaten_arg <> 0
        and abs(
            cast(summary.pct_of_arg_total as {{ dbt.type_numeric() }})
            - 100.0 * summary.pagu_arg / kabupaten.kabupaten_arg
        ) > 0.050001
    )
    or summary.pct_of_arg_total < 0
    or summary.pct_of_arg_total > 100
