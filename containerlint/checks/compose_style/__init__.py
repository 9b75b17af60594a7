"""CL41xx: Compose file layout and style, after dclint: key order, quoting, project fields."""

RULE_MODULES: tuple[str, ...] = ()
