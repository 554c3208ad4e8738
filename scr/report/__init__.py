"""The review report: the document the Board publishes, made from the record."""
