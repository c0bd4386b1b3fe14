"""A draw the server alone cannot choose (issue 18 item 6): the seed is mixed with a public
value fixed after the commitment, a re-draw needs a published reason and keeps the first draw,
and anyone can re-run it from the published files."""

from __future__ import annotations

import hashlib
from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from fazhi.core.domain.errors import Refused
from fazhi.core.models import AuditEvent
from fazhi.inspections import selectors
from fazhi.inspections.domain import draw as algo
from fazhi.inspections.models import Check, Draw
from fazhi.inspections.services import draws
from fazhi.inspections.tests.conftest import BEACON_VALUE, DRAW_DAY, beacon_terms

pytestmark = pytest.mark.django_db


def test_the_result_depends_on_the_public_value():
    frozen = algo.freeze(
        employers=[(f"U{n:03d}", "A") for n in range(50)],
        inspectors=["T1", "T2", "T3", "T4"],
        exclusions=[],
        shares={"A": "0.2"},
    )
    value, seed = algo.parse(frozen), bytes(32)
    one = algo.draw(value, algo.draw_seed(algo.ALGORITHM_V2, seed, "01 02 03"))
    other = algo.draw(value, algo.draw_seed(algo.ALGORITHM_V2, seed, "01 02 04"))
    assert one.canonical() != other.canonical()
    # whitespace is not part of the value; version 2 = version 1 run with SHA-256(seed ‖ value)
    assert (
        algo.draw_seed(algo.ALGORITHM_V2, seed, " 01  02 03\n")
        == hashlib.sha256(seed + b"01 02 03").digest()
    )
    with pytest.raises(Refused):
        algo.draw_seed(algo.ALGORITHM_V2, seed, "   ")


def test_commit_names_a_public_value_not_yet_published(world):
    with pytest.raises(Refused, match="公开随机值"):
        draws.draw_commit(plan=world["plan"], on=DRAW_DAY, actor=world["manager"])
    yesterday = timezone.localdate() - timedelta(days=1)
    with pytest.raises(Refused, match="不能早于今天"):
        draws.draw_commit(
            plan=world["plan"],
            on=DRAW_DAY,
            actor=world["manager"],
            beacon_source="已经公布的开奖号码",
            beacon_date=yesterday,
        )
    assert not Draw.objects.exists()


def test_the_draw_waits_for_the_value_and_records_who_entered_it(world):
    tomorrow = timezone.localdate() + timedelta(days=1)
    draw = draws.draw_commit(
        plan=world["plan"],
        on=DRAW_DAY,
        actor=world["manager"],
        beacon_source="福利彩票双色球次日开奖号码",
        beacon_date=tomorrow,
    )
    assert draw.algorithm == algo.ALGORITHM_V2
    with pytest.raises(Refused, match="此前不能抽取"):
        draws.draw_execute(draw=draw, actor=world["manager"], beacon=BEACON_VALUE)
    assert not Check.objects.exists()
    with time_machine.travel(tomorrow, tick=False):
        with pytest.raises(Refused, match="请录入"):
            draws.draw_execute(draw=draw, actor=world["manager"], beacon="")
        draw = draws.draw_execute(draw=draw, actor=world["manager"], beacon=BEACON_VALUE)
        entered = timezone.now()
    draw = draws.draw_reveal(draw=draw, actor=world["manager"])
    assert draw.beacon_value == BEACON_VALUE and draw.beacon_entered_at == entered
    assert draw.beacon_entered_by == world["manager"]
    event = AuditEvent.objects.get(action="inspections.draw.draw")
    assert event.data["beacon"] == BEACON_VALUE
    # the published seed alone does not give the result; with the value it does
    outcome = selectors.draw_verification(draw)
    assert outcome.ok, outcome.message
    frozen, seed = selectors.read_frozen(draw), bytes.fromhex(draw.seed_hex)
    alone = algo.verify(frozen=frozen, seed=seed, published=selectors.result_bytes(draw))
    assert not alone.ok
    assert algo.verify(
        frozen=frozen,
        seed=seed,
        published=selectors.result_bytes(draw),
        algorithm=draw.algorithm,
        beacon=draw.beacon_value,
    ).ok


def test_a_redraw_needs_a_published_reason_and_keeps_the_first(world, client):
    first = draws.draw_run(
        plan=world["plan"],
        on=DRAW_DAY,
        actor=world["manager"],
        **beacon_terms(),
        beacon=BEACON_VALUE,
    )
    first_result = first.result_sha256
    with pytest.raises(Refused, match="重新抽取须填写原因"):
        draws.draw_commit(plan=world["plan"], on=DRAW_DAY, actor=world["manager"], **beacon_terms())
    assert Draw.objects.count() == 1
    second = draws.draw_commit(
        plan=world["plan"],
        on=DRAW_DAY,
        actor=world["manager"],
        **beacon_terms(),
        redraw_reason="名录库导入有误，更正后重新抽取",
    )
    assert second.redraw_of == first and second.redraw_reason == "名录库导入有误，更正后重新抽取"
    first.refresh_from_db()
    assert first.status == Draw.Status.REVEALED and first.result_sha256 == first_result
    assert first.checks.exists()
    commit = AuditEvent.objects.filter(action="inspections.draw.commit").last()
    assert commit.data["redraw_reason"] == "名录库导入有误，更正后重新抽取"
    page = client.get(f"/inspections/draws/{second.pk}/").content.decode()
    assert "名录库导入有误，更正后重新抽取" in page and first.number in page
    assert client.get(f"/inspections/draws/{first.pk}/").status_code == 200
