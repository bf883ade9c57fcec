"""Data files (label schema, lexicons, guidelines, translations), loaded with importlib.resources."""
