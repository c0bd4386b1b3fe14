"""From a manifest row (shared/data README §2-3) to what the importer needs to know.

Pure Python: rows in, ``ImportSource`` out. Kinds are mapped onto the corpus vocabulary; the
manifests' own labels for policies were assigned by keyword rules, so 新闻/政策解读, 办事指南 and
政策问答 all become 政策解读, and announcements 其他.

>>> work_key("laws", "中华人民共和国行政复议法")
'laws:行政复议法'
>>> file_date("LawRefBook/诉讼与非诉讼程序法/行政复议法(2017-09-01).md")
datetime.date(2017, 9, 1)
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass
from datetime import date

LAW_KINDS = {
    "宪法": "宪法",
    "法律": "法律",
    "行政法规": "行政法规",
    "司法解释": "司法解释",
    "部门规章": "部门规章",
    "地方性法规": "地方性法规",
    "案例": "典型案例",
    "其他": "其他",
}
POLICY_KINDS = {
    "规范性文件": "规范性文件",
    "新闻/政策解读": "政策解读",
    "办事指南/政策解读": "政策解读",
    "政策问答": "政策解读",
    "典型案例通知": "典型案例",
    "行政法规": "行政法规",
    "部门规章": "部门规章",
    "地方政府规章": "地方政府规章",
    "司法解释": "司法解释",
}
_FILE_DATE = re.compile(r"\((\d{4})-(\d{2})-(\d{2})\)\.md$")
_PLACEHOLDER_BODIES = {"本网", ""}


@dataclass(frozen=True)
class ImportSource:
    collection: str  # "laws" or "policies"
    relative_path: str  # inside the collection folder, as in the manifest
    layout: str  # "lawrefbook" or "policy"
    title: str
    kind: str
    issuing_body: str = ""
    doc_number: str = ""
    publish_date: date | None = None
    effective_date: date | None = None
    marked_expired: bool = False
    category: str = ""
    region: str = ""
    url: str = ""
    row_hash: str = ""  # a manifest change re-imports the file

    @property
    def source_path(self) -> str:
        return f"{self.collection}/{self.relative_path}"

    @property
    def work_key(self) -> str:
        return work_key(self.collection, self.title)


def work_key(collection: str, title: str) -> str:
    """Versions are linked within one collection only: the same title in the policies folder is
    another source's copy, not a newer version."""
    name = unicodedata.normalize("NFKC", title).replace(" ", "")
    name = name.removeprefix("中华人民共和国")
    return f"{collection}:{name}"[:255]


def file_date(path: str) -> date | None:
    match = _FILE_DATE.search(path)
    return _date(f"{match[1]}-{match[2]}-{match[3]}") if match else None


def from_law_row(row: dict[str, str]) -> ImportSource:
    path = row["file"]
    publish = _date(row.get("publish_date", "")) or file_date(path)
    return ImportSource(
        collection="laws",
        relative_path=path,
        layout="lawrefbook",
        title=row.get("title", "").strip(),
        kind=LAW_KINDS.get(row.get("type", ""), "其他"),
        issuing_body=_body(row.get("issuing_body", "")),
        publish_date=publish,
        effective_date=_date(row.get("effective_date", "")),
        marked_expired=row.get("superseded_in_source", "") == "1",
        category=row.get("category", ""),
        row_hash=_row_hash(row),
    )


def from_policy_row(row: dict[str, str]) -> ImportSource:
    return ImportSource(
        collection="policies",
        relative_path=row["file"],
        layout="policy",
        title=row.get("title", "").strip(),
        kind=POLICY_KINDS.get(row.get("kind", ""), "其他"),
        issuing_body=_body(row.get("issuing_body", "")),
        doc_number=row.get("doc_number", "").strip(),
        publish_date=_date(row.get("publish_date", "")),
        region=row.get("region", ""),
        url=row.get("url", "") if row.get("url", "").startswith("http") else "",
        category=row.get("domain", ""),
        row_hash=_row_hash(row),
    )


def _body(value: str) -> str:
    value = value.strip()
    return "" if value in _PLACEHOLDER_BODIES else value


def _date(value: str) -> date | None:
    try:
        return date.fromisoformat(value.strip()) if value and value.strip() else None
    except ValueError:
        return None


def _row_hash(row: dict[str, str]) -> str:
    return hashlib.sha256(json.dumps(row, sort_keys=True, ensure_ascii=False).encode()).hexdigest()
