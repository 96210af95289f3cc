"""Errors a user can act on. The CLI prints them as one line and exits 2; the web app shows them."""


class PressroomError(Exception):
    """Base class: message is shown to the user as is."""


class InputError(PressroomError):
    """A draft or release file that cannot be read (missing, wrong type, corrupted, too large...)."""


class UsageError(PressroomError):
    """Wrong command-line usage or configuration."""


class RuleError(PressroomError):
    """A rule file that is not valid."""


class OverBudget(InputError):
    """Checking a document took longer than the time it was given (the web app's per-document budget)."""
