"""The developers' benchmarks and synthetic projects (`make bench`); not part of the dvk package."""
