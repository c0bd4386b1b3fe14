"""Reconsideration and litigation records for the dashboard's dispute charts (read-only here:
rows are made directly, the disputes services are tested in their own app)."""

from datetime import date

from fazhi.disputes.models import LitigationCase, ReconsiderationCase


def recon(unit, n, decision, received_on=date(2019, 3, 20)):
    return ReconsiderationCase.objects.create(
        org_unit=unit,
        reference=f"津人社复〔2019〕{n}号",
        tracking_code=f"T{n:06d}",
        role="body",
        status="decided" if decision else "accepted",
        law="2017",
        applicant_name="张三",
        respondent="某区人社局",
        act="工伤认定决定",
        act_known_on=date(2019, 3, 1),
        requests="撤销该决定",
        received_on=received_on,
        decision=decision,
        decided_on=date(2019, 5, 20) if decision else None,
    )


def suit(unit, n, outcome, received_on=date(2019, 4, 1)):
    return LitigationCase.objects.create(
        org_unit=unit,
        court="天津市和平区人民法院",
        case_number=f"（2019）津0101行初{n}号",
        instance="first",
        plaintiff="李四",
        act="行政处罚决定",
        claims="撤销处罚决定",
        step="judged" if outcome else "answered",
        received_on=received_on,
        outcome=outcome,
        judged_on=date(2019, 9, 1) if outcome else None,
    )


def seed(org_tree):
    """district: 3 decisions, 2 corrected (66.7%), 1 pending; zhidui: 1 upheld (0%);
    suits: district 2 judged, 1 lost (50%); zhidui 1 not judged (—)."""
    d, z = org_tree["district"], org_tree["zhidui"]
    recon(d, 1, "revoke")
    recon(d, 2, "vary")
    recon(d, 3, "uphold")
    recon(d, 4, "")
    recon(z, 5, "uphold")
    recon(z, 6, "revoke", received_on=date(2018, 12, 1))  # another year
    suit(d, 1, "revoke")
    suit(d, 2, "dismiss_claim")
    suit(z, 3, "")
