"""What every label-format rule (hadolint DL3052-DL3058) does alike, checked for each of them."""

from __future__ import annotations

import pytest

from tests.hadolint.label_format import LABEL_FORMAT_RULES, LabelFormatRule

rules = pytest.mark.parametrize("rule", LABEL_FORMAT_RULES, ids=lambda rule: rule.code)


@rules
def test_only_labels_of_this_type_are_checked(rule: LabelFormatRule) -> None:
    label = rule.label
    assert rule.found("FROM alpine:3.20\nLABEL other=nonsense\n") == []
    assert rule.found(f"FROM alpine:3.20\nLABEL {label}=nonsense\n", schema={label: "text"}) == []
    assert rule.found(f"FROM alpine:3.20\nLABEL {label}=nonsense\n", schema={}) == []


@rules
def test_every_label_instruction_of_every_stage(rule: LabelFormatRule) -> None:
    label = rule.label
    text = f"FROM alpine:3.20 AS a\nLABEL {label}=nonsense\nFROM a\nLABEL x=1 {label}=again\n"
    assert rule.found(text) == [(2, 8 + len(label)), (4, 12 + len(label))]


@rules
def test_empty_value_is_reported_at_its_quotes_or_at_the_key(rule: LabelFormatRule) -> None:
    label = rule.label
    assert rule.found(f'FROM alpine:3.20\nLABEL {label}=""\n') == [(2, 8 + len(label))]
    assert rule.found(f"FROM alpine:3.20\nLABEL {label}=\n") == [(2, 7)]


@rules
def test_onbuild_labels_belong_to_other_images(rule: LabelFormatRule) -> None:
    assert rule.found(f"FROM alpine:3.20\nONBUILD LABEL {rule.label}=nonsense\n") == []
