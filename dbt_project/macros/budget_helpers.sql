{#- Helpers of the budget / ARG models.

    name_key(expr): the key PD names are compared by: upper case, letters A-Z only
    ("Dinas P3A, Kab." -> "DINASPAKAB"). Portable (regexp_replace with the 'g' flag); the
    Python side (warehouse/match_arg.py) computes the same key.

    exact_percentage_of(numerator, denominator, decimals=1): 100 * numerator / denominator
    rounded half up to `decimals` places, as decimal(3 + decimals, decimals); null when the
    denominator is 0. For non-negative amounts with at most 2 decimals (Rupiah) and counts.
    Unlike percentage_of it never goes through a float: DuckDB divides decimals as DOUBLE,
    which rounds ties such as 12.345 differently from PostgreSQL's numeric. Here both
    backends compute floor((2 * 10^(2 + decimals) * N + D) / (2 * D)) on the whole cents
    N and D, an exact integer division (dispatched macro integer_divide), and scale the
    quotient back with a decimal multiplication. The cast wraps the whole CASE so that
    PostgreSQL keeps the precision and scale in the column type (a CASE with a null branch
    drops them).

    integer_divide(dividend, divisor): floor of the quotient of two non-negative whole
    numbers, exact: `//` on HUGEINT in DuckDB, div() on numeric in PostgreSQL. -#}
{% macro name_key(expr) -%}
    regexp_replace(upper({{ expr }}), '[^A-Z]', '', 'g')
{%- endmacro %}

{% macro exact_percentage_of(numerator, denominator, decimals=1) -%}
    {%- set cents_numerator = "cast(round((" ~ numerator ~ ") * 100) as decimal(38, 0))" -%}
    {%- set cents_denominator = "cast(round((" ~ denominator ~ ") * 100) as decimal(38, 0))" -%}
    {%- set scale = 10 ** (2 + decimals) -%}
    {%- set unit = "0." ~ ("0" * (decimals - 1)) ~ "1" if decimals > 0 else "1" -%}
    cast(
        case
            when ({{ denominator }}) = 0 then null
            else {{ integer_divide(
                "2 * " ~ scale ~ " * " ~ cents_numerator ~ " + " ~ cents_denominator,
                "2 * " ~ cents_denominator) }} * {{ unit }}
        end
        as decimal({{ 3 + decimals }}, {{ decimals }})
    )
{%- endmacro %}

{% macro integer_divide(dividend, divisor) -%}
    {{ return(adapter.dispatch('integer_divide', 'terpilah')(dividend, divisor)) }}
{%- endmacro %}

{% macro default__integer_divide(dividend, divisor) -%}
    {{ exceptions.raise_compiler_error(
        "integer_divide() has no implementation for adapter " ~ adapter.type()) }}
{%- endmacro %}

{% macro duckdb__integer_divide(dividend, divisor) -%}
    (cast({{ dividend }} as hugeint) // cast({{ divisor }} as hugeint))
{%- endmacro %}

{% macro postgres__integer_divide(dividend, divisor) -%}
    div(cast({{ dividend }} as numeric), cast({{ divisor }} as numeric))
{%- endmacro %}
