"""A 普法 activity's way out of the bureau: staff download of its materials and photos from the
evidence store, and its publication on the public 普法 page with the photos chosen for it.

Downloads go through ``core.services.evidence.evidence_open``: the file is checked against its
ingestion records first (a file that fails is refused and the failure audited), and every
download is logged in the file's custody record and audited.
"""

from __future__ import annotations

from typing import IO

from django.db import transaction
from django.utils import timezone

from fazhi.accounts.permissions import EDUCATION_MANAGE, pufa_rule, require
from fazhi.core.caching import bump
from fazhi.core.domain.errors import Refused
from fazhi.core.services import audit
from fazhi.core.services.evidence import check_file, evidence_open, ingest_hashes
from fazhi.education.domain.exam import ExamError
from fazhi.education.models import Activity, ActivityMaterial, MaterialKind


def material_open(*, material: ActivityMaterial, actor) -> IO[bytes]:
    """Open one material or photo of an activity for download: the activity's unit's 普法 staff
    only; checked, logged and audited by the evidence store. The caller closes the file."""
    activity = material.activity
    require(actor, pufa_rule(actor), unit=activity.org_unit)
    return evidence_open(
        evidence=material.evidence, actor=actor, note=f"普法活动材料下载：{activity.title}"[:255]
    )


@transaction.atomic
def activity_publish(*, activity: Activity, photos, actor) -> Activity:
    """Show the activity on the public 普法 page (or change the photos it shows there): only
    photos of this activity, each intact in the evidence store. The first publication's time
    is kept; a change of photos is audited too."""
    require(actor, EDUCATION_MANAGE, unit=activity.org_unit)
    activity = Activity.objects.select_for_update().get(pk=activity.pk)
    wanted = {int(getattr(p, "pk", p)) for p in photos or []}
    chosen = list(
        activity.materials.filter(pk__in=wanted, kind=MaterialKind.PHOTO).select_related("evidence")
    )
    if len(chosen) != len(wanted):
        raise Refused("只能公开本活动的照片（材料不公开）", code=ExamError.BAD_ACTIVITY)
    hashes = ingest_hashes([m.evidence_id for m in chosen])
    for m in chosen:
        if check_file(m.evidence, hashes.get(m.evidence_id)) is not None:
            raise Refused(
                f"照片“{m.caption or m.evidence.original_name}”未通过完整性校验，不能公开",
                code=ExamError.BAD_ACTIVITY,
            )
    activity.materials.exclude(pk__in=wanted).update(is_public=False)
    activity.materials.filter(pk__in=wanted).update(is_public=True)
    first = activity.published_at is None
    if first:
        activity.published_at = timezone.now()
        activity.published_by = audit.person(actor)
        activity.save(update_fields=["published_at", "published_by"])
    audit.record(
        actor=actor,
        action="education.activity.publish",
        target=activity,
        data={"photos": sorted(wanted), "first": first},
    )
    bump("education")
    return activity


@transaction.atomic
def activity_withdraw(*, activity: Activity, actor) -> Activity:
    """Take a published activity (and its photos) off the public 普法 page."""
    require(actor, EDUCATION_MANAGE, unit=activity.org_unit)
    activity = Activity.objects.select_for_update().get(pk=activity.pk)
    if activity.published_at is None:
        raise Refused("该活动尚未公开", code=ExamError.BAD_ACTIVITY)
    activity.published_at = None
    activity.published_by = None
    activity.save(update_fields=["published_at", "published_by"])
    activity.materials.update(is_public=False)
    audit.record(actor=actor, action="education.activity.withdraw", target=activity, data={})
    bump("education")
    return activity
