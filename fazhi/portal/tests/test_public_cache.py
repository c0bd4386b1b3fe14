"""人社政策一点通 under the public cache (issue 25): an amended or repealed document shows so on the
next request, and a document taking effect tomorrow is in force on that day."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.utils import timezone

from fazhi.accounts.permissions import SYSTEM
from fazhi.laws.models import LegalDocument
from fazhi.laws.services import corpus_import, read_sources
from fazhi.normdocs.models import NormativeDocument
from fazhi.normdocs.services import document_enter_existing, document_expire
from fazhi.normdocs.tests.factories import make_people

pytestmark = pytest.mark.django_db
HEADER = (
    "file,title,type,issuing_body,effective_date,publish_date,superseded_in_source,category,bytes\n"
)
VERSIONS = {
    "2019": ("2019-03-01", "第一条 用人单位应当按时足额支付工资。"),
    "2021": ("2021-03-01", "第一条 用人单位应当按时足额支付工资，不得克扣。"),
}


def _write(root, years) -> None:
    laws = root / "laws"
    laws.mkdir(parents=True, exist_ok=True)
    rows = []
    for year in years:
        effective, text = VERSIONS[year]
        name = f"示范工资支付条例({year}).md"
        (laws / name).write_text(
            f"# 示范工资支付条例\n\n<!-- INFO END -->\n\n{text}\n", encoding="utf-8"
        )
        rows.append(
            f"{name},示范工资支付条例,地方性法规,市人大常委会,{effective},{effective},0,x,1"
        )
    (laws / "manifest.csv").write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")


def _import(root):
    sources, _ = read_sources(root)
    corpus_import(sources=sources, root=root, actor=SYSTEM)


def test_an_amended_law_is_marked_on_the_next_request(
    client, tmp_path, public_cache, django_capture_on_commit_callbacks
):
    _write(tmp_path, ["2019"])
    with django_capture_on_commit_callbacks(execute=True):
        _import(tmp_path)
    old = LegalDocument.objects.get(title="示范工资支付条例")
    url = f"/policies/documents/{old.pk}/"
    search = "/policies/?q=工资支付"
    for page in (url, search, f"/api/v1/policies/documents/{old.pk}"):
        client.get(page)
        assert client.get(page)["X-Cache"] == "hit", page
    assert "效力状态：</span>现行有效" in client.get(url).content.decode()
    assert "不得克扣" not in client.get(search).content.decode()

    _write(tmp_path, ["2019", "2021"])
    with django_capture_on_commit_callbacks(execute=True):
        _import(tmp_path)

    page = client.get(url)
    assert page["X-Cache"] == "miss" and "效力状态：</span>已被修改" in page.content.decode()
    assert "不得克扣" in client.get(search).content.decode()
    assert client.get(f"/api/v1/policies/documents/{old.pk}").json()["status"] != "现行有效"


def _enter(people, org_tree, **extra) -> NormativeDocument:
    return document_enter_existing(
        title="关于示范补贴发放的通知",
        doc_number="津人社规字〔2025〕7号",
        body="第一条 示范补贴按月发放。",
        org_unit=org_tree["fagui"],
        published_on=date(2025, 1, 6),
        actor=people["legal"],
        **extra,
    )


def test_an_expired_normative_document_shows_so_on_the_next_request(
    client, org_tree, public_cache, django_capture_on_commit_callbacks
):
    people = make_people(org_tree)
    with django_capture_on_commit_callbacks(execute=True):
        document = _enter(people, org_tree, effective_on=date(2025, 1, 6))
    NormativeDocument.objects.filter(pk=document.pk).update(valid_until=date(2025, 12, 31))
    document.refresh_from_db()
    url = f"/policies/documents/{document.corpus_document_id}/"
    client.get(url)
    cached = client.get(url)
    assert cached["X-Cache"] == "hit" and "效力状态：</span>现行有效" in cached.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        document_expire(document=document, actor=people["legal"], on=date(2026, 1, 5))

    fresh = client.get(url).content.decode()
    assert "效力状态：</span>现行有效" not in fresh and "失效" in fresh


def test_a_document_taking_effect_tomorrow_is_in_force_on_that_day(
    client, org_tree, public_cache, django_capture_on_commit_callbacks, monkeypatch
):
    today = timezone.localdate()
    tomorrow = today + timedelta(days=1)
    people = make_people(org_tree)
    with django_capture_on_commit_callbacks(execute=True):
        document = _enter(people, org_tree, effective_on=tomorrow)
    url = f"/policies/documents/{document.corpus_document_id}/"
    client.get(url)
    cached = client.get(url)
    assert cached["X-Cache"] == "hit" and "效力状态：</span>尚未生效" in cached.content.decode()

    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: tomorrow)  # no write, a new day

    page = client.get(url)
    assert page["X-Cache"] == "miss" and "效力状态：</span>现行有效" in page.content.decode()
