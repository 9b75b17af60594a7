"""CL32xx: language package managers and download tools (pip, npm, yarn, gem, go, curl, wget)."""

RULE_MODULES: tuple[str, ...] = (
    "unpinned_pip_package",
    "unpinned_npm_package",
    "unpinned_gem",
    "unpinned_go_package",
    "pip_cache_not_disabled",
    "yarn_cache_not_cleaned",
)
