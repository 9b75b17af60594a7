from __future__ import annotations

import re
from pathlib import Path

import pytest

from containerlint.config import (
    DEFAULT_EXCLUDE,
    ConfigError,
    Settings,
    enabled_rules,
    find_config,
    load_settings,
    options_for,
    path_matches,
    severity_for,
    validate,
)
from containerlint.model import FileKind, Severity
from containerlint.registry import Rule, RuleSet


def make_rules() -> RuleSet:
    return RuleSet(
        [
            Rule(
                code="CL1001",
                name="unpinned-image",
                summary="x",
                severity=Severity.WARNING,
                aliases=("hadolint:DL3007", "kube-linter:latest-tag"),
                tags=("supply-chain",),
                options={"trusted-registries": []},
            ),
            Rule(
                code="CL1002",
                name="apt-unpinned",
                summary="x",
                severity=Severity.INFO,
                options={"strict": False, "max-packages": 10, "ratio": 0.5, "mode": "warn"},
            ),
            Rule(
                code="CL2001",
                name="compose-version-field",
                summary="x",
                severity=Severity.STYLE,
                default_enabled=False,
            ),
        ]
    )


RULES = make_rules()


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# -------------------------------------------------------------------------------------- discovery


def test_discovery_walks_up_from_a_directory(tmp_path):
    config = write(tmp_path / "a" / ".containerlint.toml", 'select = ["CL1"]\n')
    start = tmp_path / "a" / "b" / "c"
    start.mkdir(parents=True)
    settings = load_settings(start)
    assert settings.config_path == config
    assert settings.root == tmp_path / "a"
    assert settings.select == ("CL1",)
    assert find_config(start) == config


def test_discovery_starts_from_a_files_folder(tmp_path):
    write(tmp_path / ".containerlint.toml", 'ignore = ["CL1001"]\n')
    dockerfile = write(tmp_path / "svc" / "Dockerfile", "FROM x\n")
    assert load_settings(dockerfile).ignore == ("CL1001",)


def test_dedicated_file_wins_over_pyproject_in_the_same_folder(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.containerlint]\nignore = ["from-pyproject"]\n')
    write(tmp_path / ".containerlint.toml", 'ignore = ["from-dedicated"]\n')
    assert load_settings(tmp_path).ignore == ("from-dedicated",)


def test_pyproject_without_our_table_is_skipped(tmp_path):
    outer = write(tmp_path / "pyproject.toml", '[tool.containerlint]\nfail-on = "error"\n')
    write(
        tmp_path / "inner" / "pyproject.toml",
        '[project]\nname = "x"\n[tool.ruff]\nline-length = 1\n',
    )
    settings = load_settings(tmp_path / "inner")
    assert settings.config_path == outer
    assert settings.fail_on is Severity.ERROR
    assert settings.root == tmp_path


def test_pyproject_table(tmp_path):
    write(
        tmp_path / "pyproject.toml",
        """
[project]
name = "demo"

[tool.containerlint]
select = ["CL1", "supply-chain"]
extend-select = ["CL2001"]
ignore = ["apt-unpinned"]
exclude = ["vendor/"]
extend-exclude = ["charts/**"]
fail-on = "info"
respect-gitignore = false
inline-ignores = false

[tool.containerlint.severity]
CL1001 = "error"

[tool.containerlint.per-file-ignores]
"tests/**" = ["CL1001", "unpinned-image"]

[tool.containerlint.kinds]
"*.tpl.yaml" = "kubernetes"

[tool.containerlint.rules.unpinned-image]
trusted-registries = ["ghcr.io/acme"]
""",
    )
    settings = load_settings(tmp_path)
    assert settings == Settings(
        select=("CL1", "supply-chain"),
        extend_select=("CL2001",),
        ignore=("apt-unpinned",),
        severity={"CL1001": Severity.ERROR},
        per_file_ignores={"tests/**": ("CL1001", "unpinned-image")},
        exclude=("vendor/", "charts/**"),
        fail_on=Severity.INFO,
        rule_options={"unpinned-image": {"trusted-registries": ["ghcr.io/acme"]}},
        kinds={"*.tpl.yaml": FileKind.KUBERNETES},
        respect_gitignore=False,
        inline_ignores=False,
        root=tmp_path,
        config_path=tmp_path / "pyproject.toml",
    )


def test_defaults_without_a_config_file(tmp_path):
    settings = load_settings(tmp_path, isolated=True)
    assert settings.config_path is None
    assert settings.root == tmp_path
    assert settings.select is None
    assert settings.exclude == DEFAULT_EXCLUDE
    assert settings.fail_on is Severity.WARNING
    assert settings.inline_ignores and settings.respect_gitignore


