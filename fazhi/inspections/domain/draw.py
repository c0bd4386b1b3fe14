"""The verifiable draw of 双随机一公开: commit, draw, reveal. Pure Python, no Django.

Rules behind it:

* 国办发〔2015〕58号 and 国发〔2019〕5号: the 检查对象 are drawn at random from the 名录库 and the
  执法检查人员 at random from the 人员名录库 (摇号), at the ratio the plan sets per stratum.
* 《劳动保障监察条例》第十六条 and 《中华人民共和国行政处罚法》第四十二条: at least two inspectors
  per check; 第十六条 / 行政处罚法 第四十三条: an inspector with an interest withdraws (回避).

The draw is a deterministic function of two inputs: the **frozen list** (canonical bytes, below)
and a 32-byte **seed**. Before the draw the authority publishes ``SHA-256(frozen list)`` and
``SHA-256(seed)`` (the commitment); afterwards it publishes the seed, and anyone holding the list
can recompute the result with this module (or any re-implementation of docs/dev/inspections.md).

Frozen list, version 1 (UTF-8, every line ends with LF, no BOM)::

    #fazhi-draw-list 1
    #per-check 2
    #shares
    <stratum>\\t<share>          one per stratum with a share, sorted by stratum (code points)
    #employers
    <USCC>\\t<stratum>           every candidate employer, sorted by USCC
    #inspectors
    <certificate number>        every inspector in the pool, sorted
    #exclusions
    <certificate number>\\t<USCC> every 回避 pair (relation or "not twice running"), sorted

Algorithm, version 1:

1. Employers. For every candidate, ``key = SHA-256(seed || USCC as UTF-8)`` (32 bytes). In each
   stratum of size ``n`` with share ``s``, ``k = floor(s × n + 1/2)`` (round half up, exact
   decimal arithmetic); the ``k`` candidates with the smallest keys (byte order; ties by USCC)
   are drawn. Strata without a share are not drawn.
2. Checks. The drawn employers sorted by USCC are checks ``0, 1, 2 …`` (the check index ``i``).
3. Inspectors. ``M`` = the pool, sorted. For check ``i`` of employer ``U``, for ``j = 0, 1, 2 …``:
   ``r = int(SHA-256(seed || "<i>\\t<j>" as ASCII), big-endian) mod M``; the inspector at
   position ``r`` is taken unless already taken for this check or excluded with ``U``; stop when
   ``per-check`` inspectors are taken (in the order taken). If fewer than ``per-check``
   inspectors of the pool are not excluded with ``U``, the whole draw is refused.

Algorithm, version 2 (``fazhi-draw/2``, every draw committed since issue 18): the server's seed
alone no longer decides. The commitment also names a **public value** published after it (the
source, e.g. a stated lottery draw, and its date); the draw step needs that value entered, and
version 1 then runs with ``draw seed = SHA-256(seed || beacon)`` where ``beacon`` is the value's
text with surrounding whitespace removed and every run of whitespace replaced by one space,
encoded in UTF-8 (`beacon_text`, `draw_seed`). The server fixed its seed before the value
existed, and cannot change it after (its SHA-256 is published); the value is public.

>>> frozen = freeze(employers=[("91120000MA05K1234X", "A")], inspectors=["T1", "T2"],
...                 exclusions=[], shares={"A": "1"})
>>> result = draw(parse(frozen), bytes(32))
>>> [(c.uscc, c.inspectors) for c in result.checks]
[('91120000MA05K1234X', ('T1', 'T2'))]
"""

from __future__ import annotations

import gzip
import hashlib
import heapq
import operator
import sys
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from itertools import chain, islice
from typing import Any

from fazhi.core.domain.errors import Refused

FORMAT_HEADER = "#fazhi-draw-list 1"
ALGORITHM_V1 = "fazhi-draw/1"  # the server's seed alone (draws committed before version 2)
ALGORITHM = ALGORITHM_V2 = "fazhi-draw/2"  # the seed mixed with a public value fixed later
ALGORITHMS = (ALGORITHM_V1, ALGORITHM_V2)
SEED_BYTES = 32
BEACON_MAX = 200  # characters of the public value
MIN_INSPECTORS = 2  # 《劳动保障监察条例》第十六条 "不得少于2人"; 行政处罚法 第四十二条
BASIS_TWO = "《劳动保障监察条例》第十六条；《中华人民共和国行政处罚法》第四十二条"
BASIS_RECUSAL = "《劳动保障监察条例》第十六条；《中华人民共和国行政处罚法》第四十三条"
BASIS_FORMAT = "docs/dev/inspections.md 抽取算法第1版"
BASIS_BEACON = (
    "docs/dev/inspections.md 抽取算法第2版（公开随机值）；国办发〔2015〕58号（抽查过程全程留痕）"
)


