"""`fazhi token create USERNAME --name NAME [--days N]` / `fazhi token revoke PREFIX`."""

from __future__ import annotations

import json
from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from fazhi.accounts import selectors, services
from fazhi.accounts.models import User
from fazhi.accounts.permissions import SYSTEM


class Command(BaseCommand):
    help = "签发或吊销 API 令牌"

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        create = sub.add_parser("create", help="为用户签发令牌（明文只显示一次）")
        create.add_argument("username")
        create.add_argument("--name", required=True, help="用途")
        create.add_argument("--days", type=int, default=None, help="有效天数，默认长期有效")
        revoke = sub.add_parser("revoke", help="按前缀吊销令牌")
        revoke.add_argument("prefix")
        for p in (create, revoke):
            p.add_argument("--json", action="store_true", help="以 JSON 输出")

    def handle(self, *args, **options):
        try:
            result = getattr(self, f"_{options['action']}")(options)
        except services.AccountsError as exc:
            # Exit 1: a rule said no.
            raise CommandError(str(exc), returncode=1) from exc
        if options["json"]:
            self.stdout.write(json.dumps(result, ensure_ascii=False))
        else:
            self.stdout.write(self.style.SUCCESS(result["message"]))
            if "key" in result:
                self.stdout.write(result["key"])

    def _create(self, options) -> dict:
        user = User.objects.filter(username=options["username"]).first()
        if user is None:
            raise services.AccountsError(f"用户 {options['username']} 不存在")
        days = options["days"]
        if days is not None and days < 1:
            raise CommandError("--days 必须为正整数", returncode=2)
        token, clear_key = services.api_token_create(
            user=user,
            name=options["name"],
            actor=SYSTEM,
            expires_at=timezone.now() + timedelta(days=days) if days else None,
        )
        return {
            "message": f"已为 {user.username} 签发令牌 {token.prefix}（明文只显示这一次，请妥善保存）：",
            "prefix": token.prefix,
            "key": clear_key,
            "expires_at": token.expires_at.isoformat() if token.expires_at else None,
        }

    def _revoke(self, options) -> dict:
        token = selectors.api_token_get_by_prefix(options["prefix"])
        if token is None:
            raise services.AccountsError(f"前缀为 {options['prefix']} 的令牌不存在")
        services.api_token_revoke(token=token, actor=SYSTEM)
        return {
            "message": f"令牌 {token.prefix}（{token.user.username}）已吊销",
            "prefix": token.prefix,
        }
