"""Schemathesis over the OpenAPI document, in process (ASGI), authenticated as a system-wide
administrator with an API token: whatever it sends, no answer is a server error (5xx).

Bounded: a few examples per operation, so the run stays well under a minute. Revoking tokens
goes last (it may revoke the very token the run uses), and every operation must have been
answered past authentication at least once, so a run that only met 401s fails.
"""

from __future__ import annotations

from typing import Any

import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error

from kehoach import services
from kehoach.web.app import create_app
from tests.web.api.conftest import build_world

EXAMPLES = 20


def test_no_request_makes_a_server_error(database_url: str) -> None:
    url = database_url
    db = services.open_database(url)
    token = build_world(db).tokens["quantri"]
    db.close()
    app = create_app(url)
    schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", app)
    headers = {"Authorization": f"Bearer {token}"}
    failures: dict[str, str] = {}
    heard: set[str] = set()
    operations = sorted((result.ok() for result in schema.get_all_operations()), key=lambda op: op.method == "delete")
    for operation in operations:
        try:
            fuzz(operation, headers, heard)()
        except Exception as exc:  # every operation is tried; the failures are listed together
            failures[operation.label] = str(exc)[:2000]
    app.state.db.close()
    assert len(operations) >= 22
    assert failures == {}
    assert heard == {operation.label for operation in operations}


def fuzz(operation: Any, headers: dict[str, str], heard: set[str]) -> Any:
    """A Hypothesis test of one operation: ``heard`` collects those answered past authentication."""

    @given(case=operation.as_strategy())
    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    def run(case: Any) -> None:
        response = case.call(headers=headers)
        if response.status_code != 401:
            heard.add(operation.label)
        case.validate_response(response, checks=[not_a_server_error])

    return run
