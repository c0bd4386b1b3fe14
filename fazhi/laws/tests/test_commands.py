from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from fazhi.laws.tests.conftest import SHARED


def _run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_search_command_json(corpus):
    body = json.loads(_run("search", "人社部发〔2013〕34号", "--json", "--limit", "3"))
    assert body["hits"][0]["doc_number"] == "人社部发〔2013〕34号"
    assert len(body["hits"]) <= 3


def test_search_command_table(corpus):
    assert "第八十二条" in _run("search", "用人单位不签劳动合同要付双倍工资吗", "--limit", "10")


@pytest.mark.parametrize(
    ("_case", "args", "message"),
    [
        ("empty", ["  "], "请输入检索词"),
        ("over-long", ["法" * 201], "过长"),
        ("punctuation", ["?!。"], "标点"),
        ("unknown kind", ["工伤", "--kind", "条例"], "未知的文件类别"),
        ("bad date", ["工伤", "--in-force-on", "2020-02-30"], "不是有效日期"),
    ],
)
def test_search_command_bad_input_exits_1(db, _case, args, message):
    with pytest.raises(CommandError, match=message) as excinfo:
        _run("search", *args)
    assert excinfo.value.returncode == 1


def test_import_command_summary_and_idempotence(corpus):
    from fazhi.core.models import AuditEvent
    from fazhi.laws.models import LegalDocument

    first = _run("laws", "import", str(SHARED / "policies"), "--limit", "2")
    documents, events = LegalDocument.objects.count(), AuditEvent.objects.count()
    second = _run("laws", "import", str(SHARED / "policies"), "--limit", "2")
    assert "导入结果" in first and "未变化（跳过）" in second
    assert (LegalDocument.objects.count(), AuditEvent.objects.count()) == (documents, events)


def test_import_command_missing_folder_exits_1(db, tmp_path):
    with pytest.raises(CommandError, match="目录不存在") as excinfo:
        _run("laws", "import", str(tmp_path / "nope"))
    assert excinfo.value.returncode == 1


def test_reindex_command(corpus):
    from fazhi.laws.models import Article, SearchEntry

    assert "已重建" in _run("laws", "reindex")
    assert SearchEntry.objects.count() == Article.objects.count()
