"""Tests, organised by feature."""
