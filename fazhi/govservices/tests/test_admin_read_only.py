"""The Django admin cannot change the service catalogue (issue 19.1): a published catalogue was
editable there with no audit event."""

from __future__ import annotations

import pytest

from fazhi.govservices.models import CatalogueVersion, LicenseApplication, ServiceItem

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", [CatalogueVersion, ServiceItem, LicenseApplication])
def test_admin_offers_no_add_change_or_delete(admin_client, model):
    from django.contrib import admin

    model_admin = admin.site._registry[model]
    request = None
    assert not model_admin.has_add_permission(request)
    assert not model_admin.has_change_permission(request)
    assert not model_admin.has_delete_permission(request)
    opts = model._meta
    url = f"/admin/{opts.app_label}/{opts.model_name}/add/"
    assert admin_client.get(url).status_code == 403
    before = model.objects.count()
    admin_client.post(url, {})
    assert model.objects.count() == before
