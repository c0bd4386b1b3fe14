"""`fazhi draw commit PLAN_ID --beacon-source TEXT --beacon-date DATE [--reason TEXT]`,
`fazhi draw execute DRAW_ID --beacon VALUE` (draw, then reveal the seed),
`fazhi draw run PLAN_ID --beacon-source TEXT --beacon-date DATE --beacon VALUE` (all three, when
the public value is out the same day), and `fazhi draw verify DRAW_ID` /
`fazhi draw verify --list FILE --seed HEX [--beacon VALUE] [--shares S=0.05,...]
[--list-sha256 H] [--seed-sha256 H] [--result FILE]`.

verify prints OK or the first difference; exit 0 when identical, 1 when not, 2 bad usage.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from fazhi.accounts.permissions import SYSTEM
from fazhi.core.domain.errors import Refused
from fazhi.inspections import selectors
from fazhi.inspections.domain import draw as algo
from fazhi.inspections.models import Draw, InspectionPlan
from fazhi.inspections.services.draws import draw_commit, draw_execute, draw_reveal


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise CommandError(f"日期格式应为 YYYY-MM-DD：{value}", returncode=2) from exc


def _shares(text: str) -> dict[str, str]:
    out = {}
    for part in filter(None, (p.strip() for p in text.split(","))):
        stratum, _, value = part.rpartition("=")
        if not stratum:
            raise CommandError(f"--shares 的格式应为 分层=比例,…：{part}", returncode=2)
        out[stratum] = value
    return out


class Command(BaseCommand):
    help = "双随机抽取：run 承诺→抽取→公布种子；verify 按名单与种子重算并核对"

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["commit", "execute", "run", "verify"])
        parser.add_argument(
            "id", nargs="?", type=int, help="commit、run：计划编号；execute、verify：抽取编号"
        )
        parser.add_argument("--on", type=_day, default=None, help="抽取日（默认今天）")
        parser.add_argument("--beacon-source", default="", help="承诺采用的公开随机值来源")
        parser.add_argument("--beacon-date", type=_day, default=None, help="公开随机值公布日期")
        parser.add_argument("--beacon", default="", help="公布的公开随机值（抽取、核验时）")
        parser.add_argument("--reason", default="", help="重新抽取的原因（计划已有抽取时必填）")
        parser.add_argument("--list", help="公布的冻结名单文件（.txt 或 .txt.gz）")
        parser.add_argument("--seed", help="公布的种子（64 位十六进制）")
        parser.add_argument("--shares", default="", help="核对名单中的比例，如 A=0.05,B=0.1")
        parser.add_argument("--list-sha256", default="", help="抽取前公布的名单承诺值")
        parser.add_argument("--seed-sha256", default="", help="抽取前公布的种子承诺值")
        parser.add_argument("--result", help="公布的抽取结果文件，逐行核对")
        parser.add_argument("--json", action="store_true", help="以 JSON 输出")

    def handle(self, *args, **options):
        action = options["action"]
        if action == "verify":
            return self._verify(options)
        try:
            if action == "execute":
                return self._execute(options)
            draw = self._commit(options)
            if action == "run":
                self._draw(options, draw)
        except Refused as exc:
            raise CommandError(str(exc), returncode=1) from exc

    def _say(self, options, ok: bool, message: str, **extra) -> None:
        if options["json"]:
            self.stdout.write(
                json.dumps({"ok": ok, "message": message, **extra}, ensure_ascii=False)
            )
        elif ok:
            self.stdout.write(self.style.SUCCESS(f"OK {message}"))
        if not ok:
            raise CommandError(message, returncode=1)

    def _commit(self, options) -> Draw:
        plan = InspectionPlan.objects.filter(pk=options["id"] or 0).first()
        if plan is None:
            raise CommandError(f"找不到抽查计划 {options['id']}", returncode=2)
        draw = draw_commit(
            plan=plan,
            on=options["on"] or timezone.localdate(),
            actor=SYSTEM,
            beacon_source=options["beacon_source"],
            beacon_date=options["beacon_date"],
            redraw_reason=options["reason"],
        )
        self.stdout.write(f"1. 已公布承诺：名单 SHA-256 {draw.list_sha256}")
        self.stdout.write(f"   种子 SHA-256 {draw.seed_sha256}")
        self.stdout.write(
            f"   公开随机值：{draw.beacon_source}（{draw.beacon_date:%Y-%m-%d} 公布）"
        )
        if options["action"] == "commit":
            self._say(options, True, f"抽取 {draw.number}（编号 {draw.pk}）已承诺", draw_id=draw.pk)
        return draw

    def _execute(self, options) -> None:
        draw = Draw.objects.filter(pk=options["id"] or 0).first()
        if draw is None:
            raise CommandError(f"找不到抽取 {options['id']}", returncode=2)
        self._draw(options, draw)

    def _draw(self, options, draw: Draw) -> None:
        draw = draw_execute(draw=draw, actor=SYSTEM, beacon=options["beacon"])
        self.stdout.write(
            f"2. 已抽取 {draw.checks.count()} 项检查（公开随机值 {draw.beacon_value}），"
            f"结果 SHA-256 {draw.result_sha256}"
        )
        draw = draw_reveal(draw=draw, actor=SYSTEM)
        self.stdout.write(f"3. 已公布种子 {draw.seed_hex}")
        self._say(options, True, f"抽取 {draw.number}（编号 {draw.pk}）完成", draw_id=draw.pk)

    def _verify(self, options) -> None:
        if options["id"] is not None:
            draw = Draw.objects.filter(pk=options["id"]).first()
            if draw is None:
                raise CommandError(f"找不到抽取 {options['id']}", returncode=2)
            if draw.status != Draw.Status.REVEALED:
                self._say(options, False, f"抽取 {draw.number} 尚未公布种子，无法核验")
            outcome = selectors.draw_verification(draw)
            self._say(options, outcome.ok, outcome.message, draw_id=draw.pk)
            return
        if not options["list"] or not options["seed"]:
            raise CommandError("请给出抽取编号，或同时给出 --list 与 --seed", returncode=2)
        try:
            frozen = Path(options["list"]).read_bytes()
            seed = bytes.fromhex(options["seed"])
            published = Path(options["result"]).read_bytes() if options["result"] else None
        except (OSError, ValueError) as exc:
            raise CommandError(f"无法读取输入：{exc}", returncode=2) from exc
        if frozen[:2] == b"\x1f\x8b":
            import gzip

            frozen = gzip.decompress(frozen)
        if options["shares"]:
            try:
                committed = algo.parse(frozen).shares
                given = {s: algo.share_fraction(v) for s, v in _shares(options["shares"]).items()}
            except Refused as exc:
                self._say(options, False, str(exc))
            if given != committed:
                self._say(options, False, "给出的抽查比例与冻结名单中的比例不一致")
        outcome = algo.verify(
            frozen=frozen,
            seed=seed,
            list_commitment=options["list_sha256"],
            seed_commitment=options["seed_sha256"],
            published=published,
            algorithm=algo.ALGORITHM_V2 if options["beacon"] else algo.ALGORITHM_V1,
            beacon=options["beacon"],
        )
        if outcome.ok and not options["json"] and outcome.result and not published:
            for line in outcome.result.canonical().decode().splitlines():
                self.stdout.write(line)
        self._say(options, outcome.ok, outcome.message)
