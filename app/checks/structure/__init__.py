"""Checks of category structure (see rules/structure/)."""
