"""The feed to the city platform against a local receiver: down, then up; nothing is lost and
nothing is sent twice."""

import json
import threading
from datetime import date, timedelta
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from django.core.management import call_command
from django.utils import timezone

from fazhi.enforcement.models import Case
from fazhi.enforcement.tests.conftest import filed_case
from fazhi.supervision import push
from fazhi.supervision.models import PushItem
from fazhi.supervision.services import warnings_scan

pytestmark = pytest.mark.django_db


@pytest.fixture
def receiver():
    state = {"up": False, "got": []}

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers["Content-Length"]))
            if state["up"]:
                state["got"].append(json.loads(body))
            self.send_response(200 if state["up"] else 503)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    state["url"] = f"http://127.0.0.1:{server.server_port}/intake"
    yield state
    server.shutdown()


def test_queued_on_change_retried_while_down_and_logged(world, receiver, settings):
    settings.FAZHI = {**settings.FAZHI, "CITY_PLATFORM_URL": receiver["url"]}
    case = filed_case(world)
    warnings_scan(today=date(2019, 12, 20))
    warnings_scan(today=date(2019, 12, 21))  # same content: not queued again
    assert PushItem.objects.count() == 1
    result = push.send_due()
    item = PushItem.objects.get()
    assert result["failed"] == 1 and item.status == "pending" and item.last_error == "HTTP 503"
    assert push.send_due()["sent"] == 0  # not due yet: it waits its delay
    receiver["up"] = True
    result = push.send_due(now=timezone.now() + timedelta(minutes=2))
    item.refresh_from_db()
    assert result["sent"] == 1 and item.status == "accepted" and len(item.log) == 2
    assert receiver["got"][0]["reference"] == case.reference
    assert receiver["got"][0]["format"] == "fazhi-case/1"
    # a change is queued and sent as a new version
    Case.objects.filter(pk=case.pk).update(decided_on=date(2019, 4, 1))
    warnings_scan(today=date(2019, 12, 22))
    call_command("supervision", "push")
    assert PushItem.objects.filter(status="accepted").count() == 2
    assert receiver["got"][1]["decided_on"] == "2019-04-01"


def test_without_an_endpoint_items_wait(world):
    filed_case(world)
    warnings_scan(today=date(2019, 12, 20))
    assert push.send_due() == {"sent": 0, "failed": 0, "pending": 1}
