-- The classified state of every employee on the extract date held in audit.snapshot_cursor:
-- the query that the employees_snapshot records, one extract at a time. Birth date reduced to
-- the birth year; no name, no NIP.
with

employees as (

    select * from {{ ref('int_employees_classified') }}

),

snapshot_cursor as (

    select data_date from {{ source('audit', 'snapshot_cursor') }}

),

filtered as (

    select
        employees.employee_key,
        employees.pd_name,
        employees.jenis_pegawai,
        employees.kedudukan_hukum,
        employees.golongan,
        employees.eselon,
        employees.jenis_jabatan,
        employees.jabatan_nama,
        employees.tingkat_pendidikan,
        employees.jenis_kelamin,
        cast(extract(year from employees.tanggal_lahir) as integer) as birth_year,
        employees.tmt_cpns

    from employees
    inner join snapshot_cursor
        on employees.data_date = snapshot_cursor.data_date

)

select * from filtered
