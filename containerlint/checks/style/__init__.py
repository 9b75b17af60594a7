"""CL35xx: style and legacy syntax, after Docker BuildKit's build checks (``docker build --check``):
casing of stage names, keywords and protocols, and the legacy ``ENV key value`` form."""

RULE_MODULES: tuple[str, ...] = (
    "uppercase_stage_name",
    "from_as_casing_mismatch",
    "inconsistent_instruction_casing",
    "legacy_key_value_format",
    "uppercase_expose_protocol",
    "workdir_relative_to_base_image",
    "secret_named_arg_or_env",
)
