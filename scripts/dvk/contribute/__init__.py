"""Writing new exemplar files for contributors: `dvk new` and `dvk import-issue`."""
