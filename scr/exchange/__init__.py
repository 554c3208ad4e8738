"""National learning exchange: what may leave a partnership, and how it is checked."""
