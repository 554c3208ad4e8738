"""The records that are the causal graph's nodes (episodes, factors, findings), as one."""
