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


def test_no_two_schemas_share_a_component_name():
    """django-ninja files every schema under its class name in ``components``: two classes of the
    same name (two enums called ``Outcome``) overwrite each other and the published contract lies
    about one of them. Every API schema and each schema it refers to must own its name."""
    import json

    from ninja import Schema

    from fazhi.core.management.commands.export_openapi import openapi_json

    openapi_json()  # imports every app's API and so every schema

    def subclasses(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from subclasses(sub)

    seen: dict[str, tuple[str, str]] = {}
    for model in subclasses(Schema):
        if not model.__module__.startswith("fazhi.") or ".tests" in model.__module__:
            continue
        generated = model.model_json_schema(ref_template="{model}")
        named = {model.__name__: {k: v for k, v in generated.items() if k != "$defs"}}
        named.update(generated.get("$defs", {}))
        for name, body in named.items():
            text = json.dumps(body, sort_keys=True, ensure_ascii=False)
            owner = seen.setdefault(name, (model.__module__, text))
            assert owner[1] == text, (
                f"two schemas are named {name} ({owner[0]} and {model.__module__}): give one "
                "a distinct name"
            )
