"""CL6xxx: networking (ports, exposure)."""

RULE_MODULES: tuple[str, ...] = ("expose_host_mapping",)
