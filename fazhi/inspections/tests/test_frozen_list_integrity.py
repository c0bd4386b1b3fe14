"""`fazhi evidence verify` covers the frozen lists of 双随机 draws (issue 18 item 4)."""

from __future__ import annotations

import gzip
import hashlib

import pytest
from django.core.files.base import ContentFile

from fazhi.core.services.evidence import evidence_verify
from fazhi.inspections.models import Draw
from fazhi.inspections.selectors import frozen_storage, list_path
from fazhi.inspections.services import draws
from fazhi.inspections.tests.conftest import DRAW_DAY, beacon_terms

pytestmark = pytest.mark.django_db


def _problems():
    return [(p.problem, p.storage_name) for p in evidence_verify().problems]


def test_intact_frozen_list_is_counted(world):
    draws.draw_commit(plan=world["plan"], on=DRAW_DAY, actor=world["manager"], **beacon_terms())
    report = evidence_verify()
    assert report.is_intact
    assert report.checked == 1


def test_edited_frozen_list_is_reported(world):
    draw = draws.draw_commit(
        plan=world["plan"], on=DRAW_DAY, actor=world["manager"], **beacon_terms()
    )
    storage = frozen_storage()
    with storage.open(draw.list_path, "rb") as fh:
        original = fh.read()
    storage.delete(draw.list_path)
    storage.save(draw.list_path, ContentFile(gzip.compress(b"one employer fewer\n")))
    try:
        assert _problems() == [("mismatch", draw.list_path)]
    finally:  # the store outlives the test's transaction: put the committed list back
        storage.delete(draw.list_path)
        storage.save(draw.list_path, ContentFile(original))


def test_list_and_recorded_hash_rewritten_together_is_caught(world):
    draw = draws.draw_commit(
        plan=world["plan"], on=DRAW_DAY, actor=world["manager"], **beacon_terms()
    )
    forged = b"a list chosen after the fact\n"
    sha = hashlib.sha256(forged).hexdigest()
    frozen_storage().save(list_path(sha), ContentFile(gzip.compress(forged)))
    Draw.objects.filter(pk=draw.pk).update(list_sha256=sha, list_path=list_path(sha))
    assert _problems() == [("ingest", list_path(sha))]


def test_missing_frozen_list_is_reported(world):
    draw = draws.draw_commit(
        plan=world["plan"], on=DRAW_DAY, actor=world["manager"], **beacon_terms()
    )
    storage = frozen_storage()
    with storage.open(draw.list_path, "rb") as fh:
        original = fh.read()
    storage.delete(draw.list_path)
    try:
        assert _problems() == [("missing", draw.list_path)]
    finally:
        storage.save(draw.list_path, ContentFile(original))
