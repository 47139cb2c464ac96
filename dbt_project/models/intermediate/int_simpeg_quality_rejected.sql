-- The SIMPEG rows the loader rejected in the batches now loaded (one per extract date), one
-- row per (record, loader rule), with the data-quality rule the loader rule maps onto (seed
-- ref_simpeg_quality_load_rules; a rule missing from the seed counts as ACC_6, so a rejected
-- row never passes for clean). The PD is read from the row as the file wrote it (whitespace
-- collapsed as the loader does); the NIP, when it is 18 digits, only as its pseudonym.
with

loaded_batches as (

    select distinct data_date, batch_id from {{ source('raw', 'simpeg_employees') }}

),

rejected_rows as (

    select batch_id, source_file, source_row, row_json
    from {{ source('quality_restricted', 'rejected_rows') }}
    where source = 'simpeg'

),

quarantine as (

    select batch_id, source_file, source_row, rule
    from {{ source('quality_audit', 'quarantine') }}
    where source = 'simpeg' and source_row is not null

),

load_rules as (

    select load_rule, rule_code from {{ ref('ref_simpeg_quality_load_rules') }}

),

pseudonym_key as (

    select ipad, opad from {{ source('restricted', 'pseudonym_key') }}

),

parsed as (

    select
        loaded_batches.data_date,
        rejected_rows.batch_id,
        rejected_rows.source_file,
        rejected_rows.source_row,
        trim(regexp_replace(cast(rejected_rows.row_json as json) ->> 'pd_name',
            '[[:space:]' || chr(160) || ']+', ' ', 'g')) as pd_text,
        -- the NIP without spaces, dots, dashes and a leading apostrophe, as the loader reads it
        regexp_replace(cast(rejected_rows.row_json as json) ->> 'nip',
            '[[:space:]' || chr(160) || chr(8217) || '.''`-]', '', 'g') as nip_compact

    from rejected_rows
    inner join loaded_batches
        on rejected_rows.batch_id = loaded_batches.batch_id

),

records as (

    select
        parsed.data_date,
        parsed.batch_id,
        parsed.source_file,
        parsed.source_row,
        case
            when length(parsed.nip_compact) = 18
                and regexp_replace(parsed.nip_compact, '[0-9]', '', 'g') = ''
                then {{ pseudonymise('parsed.nip_compact', 'pseudonym_key') }}
        end as employee_key,
        case
            when parsed.pd_text not in ('', 'nan', 'NaN', 'None', '-') then parsed.pd_text
        end as pd_name

    from parsed
    cross join pseudonym_key

),

mapped as (

    select
        records.data_date,
        records.batch_id,
        records.source_file,
        records.source_row,
        records.employee_key,
        records.pd_name,
        quarantine.rule as load_rule,
        coalesce(load_rules.rule_code, 'ACC_6') as rule_code

    from records
    inner join quarantine
        on records.batch_id = quarantine.batch_id
        and records.source_file = quarantine.source_file
        and records.source_row = quarantine.source_row
    left join load_rules
        on quarantine.rule = load_rules.load_rule

)

select * from mapped
