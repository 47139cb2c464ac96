"""Entry point: ``terpilah run | validate | sample | demo``."""

from __future__ import annotations

import typer

from terpilah.cli import backfill, demo, docs, report, run, sample, serve, validate

app = typer.Typer(
    name="terpilah", no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False,
    help="Sex-disaggregated data warehouse of Kabupaten Bengkayang (PUG / APE).")
app.command("run")(run.run)
app.command("backfill")(backfill.backfill)
app.command("validate")(validate.validate)
app.command("docs")(docs.docs)
app.command("report")(report.report)
app.command("serve")(serve.serve)
app.command("sample")(sample.sample)
app.command("demo")(demo.demo)

if __name__ == "__main__":
    app()
