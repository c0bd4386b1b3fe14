"""A withdrawn decision is withdrawn (行政处罚法 第四十八条第二款): the public side keeps only
the fact of withdrawal, its date and its reason; addresses typed into free text are masked."""

from __future__ import annotations

import json
from datetime import date

import pytest

from fazhi.accounts.permissions import SYSTEM
from fazhi.publicity.domain.masking import mask_addresses, mask_free_text
from fazhi.publicity.testing import publish_on, withdraw_on
from fazhi.publicity.tests.conftest import PERSON_ID, person_penalty_data, register


def _text(response) -> str:
    if response["Content-Type"].startswith("application/json"):
        return json.dumps(response.json(), ensure_ascii=False)
    return response.content.decode()


FACTS = "张三在天津市和平区南京路123号4门501室非法从事职业中介。"


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("在天津市和平区南京路123号4门501室经营", "在天津市和平区****经营"),
        ("位于南开区鞍山西道100号", "位于南开区****"),
        ("住所：河西区友谊路某小区3号楼2单元", "住所：****"),
        ("家住于滨海新区某某村3组，系负责人", "家住于****，系负责人"),
        ("某花园小区12号楼1单元302室", "****"),
        ("塘沽区河北路3521弄8号", "塘沽区****"),
        # law citations and document numbers are not addresses
        ("依据人社部令第26号、津人社规字〔2019〕5号", "依据人社部令第26号、津人社规字〔2019〕5号"),
        ("拖欠12名劳动者工资共计8万元", "拖欠12名劳动者工资共计8万元"),
        ("", ""),
    ],
)
def test_addresses_in_free_text_are_masked(text, masked):
    assert mask_addresses(text) == masked


def test_free_text_masks_id_phone_and_address_together():
    text = f"张三（身份证{PERSON_ID}，电话13812345678）住南京路123号"
    assert mask_free_text(text) == "张三（身份证110105********002X，电话138****5678）住****"


@pytest.mark.django_db
def test_a_published_record_shows_no_address_typed_into_the_facts(client, in_2019):
    record, _ = register(data=person_penalty_data(facts=FACTS))
    publish_on(date(2019, 10, 8), record=record, actor=SYSTEM)
    for url in (f"/publicity/{record.pk}/", f"/api/v1/publicity/records/{record.pk}"):
        body = _text(client.get(url))
        assert "非法从事职业中介" in body
        assert "南京路" not in body and "501" not in body


@pytest.mark.django_db
def test_a_withdrawn_decision_shows_only_the_withdrawal(client, in_2019):
    record, _ = register(data=person_penalty_data(facts=FACTS))
    publish_on(date(2019, 10, 8), record=record, actor=SYSTEM)
    withdraw_on(
        date(2019, 12, 2),
        record=record,
        reason="行政复议决定撤销该处罚决定（当事人住址：南开区鞍山西道100号）",
        change="撤销",
        actor=SYSTEM,
    )
    gone = ("张三", "非法从事职业中介", "110105********002X", "罚款人民币2000元", "鞍山西道")
    pages = {
        "detail": _text(client.get(f"/publicity/{record.pk}/")),
        "list": _text(client.get("/publicity/")),
        "api": _text(client.get(f"/api/v1/publicity/records/{record.pk}")),
        "api_list": _text(client.get("/api/v1/publicity/records")),
    }
    for name, body in pages.items():
        for secret in gone:
            assert secret not in body, (name, secret)
        assert "行政复议决定撤销该处罚决定" in body, name
    assert "2019年12月2日" in pages["detail"] and "撤回日期" in pages["detail"]
    assert "津人社监罚〔2019〕13号" in pages["detail"]  # which decision was withdrawn
    item = client.get(f"/api/v1/publicity/records/{record.pk}").json()
    assert item["withdrawn"] and item["withdrawn_on"] == "2019-12-02"
    assert item["party_name"] == "" and item["facts"] == "" and item["fine_yuan"] is None
    # nor is it found by the party's name any more; by its 文书号 it is
    assert client.get("/api/v1/publicity/records?q=张三").json()["count"] == 0
    assert client.get("/api/v1/publicity/records?q=〔2019〕13号").json()["count"] == 1
