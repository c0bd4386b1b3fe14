"""`fazhi export_openapi PATH`: write the OpenAPI document that docs/api/openapi.json snapshots."""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand
from django.utils.module_loading import import_string


def openapi_json() -> str:
    # By path: the site's API sits above core (it mounts every app's router).
    api = import_string("fazhi.api.api")
    # The schema /api/v1/openapi.json serves (its prefix from the URLconf): a hand-given
    # "/api/v1" lost the slash before routers mounted with an empty prefix (/api/v1enforcement).
    schema = api.get_openapi_schema()
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


class Command(BaseCommand):
    help = "导出 OpenAPI 文档（默认写到 docs/api/openapi.json）"

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", default="docs/api/openapi.json")

    def handle(self, *args, path, **options):
        Path(path).write_text(openapi_json(), encoding="utf-8")
        self.stdout.write(self.style.SUCCESS(f"已写入 {path}"))
