-- The SIMPEG data-quality rules that need values only raw.simpeg_employees holds (NIP digits,
-- NIK, phone, e-mail) or what the loader noted on a record (audit.findings: a value it took
-- from the NIP, a NIK it could not read). One row per loaded record of every extract date.
-- Rule columns: true = fails, false = passes, null = not checked. The NIP, NIK and dates stay
-- inside: only the pseudonym, the rule results and the months since the birth month leave.
with

employees as (

    select * from {{ source('raw', 'simpeg_employees') }}

),

pseudonym_key as (

    select ipad, opad from {{ source('restricted', 'pseudonym_key') }}

),

findings as (

    select batch_id, source_file, source_row, rule
    from {{ source('quality_audit', 'findings') }}
    where source = 'simpeg' and source_row is not null

),

-- What the loader noted per record. In audit.findings a SIMPEG 'date_invalid' is always the
-- TMT PNS (an unreadable birth date or TMT CPNS rejects the row).
record_findings as (

    select
        batch_id,
        source_file,
        source_row,
        max(case when rule = 'birth_date_from_nip' then 1 else 0 end) = 1 as birth_date_derived,
        max(case when rule = 'tmt_from_nip' then 1 else 0 end) = 1 as tmt_cpns_derived,
        max(case when rule = 'sex_from_nip' then 1 else 0 end) = 1 as sex_derived,
        max(case when rule = 'nik_invalid' then 1 else 0 end) = 1 as nik_unreadable,
        max(case when rule = 'eselon_sets_struktural' then 1 else 0 end) = 1
            as jenis_jabatan_overridden,
        max(case when rule = 'date_invalid' then 1 else 0 end) = 1 as tmt_pns_unreadable

    from findings
    group by batch_id, source_file, source_row

),

joined as (

    select
        employees.data_date,
        employees.batch_id,
        employees.source_file,
        employees.source_row,
        {{ pseudonymise('employees.nip', 'pseudonym_key') }} as employee_key,
        employees.pd_name,
        employees.nip,
        employees.nik,
        employees.nomor_hp,
        employees.email,
        employees.tanggal_lahir,
        employees.jenis_kelamin,
        employees.jenis_pegawai,
        employees.tmt_cpns,
        employees.tmt_pns,
        employees.golongan,
        employees.jabatan_nama,
        coalesce(record_findings.birth_date_derived, false) as birth_date_derived,
        coalesce(record_findings.tmt_cpns_derived, false) as tmt_cpns_derived,
        coalesce(record_findings.sex_derived, false) as sex_derived,
        coalesce(record_findings.nik_unreadable, false) as nik_unreadable,
        coalesce(record_findings.jenis_jabatan_overridden, false) as jenis_jabatan_overridden,
        coalesce(record_findings.tmt_pns_unreadable, false) as tmt_pns_unreadable

    from employees
    cross join pseudonym_key
    left join record_findings
        on employees.batch_id = record_findings.batch_id
        and employees.source_file = record_findings.source_file
        and employees.source_row = record_findings.source_row

),

-- A column is taken as exported by a file when at least one of its records has a value
-- written (not derived by the loader): a rule on a column the export does not have is not
-- checked for that file's records.
exported as (

    select
        *,
        max(case when nik is not null or nik_unreadable then 1 else 0 end)
            over (partition by batch_id, source_file) = 1 as nik_exported,
        max(case when nomor_hp is not null then 1 else 0 end)
            over (partition by batch_id, source_file) = 1 as nomor_hp_exported,
        max(case when email is not null then 1 else 0 end)
            over (partition by batch_id, source_file) = 1 as email_exported,
        max(case when jabatan_nama is not null then 1 else 0 end)
            over (partition by batch_id, source_file) = 1 as jabatan_exported,
        max(case when tmt_pns is not null or tmt_pns_unreadable then 1 else 0 end)
            over (partition by batch_id, source_file) = 1 as tmt_pns_exported,
        max(case when birth_date_derived then 0 else 1 end)
            over (partition by batch_id, source_file) = 1 as birth_date_exported,
        max(case when tmt_cpns_derived then 0 else 1 end)
            over (partition by batch_id, source_file) = 1 as tmt_cpns_exported,
        max(case when sex_derived then 0 else 1 end)
            over (partition by batch_id, source_file) = 1 as sex_exported

    from joined

),

