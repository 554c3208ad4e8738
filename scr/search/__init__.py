"""Full-text search across the reviews a caller may see, in the engine's own index."""
