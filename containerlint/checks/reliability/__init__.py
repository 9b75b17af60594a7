"""CL42xx: reliability and resources (health checks and probes, restart policies, limits)."""

RULE_MODULES: tuple[str, ...] = (
    "no_liveness_probe",
    "no_readiness_probe",
    "liveness_port",
    "readiness_port",
    "startup_port",
    "unset_cpu_requirements",
    "unset_memory_requirements",
    "restart_policy",
    "job_ttl_seconds_after_finished",
    "missing_restart_policy",
    "no_healthcheck_on_dependency",
)