def test_isolated_ignores_config_files(tmp_path):
    write(tmp_path / ".containerlint.toml", 'select = ["CL1"]\n')
    assert load_settings(tmp_path, isolated=True).select is None
    with pytest.raises(ConfigError, match="isolated"):
        load_settings(tmp_path, config_file=tmp_path / ".containerlint.toml", isolated=True)


def test_explicit_config_file_overrides_the_search(tmp_path):
    write(tmp_path / ".containerlint.toml", 'select = ["found"]\n')
    chosen = write(tmp_path / "ci" / "lint.toml", 'select = ["chosen"]\n')
    settings = load_settings(tmp_path, config_file=chosen)
    assert settings.select == ("chosen",)
    assert settings.root == tmp_path / "ci"
    pyproject = write(tmp_path / "other" / "pyproject.toml", '[tool.containerlint]\nselect = ["py"]\n')
    assert load_settings(tmp_path, config_file=pyproject).select == ("py",)


def test_explicit_config_file_errors(tmp_path):
    missing = tmp_path / "nope.toml"
    with pytest.raises(ConfigError, match=re.escape(f"{missing}: config file not found")):
        load_settings(tmp_path, config_file=missing)
    bare = write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n')
    with pytest.raises(ConfigError, match=re.escape(r"no [tool.containerlint] table")):
        load_settings(tmp_path, config_file=bare)


# ----------------------------------------------------------------------------------- precedence


def test_command_line_wins_over_the_file(tmp_path):
    write(
        tmp_path / ".containerlint.toml",
        """
select = ["CL1"]
extend-select = ["CL2001"]
ignore = ["CL1002"]
exclude = ["vendor/"]
fail-on = "error"
[severity]
CL1001 = "info"
CL1002 = "style"
""",
    )
    overrides = {
        "select": ["CL1001"],
        "extend-select": ["supply-chain"],
        "ignore": ["unpinned-image"],
        "exclude": ["build/"],
        "fail-on": Severity.STYLE,
        "severity": {"CL1001": "error"},
        "inline-ignores": False,
    }
    settings = load_settings(tmp_path, overrides=overrides)
    assert settings.select == ("CL1001",)
    # A command-line select starts fresh: the file's extend-select and ignore no longer apply.
    assert settings.extend_select == ("supply-chain",)
    assert settings.ignore == ("unpinned-image",)
    assert settings.exclude == ("vendor/", "build/")
    assert settings.fail_on is Severity.STYLE
    assert settings.severity == {"CL1001": Severity.ERROR, "CL1002": Severity.STYLE}
    assert settings.inline_ignores is False
    assert settings.cli_overrides == overrides


def test_command_line_rule_options_merge_per_option(tmp_path):
    write(tmp_path / ".containerlint.toml", "[rules.apt-unpinned]\nstrict = true\nmode = 'x'\n")
    settings = load_settings(tmp_path, overrides={"rules": {"apt-unpinned": {"mode": "y"}}})
    assert settings.rule_options == {"apt-unpinned": {"strict": True, "mode": "y"}}


def test_extend_exclude_keeps_the_defaults(tmp_path):
    write(tmp_path / ".containerlint.toml", 'extend-exclude = ["charts/"]\n')
    assert load_settings(tmp_path).exclude == (*DEFAULT_EXCLUDE, "charts/")


# --------------------------------------------------------------------------------------- errors


def load_error(tmp_path: Path, text: str, name: str = ".containerlint.toml") -> str:
    write(tmp_path / name, text)
    with pytest.raises(ConfigError) as caught:
        load_settings(tmp_path)
    message = str(caught.value)
    assert "\n" not in message
    return message


def test_unknown_key_with_suggestion(tmp_path):
    message = load_error(tmp_path, 'extend_select = ["CL1"]\n')
    path = tmp_path / ".containerlint.toml"
    assert message == f"{path}: unknown key 'extend_select' (did you mean 'extend-select'?)"


def test_unknown_key_in_pyproject_names_the_table(tmp_path):
    message = load_error(tmp_path, "[tool.containerlint]\nfail_on = 'error'\n", "pyproject.toml")
    assert message == (
        f"{tmp_path / 'pyproject.toml'}: unknown key 'fail_on' in [tool.containerlint] (did you mean 'fail-on'?)"
    )


