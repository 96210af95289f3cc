"""Checks of category contact (see rules/contact/)."""
