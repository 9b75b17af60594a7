"""CL41xx: Compose file layout and style, after dclint: key order, quoting, project fields."""

RULE_MODULES: tuple[str, ...] = (
    "no_build_and_image",
    "no_duplicate_container_names",
    "no_duplicate_exported_ports",
    "no_unbound_port_interfaces",
    "no_quotes_in_volumes",
    "no_version_field",
    "require_project_name_field",
    "require_quotes_in_ports",
    "service_container_name_regex",
    "service_dependencies_alphabetical_order",
    "service_keys_order",
    "service_ports_alphabetical_order",
    "services_alphabetical_order",
    "top_level_properties_order",
)
