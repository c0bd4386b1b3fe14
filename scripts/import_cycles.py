"""Two-way import pairs between fazhi's top-level packages and modules, tests excluded (ADR 0010).

Usage: PYTHONPATH=. .venv/bin/python scripts/import_cycles.py [-v]   (-v lists the imports)
"""

from __future__ import annotations

import sys

import grimp


def _top(module: str) -> str:
    return ".".join(module.split(".")[:2])


def _is_test(module: str) -> bool:
    return ".tests" in module or module.rsplit(".", 1)[-1].startswith("test")


def two_way_pairs() -> tuple[list[tuple[str, str]], dict[tuple[str, str], list[str]]]:
    graph = grimp.build_graph("fazhi")
    edges: dict[tuple[str, str], list[str]] = {}
    for module in graph.modules:
        if _is_test(module):
            continue
        for imported in graph.find_modules_directly_imported_by(module):
            if not imported.startswith("fazhi.") or _is_test(imported):
                continue
            a, b = _top(module), _top(imported)
            if a != b:
                edges.setdefault((a, b), []).append(f"{module} -> {imported}")
    pairs = sorted({(min(a, b), max(a, b)) for a, b in edges if (b, a) in edges})
    return pairs, edges


def main(argv: list[str]) -> None:
    pairs, edges = two_way_pairs()
    out = [f"{len(pairs)} two-way pairs"]
    for a, b in pairs:
        out.append(f"  {a} <-> {b}")
        if "-v" in argv:
            out.extend(f"      {edge}" for edge in edges[(a, b)] + edges[(b, a)])
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])
