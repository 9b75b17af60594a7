"""CL6xxx: networking (ports, exposure)."""

RULE_MODULES: tuple[str, ...] = ()
