-- Every ASN on every SIMPEG extract date with their level of the career pyramid on that date.
-- ASN and post classification are exactly those of marts.asn_profile (int_employees_bucketed:
-- counts_as_asn, and the Tabel 4.1 jabatan row), so the levels add up to its Total ASN.
-- Keeps what the cohort analysis needs (status, TMT CPNS, education group); no personal data
-- beyond the pseudonymous employee_key.
with

employees as (

    select * from {{ ref('int_employees_bucketed') }}

),

levels as (

    select level_rank, level_code, jabatan_sub_kategori from {{ ref('int_career_levels') }}

),

final as (

    select
        employees.employee_key,
        employees.data_date,
        employees.pd_name,
        employees.jenis_kelamin,
        employees.jenis_pegawai,
        employees.tmt_cpns,
        employees.pendidikan_kelompok,
        levels.level_rank,
        levels.level_code

    from employees
    left join levels
        on employees.jabatan_sub_kategori = levels.jabatan_sub_kategori
    where employees.counts_as_asn = true

)

select * from final
