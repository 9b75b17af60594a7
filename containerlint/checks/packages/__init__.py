"""CL31xx: OS package managers (apt-get, apk, yum, dnf, zypper): pins, prompts, caches."""

RULE_MODULES: tuple[str, ...] = (
    "unpinned_apt_package",
    "apt_lists_not_deleted",
    "apt_get_missing_yes",
    "apt_get_installs_recommends",
    "unpinned_apk_package",
    "apk_missing_no_cache",
    "apt_instead_of_apt_get",
    "yum_missing_yes",
    "yum_cache_not_cleaned",
    "unpinned_yum_package",
    "zypper_missing_non_interactive",
    "zypper_dist_upgrade",
    "zypper_cache_not_cleaned",
    "unpinned_zypper_package",
    "dnf_missing_yes",
    "dnf_cache_not_cleaned",
    "unpinned_dnf_package",
)
