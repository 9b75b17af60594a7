"""CL5xxx: secrets and configuration."""

RULE_MODULES: tuple[str, ...] = ("secret_in_environment", "sensitive_arg_or_env")
