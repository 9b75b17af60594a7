"""CL7xxx: consistency across objects and files."""

RULE_MODULES: tuple[str, ...] = (
    "undefined_compose_resource",
    "service_selects_no_pods",
    "selector_template_mismatch",
    "copy_ignored_file",
)