def test_unknown_key_without_a_close_match(tmp_path):
    message = load_error(tmp_path, "colour = 'red'\n")
    assert message.endswith("unknown key 'colour'")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('select = "CL1001"', "select: expected an array of strings, got string 'CL1001'"),
        (
            "ignore = [1, 2]",
            "ignore: expected an array of strings, got an array containing integer values",
        ),
        (
            'respect-gitignore = "yes"',
            "respect-gitignore: expected true or false, got string 'yes'",
        ),
        ('severity = "error"', "severity: expected a table, got string 'error'"),
        (
            '[per-file-ignores]\n"tests/**" = "CL1001"',
            'per-file-ignores."tests/**": expected an array of strings',
        ),
        ("rules = { unpinned-image = 3 }", "rules.unpinned-image: expected a table, got integer 3"),
        ("fail-on = 3", "fail-on: expected a severity name, got integer 3"),
    ],
)
def test_wrong_types(tmp_path, text, expected):
    message = load_error(tmp_path, text + "\n")
    assert message.startswith(f"{tmp_path / '.containerlint.toml'}: {expected}")


def test_bad_severity_values(tmp_path):
    message = load_error(tmp_path, 'fail-on = "fatal"\n')
    assert message == (
        f"{tmp_path / '.containerlint.toml'}: fail-on: unknown severity 'fatal'"
        " (expected one of: style, info, warning, error)"
    )
    message = load_error(tmp_path, '[severity]\nCL1001 = "critical"\n')
    assert "severity.CL1001: unknown severity 'critical'" in message


def test_bad_kind_value(tmp_path):
    message = load_error(tmp_path, '[kinds]\n"*.tpl" = "helm"\n')
    assert message == (
        f"{tmp_path / '.containerlint.toml'}: kinds.\"*.tpl\": unknown file kind 'helm'"
        " (expected one of: dockerfile, compose, kubernetes)"
    )


def test_invalid_toml_gives_the_position(tmp_path):
    message = load_error(tmp_path, 'select = ["CL1"]\nignore = \n')
    assert message == f"{tmp_path / '.containerlint.toml'}:2:10: invalid TOML: Invalid value"


def test_invalid_pyproject_on_the_walk_is_an_error(tmp_path):
    message = load_error(tmp_path, "[tool.containerlint\n", "pyproject.toml")
    assert message.startswith(f"{tmp_path / 'pyproject.toml'}:1:")


def test_bad_command_line_values(tmp_path):
    with pytest.raises(ConfigError, match=r"^command line: fail-on: unknown severity 'loud'"):
        load_settings(tmp_path, isolated=True, overrides={"fail-on": "loud"})
    with pytest.raises(ConfigError, match=r"did you mean 'extend-select'"):
        load_settings(tmp_path, isolated=True, overrides={"extend_select": ["CL1"]})


# ------------------------------------------------------------------------------------- validate


def settings_from(tmp_path: Path, text: str, **overrides) -> Settings:
    write(tmp_path / ".containerlint.toml", text)
    return load_settings(tmp_path, overrides=overrides)


def validate_error(settings: Settings) -> str:
    with pytest.raises(ConfigError) as caught:
        validate(settings, RULES)
    return str(caught.value)


def test_validate_accepts_good_settings(tmp_path):
    settings = settings_from(
        tmp_path,
        """
select = ["ALL"]
ignore = ["hadolint:DL3007", "supply-chain", "CL1"]
[severity]
apt-unpinned = "error"
[per-file-ignores]
"tests/**" = ["CL2001"]
[rules.CL1002]
strict = true
max-packages = 3
ratio = 1
mode = "error"
[rules.unpinned-image]
trusted-registries = ["ghcr.io"]
""",
    )
    validate(settings, RULES)


def test_unknown_selector_names_the_file_and_suggests(tmp_path):
    settings = settings_from(tmp_path, 'ignore = ["unpinned-imag"]\n')
    assert validate_error(settings) == (
        f"{tmp_path / '.containerlint.toml'}: ignore: unknown rule selector 'unpinned-imag'"
        " (did you mean 'unpinned-image'?)"
    )


def test_unknown_selector_from_the_command_line(tmp_path):
    settings = settings_from(tmp_path, 'ignore = ["CL1001"]\n', **{"extend-select": ["CL9999"]})
    assert validate_error(settings).startswith("command line: extend-select: unknown rule selector")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('[severity]\nCL9 = "error"\n', "severity: unknown rule selector 'CL9'"),
        (
            '[per-file-ignores]\n"a/*" = ["nope"]\n',
            "per-file-ignores.\"a/*\": unknown rule selector 'nope'",
        ),
        ('select = ["apt-unpined"]\n', "did you mean 'apt-unpinned'?"),
    ],
)
def test_unknown_selectors_everywhere(tmp_path, text, expected):
    assert expected in validate_error(settings_from(tmp_path, text))


