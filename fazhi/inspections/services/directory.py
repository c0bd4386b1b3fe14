"""The employer directory (检查对象名录库): CSV import and the 回避 register.

The import streams the file (a 1.5-million-row file is read in batches, never whole), detects
UTF-8 or GBK/GB18030, refuses a file that lacks a required column (writing nothing), imports the
good rows and reports each bad row with its line number and reason. Re-importing the same file
changes nothing but the run's own record: rows are matched by 统一社会信用代码.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from datetime import date
from typing import IO

from django.db import transaction
from django.utils import timezone

from fazhi.accounts.permissions import INSPECTIONS_MANAGE, require
from fazhi.core.caching import bump
from fazhi.core.domain.errors import Refused
from fazhi.inspections.domain import directory as rules
from fazhi.inspections.models import Employer, EmployerImport, OfficerEmployerRelation
from fazhi.inspections.services._common import record

BATCH = 2000
KEPT_ERRORS = 1000
FIELDS = ("name", "district", "stratum", "industry", "size", "address", "is_active")
BASIS = "国发〔2019〕5号（检查对象名录库）"
csv.field_size_limit(1 << 20)


def _batch_apply(run: EmployerImport, batch: list[tuple[int, dict]], report) -> None:
    existing = {e.uscc: e for e in Employer.objects.filter(uscc__in=[v["uscc"] for _, v in batch])}
    new, changed, same = [], [], []
    now = timezone.now()
    for line, values in batch:
        employer = existing.get(values["uscc"])
        if employer is not None and employer.last_import_id == run.pk:
            _reject(run, line, f"与第 {employer.last_import_line} 行的统一社会信用代码重复", report)
            continue
        if employer is None:
            employer = Employer(uscc=values["uscc"], **{f: values[f] for f in FIELDS})
            employer.last_import, employer.last_import_line = run, line
            existing[employer.uscc] = employer
            new.append(employer)
            continue
        differs = any(getattr(employer, f) != values[f] for f in FIELDS)
        for f in FIELDS:
            setattr(employer, f, values[f])
        employer.last_import, employer.last_import_line = run, line
        if differs:
            employer.updated_at = now
            changed.append(employer)
        else:
            same.append(employer)
    Employer.objects.bulk_create(new, batch_size=500)
    marker = ["last_import", "last_import_line"]
    Employer.objects.bulk_update(changed, [*FIELDS, "updated_at", *marker], batch_size=500)
    Employer.objects.bulk_update(same, marker, batch_size=500)
    run.created += len(new)
    run.updated += len(changed)
    run.unchanged += len(same)


def _reject(run: EmployerImport, line: int, reason: str, report) -> None:
    run.rejected += 1
    if len(run.errors) < KEPT_ERRORS:
        run.errors.append({"line": line, "reason": reason})
    if report:
        report(line, reason)


def employer_import(
    *,
    fileobj: IO[bytes],
    file_name: str,
    actor,
    full_refresh: bool = False,
    report: Callable[[int, str], None] | None = None,
    progress: Callable[[int], None] | None = None,
) -> EmployerImport:
    """Import or refresh the directory from a CSV file (binary, seekable).

    Refuses (writing nothing) a file without a header or without a required column, naming the
    missing columns. Bad rows (missing field, invalid 统一社会信用代码, a code repeated in the
    file, undecodable bytes) are skipped and reported through ``report(line, reason)``; the
    first 1,000 are kept on the run. ``full_refresh`` takes employers absent from the file out
    of the directory (``is_active=False``). Each batch of 2,000 rows commits on its own, so a
    huge file does not hold one transaction. Audits ``inspections.directory.import``.
    """
    require(actor, INSPECTIONS_MANAGE)  # the directory is the bureau's, one for every plan
    sample = fileobj.read(1 << 16)
    fileobj.seek(0)
    encoding = rules.detect_encoding(sample)
    text = io.TextIOWrapper(fileobj, encoding=encoding, errors="replace", newline="")
    reader = csv.reader(text)
    header = next(reader, None)
    if not header:
        raise Refused("文件为空或没有表头", BASIS)
    missing = rules.missing_columns(header)
    if missing:
        raise Refused(f"文件缺少必需的列：{'、'.join(missing)}", BASIS)
    columns = rules.header_map(header)
    run = EmployerImport.objects.create(
        file_name=file_name[:255], encoding=encoding, actor=actor if actor else None
    )
    batch: list[tuple[int, dict]] = []

    def flush() -> None:
        with transaction.atomic():
            _batch_apply(run, batch, report)
        batch.clear()
        if progress:
            progress(fileobj.tell())

    for row in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        run.rows += 1
        if any("\ufffd" in cell for cell in row):
            _reject(run, line, f"无法按 {encoding} 解码（文件编码不一致）", report)
            continue
        checked = rules.check_row(row, columns)
        if checked.reason:
            _reject(run, line, checked.reason, report)
            continue
        batch.append((line, checked.values))
        if len(batch) >= BATCH:
            flush()
    if batch:
        flush()
    with transaction.atomic():
        if full_refresh:
            run.deactivated = (
                Employer.objects.filter(is_active=True)
                .exclude(last_import=run)
                .update(is_active=False, updated_at=timezone.now())
            )
        run.finished_at = timezone.now()
        run.save()
        record(
            "directory.import",
            actor,
            run,
            file=run.file_name,
            encoding=encoding,
            rows=run.rows,
            created=run.created,
            updated=run.updated,
            unchanged=run.unchanged,
            rejected=run.rejected,
            deactivated=run.deactivated,
        )
    text.detach()
    bump("inspections")  # public pages show it: a new version on commit
    return run


@transaction.atomic
def relation_register(
    *, officer, employer: Employer, relation: str, since: date, actor, until: date | None = None
) -> OfficerEmployerRelation:
    """Record that ``officer`` has an interest in ``employer`` (回避, 《劳动保障监察条例》第十六条).

    Audits ``inspections.relation.register``; a repeated registration is refused.
    """
    require(actor, INSPECTIONS_MANAGE, unit=officer.org_unit)
    relation = relation.strip()
    if not relation:
        raise Refused("请填写关系（如本人任职、近亲属任职）", "《劳动保障监察条例》第十六条")
    if OfficerEmployerRelation.objects.filter(
        officer=officer, employer=employer, relation=relation
    ).exists():
        raise Refused("该回避关系已登记", "《劳动保障监察条例》第十六条")
    item = OfficerEmployerRelation.objects.create(
        officer=officer, employer=employer, relation=relation, since=since, until=until
    )
    record(
        "relation.register",
        actor,
        item,
        officer=officer.pk,
        employer=employer.uscc,
        relation=relation,
    )
    return item
