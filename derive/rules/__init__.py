"""Rules: each a small object with a name, a sentence, and a rewrite of a whole expression."""
