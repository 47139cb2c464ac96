{{ config(schema='restricted', materialized='table') }}

-- RESTRICTED (BKDPSDM only, never published): the SIMPEG records to correct, one row per
-- failing data-quality check of the latest loaded extract date, naming the record by its NIP
-- (no name), PD, unor and jabatan, and its place in the file (source file and row), with the
-- values that disagree. A NIK is shown masked (last 3 digits). Built in schema `restricted`,
-- which warehouse/publish.py never copies and the PostgreSQL BI role may not read.
with

results as (

    select * from {{ ref('int_simpeg_quality_results') }}

),

latest as (

    select max(data_date) as data_date from results

),

failing as (

    select results.*
    from results
    inner join latest
        on results.data_date = latest.data_date
    where results.is_failing

),

rules as (

    select rule_code, dimension, name_id from {{ ref('ref_simpeg_quality_rules') }}

),

employees as (

    select employees.*
    from {{ source('raw', 'simpeg_employees') }} as employees
    inner join latest
        on employees.data_date = latest.data_date

),

checks as (

    select checks.*
    from {{ ref('int_simpeg_quality_checks') }} as checks
    inner join latest
        on checks.data_date = latest.data_date

),

-- What the loader showed of a value it noted (already masked for a NIK).
findings as (

    select
        batch_id,
        source_file,
        source_row,
        max(case when rule = 'nik_invalid' then value_masked end) as nik_shown,
        max(case when rule = 'eselon_sets_struktural' then value_masked end)
            as jenis_jabatan_written

    from {{ source('quality_audit', 'findings') }}
    where source = 'simpeg' and rule in ('nik_invalid', 'eselon_sets_struktural')
    group by batch_id, source_file, source_row

),

loaded as (

    select
        failing.data_date,
        failing.pd_name,
        employees.unor_nama,
        employees.jabatan_nama,
        employees.nip,
        failing.record_status,
        failing.source_file,
        failing.source_row,
        failing.rule_code,
        case failing.rule_code
            when 'COM_1' then 'NIK kosong'
            when 'COM_2' then 'Tingkat pendidikan kosong'
            when 'COM_3' then 'Tanggal lahir kosong (terisi dari NIP digit 1-8: '
                || cast(employees.tanggal_lahir as varchar) || ')'
            when 'COM_4' then 'TMT CPNS/PPPK kosong (terisi dari NIP: '
                || cast(employees.tmt_cpns as varchar) || ')'
            when 'COM_5' then 'Golongan kosong'
            when 'COM_6' then 'Jabatan kosong'
            when 'COM_7' then 'Nomor HP kosong'
            when 'COM_8' then 'Email kosong'
            when 'COM_9' then 'Jenis kelamin kosong (terisi dari NIP digit 15: '
                || employees.jenis_kelamin || ')'
            when 'COM_10' then 'TMT PNS kosong atau bukan tanggal'
            when 'TIM_1' then 'Kedudukan ' || employees.kedudukan_hukum || ', usia '
                || cast(checks.age_years as varchar) || ' tahun, BUP '
                || cast(checks.bup as varchar) || ' tahun'
            when 'TIM_2' then 'Masih CPNS, TMT CPNS ' || cast(employees.tmt_cpns as varchar)
            when 'ACC_1' then
                case
                    when employees.nik is null
                        then 'NIK ' || coalesce(findings.nik_shown, '') || ' bukan 16 digit'
                    else 'NIK ' || repeat('*', length(employees.nik) - 3)
                        || substr(employees.nik, length(employees.nik) - 2, 3)
                        || ': kode wilayah atau digit 7-12 tidak sesuai tanggal lahir '
                        || cast(employees.tanggal_lahir as varchar) || ' dan jenis kelamin '
                        || employees.jenis_kelamin
                end
            when 'ACC_2' then 'Jabatan ' || employees.jabatan_nama || ' (eselon '
                || employees.eselon || ') dipegang ' || cast(checks.post_holders as varchar)
                || ' orang'
            when 'ACC_3' then 'Eselon ' || employees.eselon || ', TMT CPNS '
                || cast(employees.tmt_cpns as varchar) || ', masa kerja '
                || cast(checks.service_years as varchar) || ' tahun'
            when 'ACC_4' then 'Eselon ' || employees.eselon || ' minimal golongan '
                || checks.golongan_minimum || ', golongan ' || employees.golongan
            when 'CON_1' then 'NIP digit 1-8: ' || substr(employees.nip, 1, 8)
                || ', tanggal lahir: ' || cast(employees.tanggal_lahir as varchar)
            when 'CON_2' then
                case
                    when employees.jenis_pegawai = 'PPPK'
                        then 'NI PPPK digit 9-12: ' || substr(employees.nip, 9, 4)
                    else 'NIP digit 9-14: ' || substr(employees.nip, 9, 6)
                end || ', TMT: ' || cast(employees.tmt_cpns as varchar)
            when 'CON_3' then 'NIP digit 15: ' || substr(employees.nip, 15, 1)
                || ', jenis kelamin: ' || employees.jenis_kelamin
            when 'CON_4' then 'Jenis pegawai ' || employees.jenis_pegawai || ', NIP digit 9-14: '
                || substr(employees.nip, 9, 6)
            when 'CON_5' then 'TMT CPNS: ' || cast(employees.tmt_cpns as varchar)
                || ', TMT PNS: ' || cast(employees.tmt_pns as varchar)
            when 'CON_6' then 'Eselon ' || employees.eselon || ', jenis jabatan tertulis: '
                || coalesce(findings.jenis_jabatan_written, '')
        end as detail

    from failing
    inner join employees
        on failing.batch_id = employees.batch_id
        and failing.source_file = employees.source_file
        and failing.source_row = employees.source_row
    left join checks
        on failing.batch_id = checks.batch_id
        and failing.source_file = checks.source_file
        and failing.source_row = checks.source_row
    left join findings
        on failing.batch_id = findings.batch_id
        and failing.source_file = findings.source_file
        and failing.source_row = findings.source_row
    where failing.record_status = 'loaded'

),

