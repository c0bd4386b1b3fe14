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
EXEMPT: dict[str, str] = {}

# Apps whose gate tests are still being written (issue 16 item 1); each leaves this set when its
# tests/test_gate.py covers every one of its services. Empty when the gate is everywhere.
PENDING_APPS = {
    "accounts",
    "core",
    "disputes",
    "enforcement",
    "laws",
    "normdocs",
}


def _service_modules():
    for app in sorted(p for p in ROOT.iterdir() if (p / "__init__.py").exists()):
        base = f"fazhi.{app.name}.services"
        if (app / "services.py").exists():
            yield importlib.import_module(base)
        elif (app / "services" / "__init__.py").exists():
            package = importlib.import_module(base)
            for info in pkgutil.iter_modules(package.__path__):
                yield importlib.import_module(f"{base}.{info.name}")


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
