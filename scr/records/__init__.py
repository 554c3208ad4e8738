"""Writing a review's records in bulk: one statement per table, shared by the corpus loader
and the national import."""
