"""Benchmarks: run with `make bench` (see benchmarks/README.md)."""
