"""Checks of category consistency (see rules/consistency/)."""
