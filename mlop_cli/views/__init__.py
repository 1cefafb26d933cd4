"""Terminal renderings of runs (rich): tables for ``ls``, ``show``, ``compare``."""
