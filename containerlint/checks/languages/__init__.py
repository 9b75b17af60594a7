"""CL32xx: language package managers and download tools (pip, npm, yarn, gem, go, curl, wget)."""

RULE_MODULES: tuple[str, ...] = ()
