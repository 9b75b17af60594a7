"""CL31xx: OS package managers (apt-get, apk, yum, dnf, zypper): pins, prompts, caches."""

RULE_MODULES: tuple[str, ...] = ()