def test_rule_options_for_an_unknown_rule(tmp_path):
    message = validate_error(settings_from(tmp_path, "[rules.unpined-image]\nx = 1\n"))
    assert message.endswith("rules.unpined-image: no rule is called 'unpined-image' (did you mean 'unpinned-image'?)")


def test_unknown_rule_option_lists_the_valid_ones(tmp_path):
    message = validate_error(settings_from(tmp_path, "[rules.CL1002]\nstrictness = true\n"))
    assert message == (
        f"{tmp_path / '.containerlint.toml'}: rules.CL1002: unknown option 'strictness'"
        " (did you mean 'strict'?); CL1002 (apt-unpinned) takes: max-packages, mode, ratio, strict"
    )


def test_options_for_a_rule_without_options(tmp_path):
    message = validate_error(settings_from(tmp_path, "[rules.CL2001]\nx = 1\n"))
    assert message.endswith("unknown option 'x': CL2001 (compose-version-field) takes no options")


@pytest.mark.parametrize(
    ("option", "value", "expected"),
    [
        (
            "strict",
            "1",
            "rules.apt-unpinned.strict: expected boolean (like the default False), got integer 1",
        ),
        ("max-packages", "true", "expected integer (like the default 10), got boolean True"),
        ("max-packages", "1.5", "expected integer (like the default 10), got float 1.5"),
        ("mode", "['a']", "expected string (like the default 'warn'), got array ['a']"),
    ],
)
def test_rule_option_types(tmp_path, option, value, expected):
    text = f"[rules.apt-unpinned]\n{option} = {value}\n"
    assert expected in validate_error(settings_from(tmp_path, text))


def test_list_option_type(tmp_path):
    text = '[rules.unpinned-image]\ntrusted-registries = "ghcr.io"\n'
    message = validate_error(settings_from(tmp_path, text))
    assert "expected array (like the default []), got string 'ghcr.io'" in message


# -------------------------------------------------------------------------------------- helpers


def test_options_for_merges_defaults_with_config(tmp_path):
    settings = settings_from(
        tmp_path,
        "[rules.apt-unpinned]\nstrict = true\nmode = 'by-name'\n[rules.CL1002]\nmode = 'by-code'\n",
    )
    rule = RULES.get("CL1002")
    assert rule is not None
    assert options_for(settings, RULES, rule) == {
        "strict": True,
        "max-packages": 10,
        "ratio": 0.5,
        "mode": "by-code",
    }
    unpinned = RULES.get("CL1001")
    assert unpinned is not None
    options = options_for(settings, RULES, unpinned)
    options["trusted-registries"].append("mutated")
    assert unpinned.options == {"trusted-registries": []}


def test_severity_for_and_enabled_rules(tmp_path):
    settings = settings_from(
        tmp_path,
        'extend-select = ["CL2001"]\nignore = ["apt-unpinned"]\n[severity]\nsupply-chain = "error"\nCL1002 = "style"\n',
    )
    assert severity_for(settings, RULES) == {
        "CL1001": Severity.ERROR,
        "CL1002": Severity.STYLE,
        "CL2001": Severity.STYLE,
    }
    assert [rule.code for rule in enabled_rules(settings, RULES)] == ["CL1001", "CL2001"]
    assert [rule.code for rule in enabled_rules(Settings(), RULES)] == ["CL1001", "CL1002"]


@pytest.mark.parametrize(
    ("path", "pattern", "expected"),
    [
        ("k8s/app/deploy.yaml", "*.yaml", True),
        ("k8s/app/deploy.yaml", "k8s/**", True),
        ("k8s/app/deploy.yaml", "k8s/*.yaml", False),
        ("k8s\\deploy.yaml", "k8s/*.yaml", True),
        ("./Dockerfile", "Dockerfile", True),
        ("vendor/x/Dockerfile", "vendor/", True),
    ],
)
def test_path_matches(path, pattern, expected):
    assert path_matches(path, pattern) is expected


def test_fail_on_never(tmp_path):
    assert settings_from(tmp_path, 'fail-on = "never"\n').fail_on is None
    assert settings_from(tmp_path, 'fail-on = "never"\n', **{"fail-on": "error"}).fail_on is (Severity.ERROR)
