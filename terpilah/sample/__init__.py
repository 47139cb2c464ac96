"""Synthetic SIMPEG/SIASN employee extracts of Kabupaten Bengkayang, for demos, tests and
benchmarks: ``generate_sample(out)`` writes month-end files and a manifest of injected flaws;
``generate_sample(out, training=True)`` adds training attendance lists (``TrainingFile``),
``generate_sample(out, literacy=True)`` digital-literacy participant lists (``LiteracyFile``).
"""

from terpilah.sample.flaws import EXPECTED, KINDS, Flaw
from terpilah.sample.generate import LAYOUTS, file_layout, generate_sample, month_ends
from terpilah.sample.literacy_flaws import LITERACY_EXPECTED, LITERACY_KINDS
from terpilah.sample.manifest import (
    MANIFEST_NAME,
    LiteracyFile,
    SampleFile,
    SampleManifest,
    TrainingFile,
)

__all__ = [
    "EXPECTED",
    "KINDS",
    "LAYOUTS",
    "LITERACY_EXPECTED",
    "LITERACY_KINDS",
    "MANIFEST_NAME",
    "Flaw",
    "LiteracyFile",
    "SampleFile",
    "SampleManifest",
    "TrainingFile",
    "file_layout",
    "generate_sample",
    "month_ends",
]
