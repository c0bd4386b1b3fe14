"""`fazhi validate uscc|ric|docnum VALUE [--json]`."""

from __future__ import annotations

import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError


def test_a_valid_uscc_prints_the_facts_in_chinese(capsys):
    call_command("validate", "uscc", "91 110000 600037341L")
    out = capsys.readouterr().out
    assert "统一社会信用代码有效：91110000600037341L" in out
    assert "登记管理部门：市场监管（工商）" in out
    assert "机构类别：企业" in out


def test_an_invalid_ric_exits_1_with_the_reason():
    with pytest.raises(CommandError) as excinfo:
        call_command("validate", "ric", "36042619910102009X")
    assert excinfo.value.returncode == 1
    assert str(excinfo.value) == "居民身份证号码无效：校验码错误"


@pytest.mark.parametrize(
    ("kind", "value", "valid", "normalised", "reason"),
    [
        ("ric", "11010519491231002x", True, "11010519491231002X", ""),
        ("docnum", "津人社规字[2019]5", True, "津人社规字〔2019〕5号", ""),
        (
            "docnum",
            "人社部发2013年34号",
            False,
            "",
            "年份应用六角括号括入，如“人社部发〔2019〕5号”",
        ),
        ("uscc", "12345", False, "12345", "长度错误：应为18位，实为5位"),
    ],
)
def test_json_output_has_the_documented_fields(capsys, kind, value, valid, normalised, reason):
    # when
    if valid:
        call_command("validate", kind, value, "--json")
    else:
        with pytest.raises(CommandError) as excinfo:
            call_command("validate", kind, value, "--json")
        assert excinfo.value.returncode == 1
    # then
    body = json.loads(capsys.readouterr().out)
    assert {"kind", "value", "valid", "normalised", "reason", "details"} <= body.keys()
    assert (body["kind"], body["value"], body["valid"]) == (kind, value, valid)
    assert (body["normalised"], body["reason"]) == (normalised, reason)


def test_ric_details_and_legacy_warning_are_shown(capsys):
    call_command("validate", "ric", "150102880730303")
    out = capsys.readouterr().out
    assert "居民身份证号码有效：150102198807303035" in out
    assert "出生日期：1988-07-30" in out
    assert "性别：男" in out
    assert "⚠ 第一代15位号码" in out


def test_an_unknown_kind_is_a_usage_error():
    with pytest.raises(CommandError) as excinfo:
        call_command("validate", "passport", "E12345678")
    assert "invalid choice" in str(excinfo.value) or "无效" in str(excinfo.value)


def test_a_docnum_shows_its_parts(capsys):
    call_command("validate", "docnum", "国务院令第783号")
    out = capsys.readouterr().out
    assert "文号有效：国务院令第783号" in out
    assert "类型：令" in out
