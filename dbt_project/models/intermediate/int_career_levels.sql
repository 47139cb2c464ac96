-- The five levels of the career pyramid (leaky pipeline), bottom to top, and how each is
-- recognised: by the Tabel 4.1 jabatan row of int_employees_bucketed (extract rows) or by the
-- resolved jenis_jabatan and the eselon's jenjang (seed ref_eselon; snapshot versions).
-- The one place that ranks the levels: pyramid and cohorts both read it.
with

levels (level_rank, level_code, level_name, jabatan_sub_kategori, jenis_jabatan,
    jenjang_jabatan) as (

    values
        (1, 'pelaksana', 'Pelaksana', 'Pelaksana', 'pelaksana', null),
        (2, 'fungsional', 'Jabatan Fungsional', 'Jabatan Fungsional (Total)', 'fungsional',
            null),
        (3, 'pengawas', 'Pengawas (Eselon IV)', 'Pengawas (Eselon IV)', 'struktural',
            'Pengawas'),
        (4, 'administrator', 'Administrator (Eselon III)', 'Administrator (Eselon III)',
            'struktural', 'Administrator'),
        (5, 'jpt_pratama', 'JPT Pratama (Eselon II)', 'JPT Pratama (Eselon II)', 'struktural',
            'JPT Pratama')

),

final as (

    select
        cast(level_rank as integer) as level_rank,
        cast(level_code as varchar) as level_code,
        cast(level_name as varchar) as level_name,
        cast(jabatan_sub_kategori as varchar) as jabatan_sub_kategori,
        cast(jenis_jabatan as varchar) as jenis_jabatan,
        cast(jenjang_jabatan as varchar) as jenjang_jabatan

    from levels

)

select * from final