-- The numbers the NIP and NIK carry, and the record's dates in the same form.
measured as (

    select
        *,
        cast(substr(nip, 1, 8) as integer) as nip_birth_ymd,
        cast(substr(nip, 9, 6) as integer) as nip_tmt_ym,
        cast(substr(nip, 9, 4) as integer) as nip_year,
        substr(nip, 13, 2) as nip_month_or_code,
        case substr(nip, 15, 1) when '1' then 'L' when '2' then 'P' end as nip_sex,
        cast(extract(year from tanggal_lahir) as integer) * 10000
            + cast(extract(month from tanggal_lahir) as integer) * 100
            + cast(extract(day from tanggal_lahir) as integer) as birth_ymd,
        cast(extract(year from tmt_cpns) as integer) * 100
            + cast(extract(month from tmt_cpns) as integer) as tmt_cpns_ym,
        cast(extract(year from tmt_cpns) as integer) as tmt_cpns_year,
        -- NIK digits 7-12: DDMMYY of the birth date, 40 added to the day for women.
        cast(substr(nik, 7, 2) as integer) as nik_day,
        cast(substr(nik, 9, 2) as integer) as nik_month,
        cast(substr(nik, 11, 2) as integer) as nik_year2,
        -- (convention) a possible region: province digits 1-2 with a first digit other than
        -- 0 or 4 and a second digit other than 0; kabupaten digits 3-4 and kecamatan digits
        -- 5-6 not 00.
        (
            substr(nik, 1, 1) in ('1', '2', '3', '5', '6', '7', '8', '9')
            and substr(nik, 2, 1) <> '0'
            and substr(nik, 3, 2) <> '00'
            and substr(nik, 5, 2) <> '00'
        ) as nik_region_possible,
        (cast(extract(year from data_date) as integer) * 12
            + cast(extract(month from data_date) as integer))
        - (cast(extract(year from tanggal_lahir) as integer) * 12
            + cast(extract(month from tanggal_lahir) as integer)) as months_from_birth_month

    from exported

),

checked as (

    select
        data_date,
        batch_id,
        source_file,
        source_row,
        employee_key,
        pd_name,
        months_from_birth_month,

        -- completeness
        case when nik_exported then nik is null and not nik_unreadable end as com_1,
        false as com_2,
        case when birth_date_exported then birth_date_derived end as com_3,
        case when tmt_cpns_exported then tmt_cpns_derived end as com_4,
        case when jenis_pegawai in ('PNS', 'CPNS') then golongan is null end as com_5,
        case when jabatan_exported then jabatan_nama is null end as com_6,
        case when nomor_hp_exported then nomor_hp is null end as com_7,
        case when email_exported then email is null end as com_8,
        case when sex_exported then sex_derived end as com_9,
        case when tmt_pns_exported and jenis_pegawai = 'PNS' then tmt_pns is null end as com_10,
        false as com_11,

        -- accuracy (the rules on the post and the eselon are in int_simpeg_quality_checks)
        case
            when nik_unreadable then true
            when nik is null then null
            else not nik_region_possible
                or nik_day <> cast(extract(day from tanggal_lahir) as integer)
                    + case when jenis_kelamin = 'P' then 40 else 0 end
                or nik_month <> cast(extract(month from tanggal_lahir) as integer)
                or nik_year2 <> mod(cast(extract(year from tanggal_lahir) as integer), 100)
        end as acc_1,
        false as acc_5,
        false as acc_6,

        -- consistency
        case when not birth_date_derived then nip_birth_ymd <> birth_ymd end as con_1,
        case
            when tmt_cpns_derived or tmt_cpns is null then null
            when jenis_pegawai in ('PNS', 'CPNS') then nip_tmt_ym <> tmt_cpns_ym
            when jenis_pegawai = 'PPPK' then nip_year <> tmt_cpns_year
        end as con_2,
        case when not sex_derived then jenis_kelamin <> nip_sex end as con_3,
        case
            when jenis_pegawai = 'PPPK' then nip_month_or_code between '01' and '12'
            when jenis_pegawai in ('PNS', 'CPNS') then nip_month_or_code not between '01' and '12'
        end as con_4,
        case when tmt_cpns is not null and tmt_pns is not null then tmt_cpns > tmt_pns end
            as con_5,
        jenis_jabatan_overridden as con_6

    from measured

)

select * from checked
