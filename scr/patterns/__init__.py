"""Patterns across reviews: aggregation in SQL and disclosure control."""
