"""Findings that come back: a finding linked to an earlier one like it ("found before in ...")."""
