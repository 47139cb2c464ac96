"""Great Expectations suites, generated from the source descriptions, that judge each batch."""
