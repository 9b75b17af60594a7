"""CL5xxx: secrets and configuration."""

RULE_MODULES: tuple[str, ...] = (
    "secret_in_environment",
    "sensitive_arg_or_env",
    "credential_in_arg_or_env",
    "secret_file_copied",
    "secret_passed_as_arg",
    # CL5030-CL5034: Compose env files and Kubernetes (helper H4)
    "secret_in_env_file",
    "secret_in_tracked_dotenv",
    "committed_kubernetes_secret",
    "credential_in_config_map",
    "read_secret_from_env_var",
)
