"""CL1xxx: image provenance (tags, digests, registries)."""

RULE_MODULES: tuple[str, ...] = (
    "unpinned_image",
    "untrusted_registry",
    "hardcoded_platform",
    "redundant_target_platform",
)
