"""Synthetic SIMPEG/SIASN employee extracts of Kabupaten Bengkayang, for demos, tests and
benchmarks: ``generate_sample(out)`` writes month-end files and a manifest of injected flaws.
"""

from terpilah.sample.flaws import EXPECTED, KINDS, Flaw
from terpilah.sample.generate import LAYOUTS, file_layout, generate_sample, month_ends
from terpilah.sample.manifest import MANIFEST_NAME, SampleFile, SampleManifest

__all__ = [
    "EXPECTED",
    "KINDS",
    "LAYOUTS",
    "MANIFEST_NAME",
    "Flaw",
    "SampleFile",
    "SampleManifest",
    "file_layout",
    "generate_sample",
    "month_ends",
]
