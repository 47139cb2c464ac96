"""Run a source's GX suite on a normalised batch and turn the result into a verdict."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from expectations.suites import ROW_ACCEPTED, build_suite, condition_text, judged_frame
from ingest.spec import SourceSpec

os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")


@dataclass
class Verdict:
    """The file-level judgement: accepted, or rejected with reasons a person can read."""

    accepted: bool
    reasons: list[str] = field(default_factory=list)
    expectations: int = 0
    failed: int = 0


class Judge:
    """One GX context for a run. ``gx_dir=None`` gives an ephemeral context (no Data Docs),
    as used by ``terpilah validate``; else results go to Data Docs under ``gx_dir``."""

    def __init__(self, gx_dir: Path | None, max_reject_share: float) -> None:
        import great_expectations as gx
        from great_expectations.data_context.types.base import ProgressBarsConfig

        self._gx = gx
        self.max_reject_share = max_reject_share
        if gx_dir is None:
            self.context: Any = gx.get_context(mode="ephemeral")
        else:
            gx_dir.mkdir(parents=True, exist_ok=True)
            self.context = gx.get_context(mode="file", project_root_dir=str(gx_dir))
        self.context.variables.progress_bars = ProgressBarsConfig(globally=False)
        self.docs = gx_dir is not None
        self._checkpoints: dict[str, Any] = {}

    def _checkpoint(self, spec: SourceSpec) -> Any:
        if spec.name in self._checkpoints:
            return self._checkpoints[spec.name]
        gx = self._gx
        # Fetch the data source if it exists: add_or_update would drop the assets of the
        # sources judged before, and their cached checkpoints would then fail.
        try:
            source = self.context.data_sources.get("terpilah")
        except (KeyError, LookupError, ValueError):
            source = self.context.data_sources.add_pandas(name="terpilah")
        try:
            asset = source.get_asset(spec.name)
        except LookupError:
            asset = source.add_dataframe_asset(name=spec.name)
        try:
            batch = asset.get_batch_definition("normalised")
        except (KeyError, LookupError):
            batch = asset.add_batch_definition_whole_dataframe("normalised")
        suite = self.context.suites.add_or_update(build_suite(spec, self.share(spec)))
        definition = self.context.validation_definitions.add_or_update(
            gx.ValidationDefinition(name=f"{spec.name}_batch", data=batch, suite=suite))
        # No UpdateDataDocsAction: it rebuilds the whole site (every stored result) after each
        # file, which cost more than the validation itself; ``publish_docs`` builds it once.
        checkpoint = self.context.checkpoints.add_or_update(gx.Checkpoint(
            name=f"{spec.name}_batch", validation_definitions=[definition], actions=[],
            result_format="SUMMARY"))
        self._checkpoints[spec.name] = checkpoint
        return checkpoint

    def publish_docs(self) -> None:
        """Rebuild the Data Docs site once from every stored validation result (a run's
        results included); nothing to do for an ephemeral context."""
        if self.docs:
            self.context.build_data_docs()

    def share(self, spec: SourceSpec) -> float:
        """The rejected-row share above which a file of ``spec`` is rejected."""
        return self.max_reject_share if spec.max_reject_share is None else spec.max_reject_share

    def judge(self, spec: SourceSpec, values: pd.DataFrame, rejected: pd.Series,
              run_name: str) -> Verdict:
        """Validate the normalised rows of one file (all rows, with their outcome flag)."""
        frame = judged_frame(spec, values, rejected)
        result = self._checkpoint(spec).run(
            batch_parameters={"dataframe": frame},
            run_id=self._gx.RunIdentifier(run_name=run_name))
        validation = next(iter(result.run_results.values()))
        reasons = [_reason(r, spec, self.share(spec))
                   for r in validation.results if not r.success]
        return Verdict(bool(result.success), reasons, len(validation.results), len(reasons))


def _reason(result: Any, spec: SourceSpec, max_share: float) -> str:
    config = result.expectation_config
    kwargs = config.kwargs
    column = kwargs.get("column")
    pct = result.result.get("unexpected_percent") or 0.0
    if column == ROW_ACCEPTED:
        return (f"{pct:.1f} % of the rows are rejected (more than {max_share:.0%}): the whole "
                "file is held back. Fix the rows listed and send it again.")
    if config.type == "expect_table_row_count_to_be_between":
        return "The file has no data rows."
    if config.type == "expect_column_values_to_not_be_null":
        where = condition_text(spec.column(column))
        rows = f"the accepted rows {where}" if where else "the accepted rows"
        return (f"Column {column}: {pct:.1f} % of {rows} are blank or not understood. Fill "
                "it in and send the file again.")
    return f"Column {column}: {pct:.1f} % of the values are outside the code list."
