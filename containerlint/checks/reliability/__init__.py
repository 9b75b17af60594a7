"""CL42xx: reliability and resources (health checks and probes, restart policies, limits)."""

RULE_MODULES: tuple[str, ...] = ()
