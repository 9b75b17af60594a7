"""CL2xxx: privilege and isolation (users, capabilities, host namespaces)."""

RULE_MODULES: tuple[str, ...] = (
    "last_user_is_root",
    "sudo_in_run",
    "non_numeric_user",
    "missing_user",
    "world_writable_mode",
    "sudo_installed",
)