-- Rows rejected at load: what the loader said (its rule, the column and the masked value),
-- and the NIP, unor and jabatan as the file wrote them.
rejected_rules as (

    select distinct batch_id, source_file, source_row, load_rule, rule_code
    from {{ ref('int_simpeg_quality_rejected') }}

),

quarantine as (

    select batch_id, source_file, source_row, rule, "column", value_masked
    from {{ source('quality_audit', 'quarantine') }}
    where source = 'simpeg' and source_row is not null

),

rejected_details as (

    select
        rejected_rules.batch_id,
        rejected_rules.source_file,
        rejected_rules.source_row,
        rejected_rules.rule_code,
        'Ditolak saat dimuat: ' || string_agg(
            quarantine.rule || ' (' || coalesce(quarantine."column", '') || ': '
                || coalesce(quarantine.value_masked, '') || ')',
            '; ' order by quarantine.rule, quarantine."column"
        ) as detail

    from rejected_rules
    inner join quarantine
        on rejected_rules.batch_id = quarantine.batch_id
        and rejected_rules.source_file = quarantine.source_file
        and rejected_rules.source_row = quarantine.source_row
        and rejected_rules.load_rule = quarantine.rule
    group by
        rejected_rules.batch_id,
        rejected_rules.source_file,
        rejected_rules.source_row,
        rejected_rules.rule_code

),

rejected_rows as (

    select
        batch_id,
        source_file,
        source_row,
        -- the NIP without spaces, dots, dashes and apostrophes, as the loader reads it
        regexp_replace(cast(row_json as json) ->> 'nip',
            '[[:space:]' || chr(160) || chr(8217) || '.''`-]', '', 'g') as nip_compact,
        cast(row_json as json) ->> 'unor_nama' as unor_nama,
        cast(row_json as json) ->> 'jabatan_nama' as jabatan_nama

    from {{ source('quality_restricted', 'rejected_rows') }}
    where source = 'simpeg'

),

rejected as (

    select
        failing.data_date,
        failing.pd_name,
        nullif(trim(rejected_rows.unor_nama), '') as unor_nama,
        nullif(trim(rejected_rows.jabatan_nama), '') as jabatan_nama,
        case
            when length(rejected_rows.nip_compact) = 18
                and regexp_replace(rejected_rows.nip_compact, '[0-9]', '', 'g') = ''
                then rejected_rows.nip_compact
        end as nip,
        failing.record_status,
        failing.source_file,
        failing.source_row,
        failing.rule_code,
        rejected_details.detail

    from failing
    inner join rejected_rows
        on failing.batch_id = rejected_rows.batch_id
        and failing.source_file = rejected_rows.source_file
        and failing.source_row = rejected_rows.source_row
    left join rejected_details
        on failing.batch_id = rejected_details.batch_id
        and failing.source_file = rejected_details.source_file
        and failing.source_row = rejected_details.source_row
        and failing.rule_code = rejected_details.rule_code
    where failing.record_status = 'rejected_at_load'

),

unioned as (

    select * from loaded
    union all
    select * from rejected

),

final as (

    select
        unioned.data_date,
        unioned.pd_name,
        unioned.unor_nama,
        unioned.jabatan_nama,
        unioned.nip,
        unioned.record_status,
        unioned.source_file,
        unioned.source_row,
        rules.dimension,
        unioned.rule_code,
        rules.name_id as rule_name,
        unioned.detail

    from unioned
    inner join rules
        on unioned.rule_code = rules.rule_code

)

select * from final
