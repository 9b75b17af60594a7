"""CL2xxx: privilege and isolation (users, capabilities, host namespaces)."""

RULE_MODULES: tuple[str, ...] = ()
