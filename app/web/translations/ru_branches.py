"""Russian UI strings that were written straight into messages.po on a branch (merged here so a
rebuild from ru.py keeps them)."""
RU_BRANCHES = {
}
PLURALS_BRANCHES = {
}
