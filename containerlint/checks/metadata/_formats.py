"""Validators for the value types of a label schema, each written from its specification.

* URL: an absolute URI of RFC 3986 (``scheme:`` required, fragment allowed, ASCII only).
* RFC 3339: ``date-time`` of section 5.6, ``T``/``Z`` in either case, leap second 60.
* Semantic version: semver.org 2.0.0, no leading zeros, no ``v`` prefix.
* Git hash: a short (7) or full (40) lower-case SHA-1 hex, as hadolint accepts.
* SPDX: a license expression over the SPDX license list (``packaging.licenses``).
* Email: an RFC 5322 ``addr-spec``, comments and folding white space around its parts allowed.
"""

from __future__ import annotations

import ipaddress
import re

# URL (RFC 3986) -----------------------------------------------------------------------------

_PCT = r"%[0-9A-Fa-f]{2}"
_UNRESERVED_SUB = r"A-Za-z0-9\-._~!$&'()*+,;="
_PCHAR = rf"(?:[{_UNRESERVED_SUB}:@]|{_PCT})"
_SEGMENT = rf"{_PCHAR}*"
_SEGMENT_NZ = rf"{_PCHAR}+"
_USERINFO = rf"(?:[{_UNRESERVED_SUB}:]|{_PCT})*"
_REG_NAME = rf"(?:[{_UNRESERVED_SUB}]|{_PCT})*"
_AUTHORITY = rf"(?:{_USERINFO}@)?(?:\[(?P<literal>[^\]/]*)\]|{_REG_NAME})(?::[0-9]*)?"
_HIER_PART = (
    rf"(?://{_AUTHORITY}(?:/{_SEGMENT})*"  # "//" authority path-abempty
    rf"|/(?:{_SEGMENT_NZ}(?:/{_SEGMENT})*)?"  # path-absolute
    rf"|{_SEGMENT_NZ}(?:/{_SEGMENT})*"  # path-rootless
    r"|)"  # path-empty
)
_QUERY = rf"(?:{_PCHAR}|[/?])*"
_URI_RE = re.compile(rf"[A-Za-z][A-Za-z0-9+.\-]*:{_HIER_PART}(?:\?{_QUERY})?(?:#{_QUERY})?")
_IPV_FUTURE_RE = re.compile(rf"[vV][0-9A-Fa-f]+\.[{_UNRESERVED_SUB}:]+")
_ZONE_ID_RE = re.compile(rf"(?:[A-Za-z0-9\-._~]|{_PCT})+")


def is_url(value: str) -> bool:
    match = _URI_RE.fullmatch(value)
    if match is None:
        return False
    literal = match.group("literal")
    return literal is None or _is_ip_literal(literal)


def _is_ip_literal(text: str) -> bool:
    if _IPV_FUTURE_RE.fullmatch(text):
        return True
    address, zone_marker, zone = text.partition("%25")  # an RFC 6874 zone id: [fe80::1%25eth0]
    if zone_marker and not _ZONE_ID_RE.fullmatch(zone):
        return False
    if "%" in address:
        return False
    try:
        ipaddress.IPv6Address(address)
    except ValueError:
        return False
    return True


# RFC 3339 -----------------------------------------------------------------------------------

_RFC3339_RE = re.compile(
    r"(?P<year>[0-9]{4})-(?P<month>[0-9]{2})-(?P<day>[0-9]{2})[Tt]"
    r"(?P<hour>[0-9]{2}):(?P<minute>[0-9]{2}):(?P<second>[0-9]{2})(?:\.[0-9]+)?"
    r"(?:[Zz]|[+-](?P<offset_hour>[0-9]{2}):(?P<offset_minute>[0-9]{2}))"
)
_DAYS_IN_MONTH = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def is_rfc3339(value: str) -> bool:
    match = _RFC3339_RE.fullmatch(value)
    if match is None:
        return False
    number = {name: int(text) for name, text in match.groupdict(default="0").items()}
    if not 1 <= number["month"] <= 12:
        return False
    if not 1 <= number["day"] <= _days_in_month(number["year"], number["month"]):
        return False
    # A second of 60 is a leap second, which RFC 3339 allows in any minute it may occur in.
    return (
        number["hour"] <= 23
        and number["minute"] <= 59
        and number["second"] <= 60
        and number["offset_hour"] <= 23
        and number["offset_minute"] <= 59
    )


