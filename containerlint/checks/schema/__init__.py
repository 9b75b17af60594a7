"""CL80xx: schema validation (the Compose specification, Kubernetes OpenAPI and CRD schemas)."""

RULE_MODULES: tuple[str, ...] = (
    "invalid_compose_schema",
    "invalid_compose_value",
    # Kubernetes (CL8010-CL8019)
    "invalid_kubernetes_schema",
    "removed_api_version",
    "unknown_custom_resource",
)
