"""The committed OpenAPI document must equal the generated one: API changes show up in review."""

from pathlib import Path

from django.conf import settings

from fazhi.core.management.commands.export_openapi import openapi_json

SNAPSHOT = Path(settings.BASE_DIR) / "docs" / "api" / "openapi.json"


def test_committed_openapi_matches_generated():
    assert SNAPSHOT.exists(), "docs/api/openapi.json is missing: run `make openapi-snapshot`"
    assert SNAPSHOT.read_text(encoding="utf-8") == openapi_json(), (
        "the API changed: run `make openapi-snapshot` and commit docs/api/openapi.json"
    )


def test_every_operation_has_id_summary_and_tag():
    import json

    schema = json.loads(openapi_json())
    for path, operations in schema["paths"].items():
        for method, op in operations.items():
            assert op.get("operationId"), f"{method} {path} has no operation_id"
            assert op.get("summary"), f"{method} {path} has no summary"
            assert op.get("tags"), f"{method} {path} has no tag"
