"""The national typology of problems: versioned data and a validating loader.

Imports nothing of ``scr`` or ``api``; they build on it, never the other way round.
"""
