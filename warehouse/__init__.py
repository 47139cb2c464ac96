"""Load: the warehouse (an embedded DuckDB file by default) and its raw, audit and restricted
schemas. dbt builds staging, intermediate and marts on top (see ``dbt_project/``)."""
