"""A Prefect automation that posts every Failed carryover run to a webhook (docs/operations.md).

A run ends Failed when its findings reach `--fail-on` (or when it could not finish); the
automation reacts to the flow run's `prefect.flow-run.Failed` event and sends a notification
through a Custom Webhook block: a JSON POST of the run's name, id and state message.
"""

from __future__ import annotations

import uuid
from typing import Any

FLOW_NAME = "carryover-pipeline"
SUBJECT = "carryover run failed: {{ flow_run.name }}"
BODY = "flow run {{ flow_run.id }} ended {{ flow_run.state.name }}: {{ flow_run.state.message }}"


def create_failed_run_alert(webhook_url: str, *, name: str = "carryover-failed-runs") -> Any:
    """Save a webhook block and create the automation, on the configured Prefect server.

    The block is saved (or replaced) as `name`; the automation has the same name. Returns the
    created automation.
    """
    from prefect.automations import Automation, EventTrigger, Posture, SendNotification
    from prefect.blocks.notifications import CustomWebhookNotificationBlock

    block = CustomWebhookNotificationBlock(
        name=name,
        url=webhook_url,
        method="POST",
        json_data={"subject": "{{subject}}", "body": "{{body}}"},
        headers=None,
        cookies=None,
    )
    block_id = block.save(name, overwrite=True)
    assert isinstance(block_id, uuid.UUID)  # save() is synchronous outside an event loop
    automation = Automation(
        name=name,
        description="Notify when a carryover run ends Failed (findings at or above --fail-on).",
        trigger=EventTrigger(
            expect={"prefect.flow-run.Failed"},
            match={"prefect.resource.id": "prefect.flow-run.*"},
            match_related={"prefect.resource.role": "flow", "prefect.resource.name": FLOW_NAME},
            posture=Posture.Reactive,
            threshold=1,
        ),
        actions=[SendNotification(block_document_id=block_id, subject=SUBJECT, body=BODY)],
    )
    return automation.create()
