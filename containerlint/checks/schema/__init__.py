"""CL80xx: schema validation (the Compose specification, Kubernetes OpenAPI and CRD schemas)."""

RULE_MODULES: tuple[str, ...] = ()
