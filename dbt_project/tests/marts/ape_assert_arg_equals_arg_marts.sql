-- The ARG indicators of ape_scorecard are the ARG marts' figures: for the kabupaten, every
-- budget year of arg_summary gives ARG = pct_arg, ARG.PD = pct_pd_with_arg and ARG.SUBKEG =
-- sub_kegiatan_arg; for the PD rows, every PD and year of arg_by_pd gives ARG = pct_arg and
-- ARG.SUBKEG = sub_kegiatan_arg. No row is missing on either side.
with

scorecard as (

    select
        cast(extract(year from data_date) as integer) as tahun_anggaran,
        coalesce(pd_name, '') as pd_key,
        indicator_code,
        value
    from {{ ref('ape_scorecard') }}
    where indicator_code in ('ARG', 'ARG.PD', 'ARG.SUBKEG')

),

kabupaten as (

    select tahun_anggaran, pct_arg, pct_pd_with_arg, sub_kegiatan_arg
    from {{ ref('arg_summary') }}
    where dimension = 'kabupaten'

),

expected as (

    select tahun_anggaran, '' as pd_key, 'ARG' as indicator_code,
        cast(pct_arg as decimal(18, 2)) as value
    from kabupaten

    union all

    select tahun_anggaran, '', 'ARG.PD', cast(pct_pd_with_arg as decimal(18, 2))
    from kabupaten

    union all

    select tahun_anggaran, '', 'ARG.SUBKEG', cast(sub_kegiatan_arg as decimal(18, 2))
    from kabupaten

    union all

    select tahun_anggaran, coalesce(pd_name, kode_skpd), 'ARG', cast(pct_arg as decimal(18, 2))
    from {{ ref('arg_by_pd') }}

    union all

    select tahun_anggaran, coalesce(pd_name, kode_skpd), 'ARG.SUBKEG',
        cast(sub_kegiatan_arg as decimal(18, 2))
    from {{ ref('arg_by_pd') }}

)

select
    coalesce(scorecard.tahun_anggaran, expected.tahun_anggaran) as tahun_anggaran,
    coalesce(scorecard.pd_key, expected.pd_key) as pd_key,
    coalesce(scorecard.indicator_code, expected.indicator_code) as indicator_code
from scorecard
full outer join expected
    on scorecard.tahun_anggaran = expected.tahun_anggaran
    and scorecard.pd_key = expected.pd_key
    and scorecard.indicator_code = expected.indicator_code
where scorecard.indicator_code is null
    or expected.indicator_code is null
    or (scorecard.value is null) <> (expected.value is null)
    or scorecard.value <> expected.value
