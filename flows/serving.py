"""`carryover serve`: serve the flow as a scheduled deployment until Ctrl+C or SIGTERM.

This is Prefect's `flow.serve` with one difference: SIGTERM (from systemd, Docker, Kubernetes or
`kill`) stops serving exactly as Ctrl+C does. Prefect's own handler calls the runner's stop from
inside its event loop, where it only creates a coroutine that is never awaited (Python then warns
"coroutine 'Runner.astop' was never awaited") before exiting.
"""

from __future__ import annotations

import asyncio
from typing import Any

from prefect import Flow
from prefect.runner import Runner


class _Runner(Runner):
    """A runner that treats SIGTERM as Ctrl+C: the serving loop ends and the runner closes."""

    def handle_sigterm(self, *args: Any, **kwargs: Any) -> None:
        """Stop serving as on Ctrl+C (see the module docstring)."""
        self._logger.info("SIGTERM received, shutting down...")
        raise KeyboardInterrupt


def serve(flow: Flow[Any, Any], *, name: str, limit: int, **deployment: Any) -> None:
    """Register `flow` as deployment `name` (add_flow's keyword arguments) and serve its runs."""
    runner = _Runner(name=name, limit=limit)
    runner.add_flow(flow, name=name, **deployment)
    try:
        asyncio.run(runner.start())
    except KeyboardInterrupt:
        return