def _days_in_month(year: int, month: int) -> int:
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    return 29 if month == 2 and leap else _DAYS_IN_MONTH[month - 1]


# Semantic versioning 2.0.0 ------------------------------------------------------------------

_NUMBER = r"(?:0|[1-9][0-9]*)"
_PRERELEASE_PART = rf"(?:{_NUMBER}|[0-9]*[A-Za-z-][0-9A-Za-z-]*)"
_BUILD_PART = r"[0-9A-Za-z-]+"
_SEMVER_RE = re.compile(
    rf"{_NUMBER}\.{_NUMBER}\.{_NUMBER}"
    rf"(?:-{_PRERELEASE_PART}(?:\.{_PRERELEASE_PART})*)?"
    rf"(?:\+{_BUILD_PART}(?:\.{_BUILD_PART})*)?"
)


def is_semver(value: str) -> bool:
    return _SEMVER_RE.fullmatch(value) is not None


# Git hash -----------------------------------------------------------------------------------

_GIT_HASH_RE = re.compile(r"[0-9a-f]{7}|[0-9a-f]{40}")


def is_git_hash(value: str) -> bool:
    return _GIT_HASH_RE.fullmatch(value) is not None


# SPDX ---------------------------------------------------------------------------------------


def is_spdx(value: str) -> bool:
    """A valid SPDX license expression (``MIT``, ``MIT OR Apache-2.0``, ``LicenseRef-x``)."""
    # Imported here: the license list is large and only this rule needs it.
    from packaging.licenses import InvalidLicenseExpression, canonicalize_license_expression

    if not value.strip():
        return False
    try:
        canonicalize_license_expression(value)
    except InvalidLicenseExpression:
        return False
    return True


# Email (RFC 5322 addr-spec) -----------------------------------------------------------------

_ATEXT = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]"
_QUOTED_STRING = r'"(?:[\x20\x21\x23-\x5b\x5d-\x7e\t]|\\[\x20-\x7e\t])*"'
# dot-atom, quoted-string, and the obsolete form that mixes them with dots (a."b"@example.com)
_LOCAL_PART_RE = re.compile(rf"(?:{_ATEXT}+|{_QUOTED_STRING})(?:\.(?:{_ATEXT}+|{_QUOTED_STRING}))*")
_DOMAIN_LITERAL_RE = re.compile(r"\[[\x21-\x5a\x5e-\x7e \t]*\]")
_HOST_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_HOSTNAME_RE = re.compile(rf"{_HOST_LABEL}(?:\.{_HOST_LABEL})*\.?")
_MAX_LOCAL_PART = 64
_MAX_DOMAIN = 255


def is_email(value: str) -> bool:
    position = _skip_cfws(value, 0)
    if position is None:
        return False
    local = _LOCAL_PART_RE.match(value, position)
    if local is None or local.end() - local.start() > _MAX_LOCAL_PART:
        return False
    position = _skip_cfws(value, local.end())
    if position is None or not value.startswith("@", position):
        return False
    position = _skip_cfws(value, position + 1)
    if position is None:
        return False
    domain = _DOMAIN_LITERAL_RE.match(value, position) or _HOSTNAME_RE.match(value, position)
    if domain is None or domain.end() - domain.start() > _MAX_DOMAIN:
        return False
    return _skip_cfws(value, domain.end()) == len(value)


def _skip_cfws(text: str, position: int | None) -> int | None:
    """Skip white space and (nested) comments; None for an unclosed comment."""
    depth = 0
    while position is not None and position < len(text):
        char = text[position]
        if depth and char == "\\":
            position += 2
            continue
        if char == "(":
            depth += 1
        elif char == ")" and depth:
            depth -= 1
        elif not depth and char not in " \t":
            return position
        position += 1
    return None if depth else position