class TooFewInspectors(Refused):
    """After 回避, fewer than two inspectors remain for one employer: the whole draw refuses."""

    def __init__(self, uscc: str, available: int, needed: int, label: str = ""):
        self.uscc, self.available, self.needed = uscc, available, needed
        who = f"{label}（统一社会信用代码 {uscc}）" if label else f"统一社会信用代码 {uscc} 的单位"
        super().__init__(
            f"{who}回避后可派的执法检查人员只有 {available} 名，少于每次检查所需的 {needed} 名，"
            "本次抽取不予进行",
            BASIS_RECUSAL,
        )


@dataclass(frozen=True)
class DrawInput:
    """The parsed frozen list."""

    shares: dict[str, Fraction]
    share_texts: dict[str, str]
    employers: list[tuple[str, str]]  # (uscc, stratum), sorted by uscc
    inspectors: list[str]  # sorted
    exclusions: dict[str, frozenset[str]]  # uscc → certificate numbers excluded with it
    per_check: int = MIN_INSPECTORS


@dataclass(frozen=True)
class DrawnCheck:
    index: int
    uscc: str
    stratum: str
    inspectors: tuple[str, ...]


@dataclass(frozen=True)
class StratumCount:
    stratum: str
    size: int
    share: str
    drawn: int


@dataclass(frozen=True)
class DrawResult:
    checks: list[DrawnCheck]
    strata: list[StratumCount] = field(default_factory=list)

    def canonical(self) -> bytes:
        """One line per check: index, USCC, stratum, the inspectors in the order drawn."""
        lines = ["\t".join((str(c.index), c.uscc, c.stratum, *c.inspectors)) for c in self.checks]
        return ("\n".join(lines) + "\n").encode() if lines else b""

    def digest(self) -> str:
        return sha256_hex(self.canonical())


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def share_fraction(text: str) -> Fraction:
    """A share as an exact fraction; accepts "0.05", "5%", "1/20". Refuses outside [0, 1].

    >>> share_fraction("5%"), share_fraction("0.05"), share_fraction("1/20")
    (Fraction(1, 20), Fraction(1, 20), Fraction(1, 20))
    """
    raw = str(text).strip()
    try:
        if raw.endswith("%"):
            value = Fraction(Decimal(raw[:-1])) / 100
        elif "/" in raw:
            value = Fraction(raw)
        else:
            value = Fraction(Decimal(raw))
    except (InvalidOperation, ValueError, ZeroDivisionError):
        raise Refused(f"抽查比例“{raw}”不是有效的数", BASIS_FORMAT) from None
    if not 0 <= value <= 1:
        raise Refused(f"抽查比例“{raw}”须在 0 与 1 之间", BASIS_FORMAT)
    return value


