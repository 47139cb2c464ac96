-- Every kept class attendance (int_literacy_attendances) placed in its reporting periods and
-- program scopes: 4 rows per attendance (month and year; its own program and 'Semua program').
-- latest_rank = 1 marks a person's latest attendance within a (period_type, period, program):
-- the row whose sex, kecamatan, age group, occupation and disability describe the person for
-- that period. Counting latest_rank = 1 rows counts unique participants.
with

attendances as (

    select * from {{ ref('int_literacy_attendances') }}

),

periods as (

    select
        'month' as period_type,
        cast(date_trunc('month', class_date) as date) as period,
        attendances.*
    from attendances

    union all

    select
        'year' as period_type,
        cast(date_trunc('year', class_date) as date) as period,
        attendances.*
    from attendances

),

scoped as (

    select
        periods.*,
        program as program_scope
    from periods

    union all

    select
        periods.*,
        'Semua program' as program_scope
    from periods

),

ranked as (

    select
        cast(period_type as varchar) as period_type,
        cast(period as date) as period,
        cast(program_scope as varchar) as program_scope,
        program,
        class_key,
        class_date,
        participant_key,
        identified_by,
        jenis_kelamin,
        kecamatan,
        age_group,
        coalesce(pekerjaan, 'tidak diketahui') as pekerjaan,
        coalesce(disabilitas, 'tidak diketahui') as disabilitas,
        row_number() over (
            partition by period_type, period, program_scope, participant_key
            order by class_date desc, program desc, kecamatan desc
        ) as latest_rank

    from scoped

)

select * from ranked
