"""CL1xxx: image provenance (tags, digests, registries)."""

RULE_MODULES: tuple[str, ...] = ("unpinned_image",)
