"""CL4xxx: reliability and resources (health checks, restart policies, limits)."""

RULE_MODULES: tuple[str, ...] = ()
