"""CL40xx: Compose projects: loading (interpolation, extends, include, env files) and references
between services and top-level resources (depends_on, volumes_from, network_mode, ...)."""

RULE_MODULES: tuple[str, ...] = (
    # CL4001-CL4005: loading the project (helper H1)
    "unset_compose_variable",
    "invalid_interpolation",
    "missing_extends_target",
    "extends_cycle",
    "missing_include_target",
    # CL4010-CL4016: references between services (helper H4)
    "undefined_dependency",
    "dependency_cycle",
    "healthy_condition_without_healthcheck",
    "dependency_disabled_by_profile",
    "missing_env_file",
    "undefined_service_reference",
    "container_name_with_replicas",
)
