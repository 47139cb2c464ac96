-- Within every table (data_date, scope, pd_name), each group of rows adds up to its parent row,
-- for pria, wanita and total alike. Each rule lists its rows with +1 and the parent with -1;
-- a table fails a rule when the signed sum is not zero. Labels are written out here on
-- purpose (not read from the seed) so that the seed is checked too.
with

profile as (

    select * from {{ ref('asn_profile') }}

),

rules (rule_name, sub_kategori, coefficient) as (

    values
        ('status = total', 'PNS', 1),
        ('status = total', 'PPPK', 1),
        ('status = total', 'Total ASN', -1),
        ('jabatan = total', 'JPT Pratama (Eselon II)', 1),
        ('jabatan = total', 'Administrator (Eselon III)', 1),
        ('jabatan = total', 'Pengawas (Eselon IV)', 1),
        ('jabatan = total', 'Pelaksana', 1),
        ('jabatan = total', 'Jabatan Fungsional (Total)', 1),
        ('jabatan = total', 'Total ASN', -1),
        ('jf rumpun = jf total', 'JF Guru', 1),
        ('jf rumpun = jf total', 'JF Kesehatan', 1),
        ('jf rumpun = jf total', 'JF Teknis Lainnya', 1),
        ('jf rumpun = jf total', 'Jabatan Fungsional (Total)', -1),
        ('golongan = pns', 'Golongan IV', 1),
        ('golongan = pns', 'Golongan III', 1),
        ('golongan = pns', 'Golongan II', 1),
        ('golongan = pns', 'Golongan I', 1),
        ('golongan = pns', 'PNS', -1),
        ('pendidikan = total', 'S3/S2', 1),
        ('pendidikan = total', 'S1/D4', 1),
        ('pendidikan = total', 'D3/D2/D1', 1),
        ('pendidikan = total', 'SLTA ke bawah', 1),
        ('pendidikan = total', 'Total ASN', -1),
        ('usia = total', '> 50 tahun', 1),
        ('usia = total', '41 - 50 tahun', 1),
        ('usia = total', '31 - 40 tahun', 1),
        ('usia = total', '<= 30 tahun', 1),
        ('usia = total', 'Total ASN', -1),
        ('masa kerja = total', '> 15 tahun', 1),
        ('masa kerja = total', '6 - 15 tahun', 1),
        ('masa kerja = total', '0 - 5 tahun', 1),
        ('masa kerja = total', 'Total ASN', -1)

),

rule_sizes as (

    select rule_name, count(*) as n_rule_rows from rules group by rule_name

),

checked as (

    select
        profile.data_date,
        profile.scope,
        profile.pd_name,
        rules.rule_name,
        count(*) as n_rows_found,
        sum(rules.coefficient * profile.pria) as pria_difference,
        sum(rules.coefficient * profile.wanita) as wanita_difference,
        sum(rules.coefficient * profile.total) as total_difference

    from profile
    inner join rules
        on profile.sub_kategori = rules.sub_kategori
    group by profile.data_date, profile.scope, profile.pd_name, rules.rule_name

)

select checked.*
from checked
inner join rule_sizes
    on checked.rule_name = rule_sizes.rule_name
where checked.n_rows_found <> rule_sizes.n_rule_rows
    or checked.pria_difference <> 0
    or checked.wanita_difference <> 0
    or checked.total_difference <> 0
