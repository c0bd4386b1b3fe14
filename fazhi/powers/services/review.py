"""Flag items for review when a law they rely on was amended or repealed (依据变动复核)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.db import transaction
from django.utils import timezone

from fazhi.accounts.permissions import LAWS_MAINTAIN, require
from fazhi.core.caching import bump
from fazhi.core.services import audit
from fazhi.powers import selectors
from fazhi.powers.domain.review import reasons_key, review_reasons
from fazhi.powers.models import PowerItem


@transaction.atomic
def power_items_flag_changed_law(
    *, actor, documents: Iterable | None = None, on: date | None = None
) -> list[PowerItem]:
    """Flag every active item whose current version cites a text that has a newer version
    changing the cited article, or that is repealed or expired on ``on`` (default today).

    ``documents`` (LegalDocument rows, e.g. those a laws import touched) limits the check to
    items citing any version of their works; None checks every active item. An item already
    flagged for the same reasons, or whose reviewer cleared exactly these reasons, is left
    alone, so the call is idempotent. Audits ``powers.item.flag_review`` per item flagged and
    returns those items. Never clears a flag: that takes a person (``power_item_review_clear``).
    """
    require(actor, LAWS_MAINTAIN)  # a bureau-wide sweep after the law corpus changed
    day = on or timezone.localdate()
    candidates = selectors.items_citing(
        documents=list(documents) if documents is not None else None
    )
    flagged: list[PowerItem] = []
    for item in candidates.select_for_update():
        version = selectors.power_item_current_version(item=item)
        if version is None:
            continue
        reasons = review_reasons(selectors.basis_facts(bases=version.bases.all(), on=day))
        if not reasons:
            continue
        key, text = reasons_key(reasons), "\n".join(reasons)
        if key == item.review_cleared_key or (item.needs_review and item.review_reason == text):
            continue
        item.needs_review, item.review_reason = True, text
        item.review_flagged_at = timezone.now()
        item.save(
            update_fields=["needs_review", "review_reason", "review_flagged_at", "updated_at"]
        )
        audit.record(
            actor=actor,
            action="powers.item.flag_review",
            target=item,
            data={"version": version.number, "reasons": reasons, "on": day},
        )
        flagged.append(item)
    bump("powers")  # public pages show it: a new version on commit
    return flagged
