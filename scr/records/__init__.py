"""A review's records across their tables: their names as the method gives them (``names``),
and writing them in bulk, one statement per table, shared by the corpus loader and the
national import (``write``)."""
