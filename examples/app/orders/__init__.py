"""The orders service (just enough code for the example image to make sense)."""
