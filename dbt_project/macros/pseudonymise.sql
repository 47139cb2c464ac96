{#- HMAC-SHA256 of a value with the warehouse key, computed inside the database so that the
    key never leaves restricted.pseudonym_key and the raw NIP never leaves the staging view.
    `key_alias` names the joined pseudonym_key row (columns ipad, opad: the key XORed with the
    inner and outer pads). Dispatched so that postgres can bring its own implementation. -#}
{% macro pseudonymise(expr, key_alias='pseudonym_key') -%}
    {{ return(adapter.dispatch('pseudonymise', 'terpilah')(expr, key_alias)) }}
{%- endmacro %}

{% macro default__pseudonymise(expr, key_alias) -%}
    {{ exceptions.raise_compiler_error(
        "pseudonymise() has no implementation for adapter " ~ adapter.type()) }}
{%- endmacro %}

{% macro duckdb__pseudonymise(expr, key_alias) -%}
    sha256({{ key_alias }}.opad || unhex(sha256({{ key_alias }}.ipad || encode({{ expr }}))))
{%- endmacro %}

{% macro postgres__pseudonymise(expr, key_alias) -%}
    encode(sha256({{ key_alias }}.opad || sha256({{ key_alias }}.ipad
        || convert_to({{ expr }}, 'UTF8'))), 'hex')
{%- endmacro %}
