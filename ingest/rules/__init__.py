"""Row rules: vectorised checks that reject rows or record data-quality findings."""
