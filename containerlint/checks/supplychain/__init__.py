"""CL102x-CL104x: supply chain of what a build fetches (remote files, scripts, TLS, signatures, digests)."""

RULE_MODULES: tuple[str, ...] = (
    "add_url_without_checksum",
    "remote_script_executed",
    "tls_verification_disabled",
    "signature_check_disabled",
    "image_without_digest",
)
