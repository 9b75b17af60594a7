"""CL33xx: image metadata (labels and their schema)."""

RULE_MODULES: tuple[str, ...] = ()
