"""CL36xx: build arguments and variables, after Docker BuildKit's build checks
(``docker build --check``): undeclared ARGs and variables, ARG defaults that make an invalid
base image, and constant FROM platforms."""

RULE_MODULES: tuple[str, ...] = (
    "undefined_arg_in_from",
    "undefined_variable",
    "invalid_default_arg_in_from",
    "constant_from_platform",
)
