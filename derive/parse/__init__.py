"""Readers of user text. Nothing here passes user text to eval, sympify or parse_expr."""