def share_text(value: Fraction) -> str:
    """Canonical text of a share: a plain decimal when finite, else ``p/q``.

    >>> share_text(Fraction(1, 20)), share_text(Fraction(1, 3)), share_text(Fraction(1))
    ('0.05', '1/3', '1')
    """
    den = value.denominator
    while den % 2 == 0:
        den //= 2
    while den % 5 == 0:
        den //= 5
    if den != 1:
        return f"{value.numerator}/{value.denominator}"
    text = format(Decimal(value.numerator) / Decimal(value.denominator), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def share_percent(text: str) -> str:
    """A share as people read it (issue 19.8): a percentage, exact; a share with no finite
    decimal keeps its fraction, so the page still states the value the draw used.

    >>> share_percent("0.03"), share_percent("0.125"), share_percent("1"), share_percent("1/3")
    ('3%', '12.5%', '100%', '1/3')
    """
    value = share_fraction(text)
    plain = share_text(value)
    if "/" in plain:
        return plain
    return share_text(value * 100) + "%"


def quota(share: Fraction, size: int) -> int:
    """k = floor(share × size + 1/2): round half up, exactly.

    >>> quota(Fraction(1, 20), 30), quota(Fraction(1, 20), 29), quota(Fraction(1, 20), 10)
    (2, 1, 1)
    """
    return int((share * size + Fraction(1, 2)).__floor__())


def _clean(value: str, what: str) -> str:
    if not value or any(c in value for c in "\t\r\n") or value.startswith("#"):
        raise Refused(f"{what}“{value}”含有不允许的字符", BASIS_FORMAT)
    return value


def _block(rows: list[tuple[str, str]], what: str) -> str:
    """Rows as "a<TAB>b" lines, checked in a few passes at C speed instead of one call per row:
    the text is joined from the first values and one "<TAB>b<LF>" string per distinct second
    value (a stratum repeats over a million rows), so no string is made per row."""
    firsts = list(map(operator.itemgetter(0), rows))
    tails = {b: "\t" + b + "\n" for b in set(map(operator.itemgetter(1), rows))}  # text only
    lasts = map(tails.__getitem__, map(operator.itemgetter(1), rows))
    text = "".join(chain.from_iterable(zip(firsts, lasts, strict=True)))[:-1]
    if (
        text.count("\t") != len(rows)
        or text.count("\n") != max(len(rows) - 1, 0)
        or "\r" in text
        or "\n#" in text
        or text.startswith("#")
        or "" in tails
        or "" in firsts
    ):
        bad = next(
            r
            for r in rows
            if not r[0]
            or not r[1]
            or "\t" in "".join(r)
            or "\n" in "".join(r)
            or "\r" in "".join(r)
            or r[0].startswith("#")
        )
        raise Refused(f"{what}“{bad[0]}”含有不允许的字符", BASIS_FORMAT)
    return text


def _sorted_unique(rows: list[Any], what: str) -> list[Any]:
    """``rows`` sorted (by their first value), refusing a repeated one; a list already strictly
    increasing (the services read it sorted) is checked in one pass."""
    first = operator.itemgetter(0)
    keys = list(map(first, rows)) if rows and isinstance(rows[0], tuple) else rows
    if all(map(operator.lt, keys, islice(keys, 1, None))):
        return rows
    rows = sorted(rows)
    keys = [r[0] if isinstance(r, tuple) else r for r in rows]
    for a, b in zip(keys, islice(keys, 1, None), strict=False):
        if a == b:
            raise Refused(f"{what} {a} 重复", BASIS_FORMAT)
    return rows


def freeze(
    *,
    employers: Iterable[tuple[str, str]],
    inspectors: Iterable[str],
    exclusions: Iterable[tuple[str, str]],
    shares: Mapping[str, str | Fraction],
    per_check: int = MIN_INSPECTORS,
) -> bytes:
    """The canonical frozen list (bytes). Sorts everything; duplicates are refused."""
    if per_check < MIN_INSPECTORS:
        raise Refused("每次检查的执法检查人员不得少于2人", BASIS_TWO)
    rows = _sorted_unique(list(employers), "名录中统一社会信用代码")
    pool = _sorted_unique([_clean(c, "执法证号") for c in inspectors], "执法检查人员名录中执法证号")
    pairs = sorted(set(exclusions))
    share_lines = sorted(
        (_clean(s, "分层"), share_text(v if isinstance(v, Fraction) else share_fraction(v)))
        for s, v in shares.items()
    )
    parts = [FORMAT_HEADER, f"#per-check {per_check}", "#shares"]
    parts += [f"{s}\t{v}" for s, v in share_lines]
    parts.append("#employers")
    if rows:
        parts.append(_block(rows, "统一社会信用代码"))
    parts.append("#inspectors")
    parts += pool
    parts.append("#exclusions")
    if pairs:
        parts.append(_block(pairs, "执法证号"))
    return ("\n".join(parts) + "\n").encode()


def _section(text: str, name: str, end: str | None) -> str:
    """The text of section ``name`` (up to section ``end``), without its last LF."""
    marker = f"\n#{name}\n"
    start = text.index(marker) + len(marker)
    stop = text.index(f"\n#{end}\n", start - 1) if end else len(text) - 1
    return text[start:stop]


def _lines(block: str) -> list[str]:
    return block.split("\n") if block else []


def _pairs(block: str, what: str) -> tuple[list[str], list[str]]:
    """The two columns of "a<TAB>b" lines, split at C speed."""
    if not block:
        return [], []
    parts = block.replace("\n", "\t").split("\t")
    if len(parts) != 2 * (block.count("\n") + 1):
        raise Refused(f"冻结名单中{what}的行格式不正确", BASIS_FORMAT)
    return parts[0::2], parts[1::2]


def parse(data: bytes, *, check_canonical: bool = True) -> DrawInput:
    """Read a frozen list (plain or gzip). Refuses anything that is not canonical.

    ``check_canonical=False`` skips re-serialising to compare (for a list whose SHA-256 was
    already checked against a commitment made from canonical bytes).
    """
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise Refused("冻结名单不是 UTF-8 编码", BASIS_FORMAT) from None
    if not text.endswith("\n") or "\r" in text:
        raise Refused("冻结名单的换行不规范（须为 LF 且以换行结尾）", BASIS_FORMAT)
    head = text.split("\n", 2)
    if head[0] != FORMAT_HEADER or not head[1].startswith("#per-check "):
        raise Refused("冻结名单缺少版本头“#fazhi-draw-list 1”", BASIS_FORMAT)
    try:
        per_check = int(head[1].split(" ", 1)[1])
        share_lines = _section(text, "shares", "employers")
        employer_lines = _section(text, "employers", "inspectors")
        pool = _lines(_section(text, "inspectors", "exclusions"))
        exclusion_lines = _section(text, "exclusions", None)
    except ValueError:
        raise Refused("冻结名单的分节不完整", BASIS_FORMAT) from None
    strata_names, share_values = _pairs(share_lines, "比例")
    texts = dict(zip(strata_names, share_values, strict=True))
    shares = {k: share_fraction(v) for k, v in texts.items()}
    usccs, strata = _pairs(employer_lines, "单位")
    strata = list(map(sys.intern, strata))
    certs, excluded_usccs = _pairs(exclusion_lines, "回避组合")
    excluded: dict[str, set[str]] = defaultdict(set)
    for cert, uscc in zip(certs, excluded_usccs, strict=True):
        excluded[uscc].add(cert)
    result = DrawInput(
        shares=shares,
        share_texts=texts,
        employers=list(zip(usccs, strata, strict=True)),
        inspectors=pool,
        exclusions={u: frozenset(c) for u, c in excluded.items()},
        per_check=per_check,
    )
    if check_canonical and freeze_input(result) != data:
        raise Refused("冻结名单不是规范格式（须排序、无重复）", BASIS_FORMAT)
    return result


def freeze_input(value: DrawInput) -> bytes:
    pairs = [(c, u) for u, certs in value.exclusions.items() for c in certs]
    return freeze(
        employers=value.employers,
        inspectors=value.inspectors,
        exclusions=pairs,
        shares=value.share_texts or value.shares,
        per_check=value.per_check,
    )


def new_seed_check(seed: bytes) -> None:
    if len(seed) != SEED_BYTES:
        raise Refused(f"种子须为 {SEED_BYTES} 字节（64 位十六进制）", BASIS_FORMAT)


def beacon_text(value: str) -> str:
    """The public value as it enters the seed: stripped, every whitespace run one space.

    >>> beacon_text("  03 07 12   19 25 31 + 09 ")
    '03 07 12 19 25 31 + 09'
    """
    text = " ".join((value or "").split())
    if not text:
        raise Refused("请录入抽取前公布的公开随机值（如约定日期的开奖号码）", BASIS_BEACON)
    if len(text) > BEACON_MAX:
        raise Refused(f"公开随机值不能超过 {BEACON_MAX} 个字符", BASIS_BEACON)
    return text


def draw_seed(algorithm: str, seed: bytes, beacon: str = "") -> bytes:
    """The seed the draw runs with: version 1 the server's seed; version 2
    ``SHA-256(seed || UTF-8(beacon_text(beacon)))``.

    >>> draw_seed(ALGORITHM_V2, bytes(32), " 1 2  3 ").hex()[:16]
    '3681852bd63867f0'
    >>> draw_seed(ALGORITHM_V1, bytes(32)) == bytes(32)
    True
    """
    new_seed_check(seed)
    if algorithm == ALGORITHM_V1:
        return seed
    if algorithm != ALGORITHM_V2:
        raise Refused(f"未知的抽取算法版本“{algorithm}”", BASIS_FORMAT)
    return hashlib.sha256(seed + beacon_text(beacon).encode()).digest()


def select_employers(
    value: DrawInput, seed: bytes
) -> tuple[list[tuple[str, str]], list[StratumCount]]:
    """Step 1: per stratum, the k candidates with the smallest SHA-256(seed || USCC)."""
    new_seed_check(seed)
    groups: dict[str, list[str]] = defaultdict(list)
    for uscc, stratum in value.employers:
        groups[stratum].append(uscc)
    seeded = hashlib.sha256(seed)  # SHA-256(seed || USCC): the seed's state copied per USCC
    chosen: list[tuple[str, str]] = []
    counts = []
    for stratum in sorted(groups):
        members = groups[stratum]
        share = value.shares.get(stratum, Fraction(0))
        k = quota(share, len(members))
        if k:
            # key (32 bytes) followed by the USCC itself: byte order = key order, ties by USCC
            keyed = []
            # one encode of the joined stratum, split again: a third of a str.encode per USCC
            # (no USCC holds a line break: the frozen list is split on them)
            for u in "\n".join(members).encode().split(b"\n"):
                state = seeded.copy()
                state.update(u)
                keyed.append(state.digest() + u)
            best = heapq.nsmallest(k, keyed) if k * 4 < len(keyed) else sorted(keyed)[:k]
            chosen += [(key[32:].decode(), stratum) for key in best]
        counts.append(StratumCount(stratum, len(members), share_text(share), k))
    chosen.sort()
    return chosen, counts


def assign_inspectors(
    value: DrawInput,
    seed: bytes,
    drawn: list[tuple[str, str]],
    labels: Mapping[str, str] | None = None,
) -> list[DrawnCheck]:
    """Steps 2–3: number the checks and pick ``per_check`` inspectors for each, with 回避."""
    pool, size, need = value.inspectors, len(value.inspectors), value.per_check
    if size < need:
        raise Refused(f"执法检查人员名录库只有 {size} 名有效持证人员，少于 {need} 名", BASIS_TWO)
    for uscc, _ in drawn:  # refuse before assigning anyone: the whole draw or nothing
        available = size - len(value.exclusions.get(uscc, ()))
        if available < need:
            raise TooFewInspectors(uscc, available, need, (labels or {}).get(uscc, ""))
    checks = []
    for index, (uscc, stratum) in enumerate(drawn):
        excluded = value.exclusions.get(uscc, frozenset())
        taken: list[str] = []
        j = 0
        while len(taken) < need:
            digest = hashlib.sha256(seed + f"{index}\t{j}".encode()).digest()
            cert = pool[int.from_bytes(digest, "big") % size]
            if cert not in excluded and cert not in taken:
                taken.append(cert)
            j += 1
        checks.append(DrawnCheck(index, uscc, stratum, tuple(taken)))
    return checks


def draw(value: DrawInput, seed: bytes, labels: Mapping[str, str] | None = None) -> DrawResult:
    """The whole draw: employers by stratum, then inspectors per check with 回避."""
    known = set(value.inspectors)
    for certs in value.exclusions.values():
        if not certs <= known:
            raise Refused("回避名单中有不在执法检查人员名录库中的执法证号", BASIS_FORMAT)
    drawn, counts = select_employers(value, seed)
    return DrawResult(assign_inspectors(value, seed, drawn, labels), counts)


@dataclass(frozen=True)
class Verification:
    ok: bool
    message: str
    result: DrawResult | None = None


def verify(
    *,
    frozen: bytes,
    seed: bytes,
    list_commitment: str = "",
    seed_commitment: str = "",
    published: bytes | None = None,
    algorithm: str = ALGORITHM_V1,
    beacon: str = "",
) -> Verification:
    """Re-run the draw and compare: commitments first, then the published result line by line.
    A version 2 draw needs the public value (``beacon``) it was drawn with."""
    if list_commitment and sha256_hex(frozen) != list_commitment.lower():
        return Verification(False, "冻结名单的 SHA-256 与抽取前公布的承诺值不一致")
    if seed_commitment and sha256_hex(seed) != seed_commitment.lower():
        return Verification(False, "种子的 SHA-256 与抽取前公布的承诺值不一致")
    try:
        result = draw(parse(frozen), draw_seed(algorithm, seed, beacon))
    except Refused as exc:
        return Verification(False, f"按公布的名单和种子无法完成抽取：{exc}")
    if published is not None:
        difference = first_difference(result.canonical(), published)
        if difference:
            return Verification(False, difference, result)
    return Verification(True, f"一致：重新计算得到相同的 {len(result.checks)} 项检查", result)


def first_difference(expected: bytes, published: bytes) -> str:
    """The first line where the recomputed result and the published one differ, in Chinese."""
    mine = expected.decode().splitlines()
    theirs = published.decode("utf-8", "replace").splitlines()
    for number, (a, b) in enumerate(zip(mine, theirs, strict=False), start=1):
        if a != b:
            return f"第 {number} 行不同：重新计算为“{a}”，公布的结果为“{b}”"
    if len(mine) != len(theirs):
        return f"检查数不同：重新计算 {len(mine)} 项，公布的结果 {len(theirs)} 项"
    return ""
