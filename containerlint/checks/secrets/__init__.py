"""CL5xxx: secrets and configuration."""

RULE_MODULES: tuple[str, ...] = (
    "secret_in_environment",
    "sensitive_arg_or_env",
    "credential_in_arg_or_env",
    "secret_file_copied",
    "secret_passed_as_arg",
)
