"""The ``terpilah`` command line: each command is a module; commands only start flows."""
