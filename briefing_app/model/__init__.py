"""The domain model: plain dataclasses and validation, standard library only."""
