"""Checks of category figures (see rules/figures/)."""
