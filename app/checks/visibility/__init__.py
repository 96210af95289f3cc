"""Checks of category visibility (see rules/visibility/)."""
