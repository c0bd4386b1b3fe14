"""Every write service is on the gate matrix (fazhi.accounts.testing.gate).

Discovered, not listed: a public function of a services module (``fazhi.<app>.services`` or a
module inside that package) with an ``actor`` parameter. Each must be named in some app's
``tests/test_gate*.py`` (where ``check_gate`` exercises it) or exempted below with the reason.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from pathlib import Path

import fazhi

ROOT = Path(fazhi.__file__).resolve().parent

# Services whose actor is not a member of staff acting on a unit's record, with the reason.
_STEP = (
    "a step inside the owning app's write service, which has already checked the actor on the "
    "record in the same transaction; no page or API calls it on its own"
)
EXEMPT: dict[str, str] = {
    "fazhi.core.services.audit.person": "not a write: the account an audit event names",
    "fazhi.core.services.deadlines.deadline_open": _STEP,
    "fazhi.core.services.deadlines.deadline_open_fixed": _STEP,
    "fazhi.core.services.deadlines.deadline_meet": _STEP,
    "fazhi.core.services.deadlines.deadline_extend": _STEP,
    "fazhi.core.services.deadlines.deadline_cancel": _STEP,
    "fazhi.core.services.evidence.evidence_ingest": _STEP
    + " (or the operator's `fazhi evidence` command on the server)",
    "fazhi.core.services.evidence.evidence_open": (
        "a read, audited: the calling view has already scoped the record the file belongs to"
    ),
    "fazhi.normdocs.services._common.clock_open": _STEP,
    "fazhi.normdocs.services._common.clock_meet": _STEP,
    "fazhi.normdocs.services._common.clock_close_all": _STEP,
    "fazhi.normdocs.services._common.expiry_reminder_open": _STEP,
    "fazhi.normdocs.services._common.record": "the audit call of the gated normdocs services",
    "fazhi.officers.services._common.record": "the audit call of the gated officers services",
    "fazhi.inspections.services._common.record": "the audit call of the gated inspections services",
    # Public and system writes take no staff actor: the citizen's online 复议 application and
    # public comments (reconsideration_apply with actor=None and is_online, comment_submit),
    # the certificate lookup (lookup_register) and the daily jobs (publicity_expire,
    # documents_expire_due) — the jobs refuse any actor but SYSTEM and are on the matrix.
    # enforcement (branch enfgate): helpers called inside a case service's transaction, after
    # that service passed the gate; they take ``actor`` only to stamp the audit and the record.
    "fazhi.enforcement.services.cases_common.add_act": "helper of the case services (gated there)",
    "fazhi.enforcement.services.cases_common.ingest": "helper of the case services (gated there)",
    "fazhi.core.services.entry_dates.record_typed_date": (
        "helper of the case, arrears and draw services (gated there): logs a typed date beside "
        "its entry"
    ),
    "fazhi.decisions.services.competition.write_conclusion": (
        "helper of the decisions and normdocs fair-competition steps (gated there): checks and "
        "saves the conclusion"
    ),
    "fazhi.enforcement.services.cases_common.enter_date": (
        "helper of the case services (gated there): logs a step's typed date and meets its clock"
    ),
    "fazhi.decisions.services._common.enter_matter_date": (
        "helper of the counsel and fair-competition services (gated there): logs a step's typed "
        "date in its decision's 日期录入记录"
    ),
    "fazhi.enforcement.services.cases.cancel_open_deadlines": "helper of case_withdraw/close/archive",
    "fazhi.enforcement.services.cases_disputes.case_decision_set_aside": (
        "called inside the disputes service that records the revoking decision (gated there)"
    ),
    "fazhi.core.services.deadlines.deadlines_recompute_report": _STEP
    + " (the calendar services and the operator's recompute command)",
    "fazhi.core.services.backup.backup_create": (
        "the operator's `fazhi backup create` on the server; no page or API reaches it"
    ),
}

# Apps whose gate tests are still being written (issue 16 item 1); each leaves this set when its
# tests/test_gate.py covers every one of its services. Empty when the gate is everywhere.
PENDING_APPS: set[str] = set()


def _service_modules():
    for app in sorted(p for p in ROOT.iterdir() if (p / "__init__.py").exists()):
        base = f"fazhi.{app.name}.services"
        if (app / "services.py").exists():
            yield importlib.import_module(base)
        elif (app / "services" / "__init__.py").exists():
            package = importlib.import_module(base)
            # every module below, packages inside the package too (a split services module)
            for info in pkgutil.walk_packages(package.__path__, prefix=f"{base}."):
                yield importlib.import_module(info.name)


def write_services() -> dict[str, str]:
    """Function name → defining module, for every public service taking ``actor``."""
    found: dict[str, str] = {}
    for module in _service_modules():
        for name, fn in inspect.getmembers(module, inspect.isfunction):
            if name.startswith("_") or fn.__module__ != module.__name__:
                continue
            if "actor" in inspect.signature(fn).parameters:
                found[name] = module.__name__
    return found


def _covered() -> set[str]:
    names: set[str] = set()
    for path in ROOT.glob("*/tests/test_gate*.py"):
        names |= set(re.findall(r"\b([a-z_][a-z0-9_]*)\b", path.read_text(encoding="utf-8")))
    return names


def test_every_write_service_is_on_the_gate_matrix():
    services = write_services()
    assert len(services) > 50, "discovery found too few services: is the pattern still right?"
    missing = sorted(
        f"{module}.{name}"
        for name, module in services.items()
        if name not in _covered()
        and f"{module}.{name}" not in EXEMPT
        and module.split(".")[1] not in PENDING_APPS
    )
    assert not missing, "write services without a gate test:\n" + "\n".join(missing)
