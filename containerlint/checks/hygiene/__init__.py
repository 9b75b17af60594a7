"""CL37xx: build hygiene (build context, layer caching, unused stages, system upgrades)."""

RULE_MODULES: tuple[str, ...] = (
    "system_upgrade",
    "copy_all_before_install",
    "missing_dockerignore",
    "secret_file_in_context",
    "unused_stage",
)
