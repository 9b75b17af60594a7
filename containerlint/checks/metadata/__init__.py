"""CL33xx: image metadata (labels and their schema)."""

RULE_MODULES: tuple[str, ...] = (
    "invalid_label_key",
    "missing_label",
    "superfluous_label",
    "empty_label",
    "label_not_url",
    "label_not_rfc3339",
    "label_not_spdx",
    "label_not_git_hash",
    "label_not_semver",
    "label_not_email",
)
