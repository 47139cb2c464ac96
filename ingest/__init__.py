"""Extract: read landing files, normalise values to canonical forms, judge each row."""
