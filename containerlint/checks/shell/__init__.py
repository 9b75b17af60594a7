"""CL34xx: commands RUN should not run, and how it runs them."""

RULE_MODULES: tuple[str, ...] = (
    "pointless_command_in_container",
    "cd_instead_of_workdir",
    "useradd_lastlog_bloat",
    "wget_without_progress",
    "both_curl_and_wget",
    "ln_over_bin_sh",
    "pipe_without_pipefail",
    "shellcheck",
)
