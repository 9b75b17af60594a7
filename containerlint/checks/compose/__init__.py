"""CL40xx: Compose projects: loading (interpolation, extends, include, env files) and references
between services and top-level resources (depends_on, volumes_from, network_mode, ...)."""

RULE_MODULES: tuple[str, ...] = ()
