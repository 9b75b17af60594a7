"""BuildKit check names as selectors, the catalogue of checks in docs/buildkit-checks.md, and
the two rules that follow BuildKit where the hadolint rule differs (CL3510, CL3511)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from containerlint.model import FileKind
from tests.helpers import builtin_ruleset, lint_text

DOC = Path(__file__).resolve().parents[2] / "docs" / "buildkit-checks.md"

# Every check of BuildKit's linter (frontend/dockerfile/linter/ruleset.go).
BUILDKIT_CHECKS = (
    "ConsistentInstructionCasing",
    "CopyIgnoredFile",
    "DuplicateStageName",
    "ExposeInvalidFormat",
    "ExposeProtoCasing",
    "FromAsCasing",
    "FromPlatformFlagConstDisallowed",
    "InvalidBaseImagePlatform",
    "InvalidDefaultArgInFrom",
    "InvalidDefinitionDescription",
    "JSONArgsRecommended",
    "LegacyKeyValueFormat",
    "MaintainerDeprecated",
    "MultipleInstructionsDisallowed",
    "NoEmptyContinuation",
    "RedundantTargetPlatform",
    "ReservedStageName",
    "SecretsUsedInArgOrEnv",
    "StageNameCasing",
    "UndefinedArgInFrom",
    "UndefinedVar",
    "WorkdirRelativePath",
)

RULESET = builtin_ruleset()


@pytest.mark.parametrize(
    ("selector", "codes"),
    [
        ("buildkit:JSONArgsRecommended", ["CL3010"]),
        ("buildkit:WorkdirRelativePath", ["CL3510"]),
        ("buildkit:SecretsUsedInArgOrEnv", ["CL3511"]),
        ("buildkit:CopyIgnoredFile", ["CL7004"]),
        ("buildkit:DuplicateStageName", ["CL3009"]),
        ("buildkit:ReservedStageName", ["CL3017"]),
        ("buildkit:MaintainerDeprecated", ["CL3019"]),
        ("buildkit:RedundantTargetPlatform", ["CL1004"]),
        ("buildkit:MultipleInstructionsDisallowed", ["CL3004", "CL3020", "CL3021"]),
    ],
)
def test_check_names_select_their_rules(selector: str, codes: list[str]) -> None:
    rules, _ = RULESET.match(selector)
    assert sorted(rule.code for rule in rules) == codes
    assert all("buildkit" in rule.tags for rule in rules)


def test_every_rule_standing_for_a_buildkit_check_has_the_buildkit_tag() -> None:
    for rule in RULESET:
        names = [key for key in (*rule.aliases, *rule.tags) if key.startswith("buildkit:")]
        assert ("buildkit" in rule.tags) == bool(names), rule.code


def test_the_buildkit_tag_turns_on_the_checks_that_are_off_by_default() -> None:
    assert {"CL3510", "CL3511"} <= {rule.code for rule in RULESET.select(extend_select=["buildkit"])}
    assert not {"CL3510", "CL3511"} & {rule.code for rule in RULESET.select()}


def _doc_rows() -> dict[str, list[str]]:
    rows = {}
    for match in re.finditer(r"^\| `(\w+)` \| ([^|]*) \|", DOC.read_text(encoding="utf-8"), re.M):
        rows[match.group(1)] = re.findall(r"CL\d{4}", match.group(2))
    return rows


def test_the_doc_lists_every_check_with_the_rules_that_stand_for_it() -> None:
    rows = _doc_rows()
    assert sorted(rows) == sorted(BUILDKIT_CHECKS)
    for check, codes in rows.items():
        try:
            rules, _ = RULESET.match(f"buildkit:{check}")
        except ValueError:
            rules = []
        assert sorted(codes) == sorted(rule.code for rule in rules), check


# --- CL3510 workdir-relative-to-base-image: only the first WORKDIR of a stage lineage ----------


def workdir(text: str) -> list[tuple[int, int]]:
    findings = lint_text(text, FileKind.DOCKERFILE, select=["CL3510"])
    return [(f.span.start.line, f.span.start.column) for f in findings if f.code == "CL3510"]


def test_relative_first_workdir() -> None:
    assert workdir("FROM scratch\nWORKDIR app/\n") == [(2, 9)]
    assert workdir('FROM scratch\nWORKDIR "src/app"\n') == [(2, 9)]


def test_later_relative_workdirs_are_fine() -> None:
    assert workdir("FROM scratch\nWORKDIR /app\nWORKDIR src\n") == []
    assert workdir("FROM scratch\nWORKDIR app\nWORKDIR src\n") == [(2, 9)]  # the first only


def test_a_workdir_in_a_stage_it_is_built_on_counts() -> None:
    assert workdir("FROM scratch AS a\nWORKDIR /app\n\nFROM a AS b\nWORKDIR subdir/\n") == []
    assert workdir("FROM scratch AS a\nRUN true\nFROM a AS b\nWORKDIR sub\nFROM b\nWORKDIR x\n") == [(4, 9)]
    # Another stage's WORKDIR does not count for a stage built on an image.
    assert workdir("FROM scratch AS a\nWORKDIR /app\nFROM alpine:3.20\nWORKDIR sub\n") == [(4, 9)]


def test_workdirs_that_are_not_judged() -> None:
    assert workdir("FROM scratch\nWORKDIR $HOME/app\n") == []
    assert workdir("FROM scratch\nWORKDIR C:\\app\n") == []
    assert workdir("FROM scratch\nONBUILD WORKDIR app\n") == []


def test_workdir_check_comment() -> None:
    findings = lint_text("FROM scratch\n# check=skip=WorkdirRelativePath\nWORKDIR app/\n", FileKind.DOCKERFILE)
    assert [f.suppressed for f in findings if f.code == "CL3510"] == []  # off by default
    findings = lint_text(
        "FROM scratch\n# check=skip=WorkdirRelativePath\nWORKDIR app/\n", FileKind.DOCKERFILE, select=["CL3510"]
    )
    assert [f.suppressed for f in findings] == [True]


# --- CL3511 secret-named-arg-or-env: BuildKit's word list -------------------------------------


def secrets(text: str) -> list[tuple[int, int, str]]:
    findings = lint_text(text, FileKind.DOCKERFILE, select=["CL3511"])
    return [(f.span.start.line, f.span.start.column, f.message.split()[1]) for f in findings if f.code == "CL3511"]


def test_names_with_a_secret_word() -> None:
    text = (
        "FROM scratch\n"
        "ARG SECRET_PASSPHRASE\n"
        "ENV SUPER_Secret=foo\n"
        "ENV password=bar secret=baz\n"
        "ARG super_duper_secret_token=foo auth=bar\n"
        "ENV apikey=bar sunflower=foo\n"
        "ENV git_key=\n"
    )
    assert secrets(text) == [
        (2, 5, "SECRET_PASSPHRASE"),
        (3, 5, "SUPER_Secret"),
        (4, 5, "password"),
        (4, 18, "secret"),
        (5, 5, "super_duper_secret_token"),
        (5, 34, "auth"),
        (6, 5, "apikey"),
        (7, 5, "git_key"),
    ]


def test_names_that_pass() -> None:
    text = (
        "FROM scratch\n"
        "ENV PUBLIC_KEY=\n"
        "ARG public_token\n"
        "ARG SECRET_PASSPHRASE_FILE\n"
        "ENV password_file=bar secret_File=baz\n"
        "ARG AUTH_MODULE_VERSION\n"
        "ENV TOKENIZER=bpe api-key=x KEYRING=y\n"
        "ENV USERNAME=me PRIVATE_DIR=/p\n"  # CL5002's words, not BuildKit's
    )
    assert secrets(text) == []


def test_global_args_and_onbuild_are_not_checked() -> None:
    assert secrets("ARG GITHUB_TOKEN\nFROM scratch\nONBUILD ENV PASSWORD=x\n") == []


def test_check_comment_above_each_instruction() -> None:
    text = (
        "FROM scratch\n"
        "# check=skip=SecretsUsedInArgOrEnv // allow secret in environment\n"
        "ENV password=bar\n"
        "# check=skip=all // is local to only this instruction\n"
        "ARG alternate_password\n"
        "ENV other_password=x\n"
    )
    findings = lint_text(text, FileKind.DOCKERFILE, select=["CL3511"])
    assert [(f.span.start.line, f.suppressed) for f in findings] == [(3, True), (5, True), (6, False)]
