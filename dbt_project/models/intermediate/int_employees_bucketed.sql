{{ config(materialized='table') }}

-- Each employee on each extract date with age and years of service in completed years on that
-- date and, per dimension of Tabel 4.1 (Profil Statistik ASN), the row (sub_kategori) the
-- person falls in. The labels are the public sub_kategori strings of ref_asn_profile_rows.
-- The birth date stops here: only age_years leaves this model.
with

employees as (

    select * from {{ ref('int_employees_classified') }}

),

measured as (

    select
        *,
        {{ completed_years('tanggal_lahir', 'data_date') }} as age_years,
        -- A TMT after the extract date (appointment already recorded) counts as 0 years.
        greatest(0, {{ completed_years('tmt_cpns', 'data_date') }}) as service_years

    from employees

),

bucketed as (

    select
        employee_key,
        data_date,
        batch_id,
        pd_name,
        unor_nama,
        jenis_kelamin,
        counts_as_asn,
        jenis_pegawai,
        kedudukan_hukum,
        golongan,
        golongan_kelompok,
        eselon,
        jenjang_jabatan,
        jenis_jabatan,
        jabatan_nama,
        jf_rumpun,
        tingkat_pendidikan,
        pendidikan_kelompok,
        tmt_cpns,
        age_years,
        service_years,

        case
            when jenis_pegawai in ('PNS', 'CPNS') then 'PNS'
            when jenis_pegawai = 'PPPK' then 'PPPK'
        end as status_sub_kategori,

        case
            when jenis_jabatan = 'struktural' and jenjang_jabatan = 'JPT Pratama'
                then 'JPT Pratama (Eselon II)'
            when jenis_jabatan = 'struktural' and jenjang_jabatan = 'Administrator'
                then 'Administrator (Eselon III)'
            when jenis_jabatan = 'struktural' and jenjang_jabatan = 'Pengawas'
                then 'Pengawas (Eselon IV)'
            when jenis_jabatan = 'pelaksana' then 'Pelaksana'
            when jenis_jabatan = 'fungsional' then 'Jabatan Fungsional (Total)'
        end as jabatan_sub_kategori,

        case jf_rumpun
            when 'guru' then 'JF Guru'
            when 'kesehatan' then 'JF Kesehatan'
            when 'teknis' then 'JF Teknis Lainnya'
        end as jf_rumpun_sub_kategori,

        -- Golongan rows of the profile cover PNS (incl. CPNS) only.
        case
            when jenis_pegawai in ('PNS', 'CPNS') and golongan_kelompok is not null
                then 'Golongan ' || golongan_kelompok
        end as golongan_sub_kategori,

        pendidikan_kelompok as pendidikan_sub_kategori,

        case
            when age_years <= 30 then '<= 30 tahun'
            when age_years <= 40 then '31 - 40 tahun'
            when age_years <= 50 then '41 - 50 tahun'
            else '> 50 tahun'
        end as usia_sub_kategori,

        case
            when service_years <= 5 then '0 - 5 tahun'
            when service_years <= 15 then '6 - 15 tahun'
            else '> 15 tahun'
        end as masa_kerja_sub_kategori

    from measured

)

select * from bucketed
