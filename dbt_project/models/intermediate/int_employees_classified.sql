-- Each employee's state on each extract date, with the business rules of the ASN profile
-- resolved from the reference seeds: does the person count as ASN, what kind of post they
-- hold, and the reference groups of their eselon, golongan and education.
with

employees as (

    select * from {{ ref('stg_simpeg__employees') }}

),

kedudukan_hukum as (

    select kedudukan_hukum, counts_as_asn from {{ ref('ref_kedudukan_hukum') }}

),

eselon as (

    select eselon, jenjang from {{ ref('ref_eselon') }}

),

golongan as (

    select golongan, kelompok from {{ ref('ref_golongan') }}

),

pendidikan as (

    select kode, kelompok_profil from {{ ref('ref_tingkat_pendidikan') }}

),

jf_names as (

    select lower(jf_name) as jf_name_lower, rumpun from {{ ref('ref_jf_rumpun') }}

),

-- Matching runs on the few hundred distinct post names, not on millions of employee rows.
-- Reads the staging view again rather than the `employees` CTE: a CTE used twice is
-- materialised whole (pseudonym hash included) by DuckDB; this scan reads one column.
jabatan_names as (

    select distinct jabatan_nama
    from {{ ref('stg_simpeg__employees') }}
    where jabatan_nama is not null

),

-- A post matches a JF when its name is the JF name or starts with it followed by a space
-- ("Perawat Gigi Terampil" -> Perawat Gigi), case-insensitively; the longest JF name wins.
jabatan_candidates as (

    select
        jabatan_names.jabatan_nama,
        jf_names.rumpun,
        row_number() over (
            partition by jabatan_names.jabatan_nama
            order by length(jf_names.jf_name_lower) desc, jf_names.jf_name_lower
        ) as match_rank

    from jabatan_names
    inner join jf_names
        on lower(jabatan_names.jabatan_nama) = jf_names.jf_name_lower
        or substr(lower(jabatan_names.jabatan_nama), 1, length(jf_names.jf_name_lower) + 1)
            = jf_names.jf_name_lower || ' '

),

jabatan_rumpun as (

    select jabatan_nama, rumpun
    from jabatan_candidates
    where match_rank = 1

),

resolved as (

    select
        employees.employee_key,
        employees.data_date,
        employees.batch_id,
        employees.pd_name,
        employees.unor_nama,
        employees.jenis_kelamin,
        employees.tanggal_lahir,
        employees.jenis_pegawai,
        employees.kedudukan_hukum,
        kedudukan_hukum.counts_as_asn,
        employees.tmt_cpns,
        employees.tmt_pns,
        employees.golongan,
        golongan.kelompok as golongan_kelompok,
        employees.eselon,
        eselon.jenjang as jenjang_jabatan,
        employees.jenis_jabatan as jenis_jabatan_reported,
        case
            when employees.eselon is not null then 'struktural'
            when employees.jenis_jabatan is not null then employees.jenis_jabatan
            when jabatan_rumpun.rumpun is not null then 'fungsional'
            else 'pelaksana'
        end as jenis_jabatan,
        employees.jabatan_nama,
        jabatan_rumpun.rumpun as jabatan_rumpun,
        employees.tingkat_pendidikan,
        pendidikan.kelompok_profil as pendidikan_kelompok

    from employees
    left join kedudukan_hukum
        on employees.kedudukan_hukum = kedudukan_hukum.kedudukan_hukum
    left join eselon
        on employees.eselon = eselon.eselon
    left join golongan
        on employees.golongan = golongan.golongan
    left join pendidikan
        on employees.tingkat_pendidikan = pendidikan.kode
    left join jabatan_rumpun
        on employees.jabatan_nama = jabatan_rumpun.jabatan_nama

),

final as (

    select
        employee_key,
        data_date,
        batch_id,
        pd_name,
        unor_nama,
        jenis_kelamin,
        tanggal_lahir,
        jenis_pegawai,
        kedudukan_hukum,
        counts_as_asn,
        tmt_cpns,
        tmt_pns,
        golongan,
        golongan_kelompok,
        eselon,
        jenjang_jabatan,
        jenis_jabatan_reported,
        jenis_jabatan,
        jabatan_nama,
        -- A JF whose name matches no seed entry is counted as JF Teknis Lainnya.
        case
            when jenis_jabatan = 'fungsional' then coalesce(jabatan_rumpun, 'teknis')
        end as jf_rumpun,
        tingkat_pendidikan,
        pendidikan_kelompok

    from resolved

)

select * from final
