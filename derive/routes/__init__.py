"""Scripted derivations: an author names the route, the engine performs and checks each step."""
