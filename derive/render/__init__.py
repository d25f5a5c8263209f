"""Rendering: a LaTeX printer that keeps written forms, and the formats built on it."""
