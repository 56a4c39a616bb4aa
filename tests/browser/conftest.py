"""Headless Chromium (Debian's package) driven by Playwright, with the network shut out.

Nothing is downloaded: Playwright launches /usr/bin/chromium with the flags from
../shared/stack-notes.md and a fresh profile. Every request that is not file:// or data: is
recorded and aborted; console errors and uncaught page errors are collected.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from carryover.core.config import PROJECT_ROOT

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"


def _find_chromium() -> str | None:
    for candidate in (shutil.which("chromium"), "/usr/bin/chromium"):
        if candidate and Path(candidate).is_file():
            return candidate
    return None


@pytest.fixture(scope="session")
def chromium_path() -> str:
    """Debian's chromium; installed with apt-get when missing and running as root, else skip."""
    path = _find_chromium()
    if path is None and hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get"):
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-qq"], check=False, env=env, timeout=600)
        subprocess.run(
            ["apt-get", "install", "-y", "-qq", "chromium"], check=False, env=env, timeout=1200
        )
        path = _find_chromium()
    if path is None:
        pytest.skip(
            "no chromium: install Debian's package (apt-get install chromium) to run the "
            "browser tests; they never download a browser"
        )
    return path


@dataclass
class Visit:
    """A page opened in Chromium, with what went wrong while it loaded."""

    page: object
    console_errors: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)


@pytest.fixture(scope="session")
def playwright() -> Iterator[object]:
    """Playwright's driver for the session (one per thread: tests launch browsers from it)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as driver:
        yield driver


def launch(
    playwright: object, chromium_path: str, profile: Path, *, javascript: bool = True
) -> object:
    """Chromium with the stack's flags, a fresh profile, offline."""
    from playwright.sync_api import Playwright

    assert isinstance(playwright, Playwright)
    return playwright.chromium.launch_persistent_context(
        str(profile),
        executable_path=chromium_path,
        headless=True,
        args=CHROMIUM_FLAGS,
        viewport={"width": 1366, "height": 900},
        java_script_enabled=javascript,
        offline=True,
    )


@pytest.fixture(scope="session")
def browser_context(
    playwright: object, chromium_path: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[object]:
    """One Chromium for the session, with a fresh profile, that cannot reach the network."""
    from playwright.sync_api import BrowserContext

    context = launch(playwright, chromium_path, tmp_path_factory.mktemp("chromium-profile"))
    assert isinstance(context, BrowserContext)
    try:
        yield context
    finally:
        context.close()


@pytest.fixture
def visit(browser_context: object) -> Iterator[object]:
    """open(path) -> Visit: load a local file, recording console errors and outside requests."""
    from playwright.sync_api import BrowserContext, ConsoleMessage, Page, Route

    assert isinstance(browser_context, BrowserContext)
    pages: list[Page] = []

    def open_file(path: Path) -> Visit:
        page = browser_context.new_page()
        pages.append(page)
        result = Visit(page)

        def on_route(route: Route) -> None:
            url = route.request.url
            if url.startswith(("file:", "data:")):
                route.continue_()
            else:
                result.blocked.append(url)
                route.abort()

        def on_console(message: ConsoleMessage) -> None:
            if message.type == "error":
                result.console_errors.append(message.text)

        page.route("**/*", on_route)
        page.on("console", on_console)
        page.on("pageerror", lambda exc: result.console_errors.append(f"page error: {exc}"))
        page.on(
            "request",
            lambda request: (
                None
                if request.url.startswith(("file:", "data:"))
                else result.blocked.append(request.url)
            ),
        )
        page.goto(path.resolve().as_uri(), wait_until="load")
        return result

    yield open_file
    for page in pages:
        page.close()


@pytest.fixture(scope="session")
def bundled_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`carryover run` on the bundled raw/ data, as a user runs it; the HTML report it wrote."""
    base = tmp_path_factory.mktemp("bundled")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "CARRYOVER_"))}
    env["PREFECT_HOME"] = str(base / "prefect")
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "from carryover.cli.app import main; main()",
            "run",
            "--raw",
            str(PROJECT_ROOT / "raw"),
            "--warehouse",
            str(base / "w.duckdb"),
            "--report-dir",
            str(base / "reports"),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 1, done.stderr  # the demonstration article has errors
    return base / "reports" / "latest.html"


def save_screenshot(page: object, name: str, *, full_page: bool = True) -> Path:
    """Save a screenshot under tests/artifacts/ (gitignored) and print its path."""
    from playwright.sync_api import Page

    assert isinstance(page, Page)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / name
    page.screenshot(path=str(path), full_page=full_page)
    print(f"screenshot: {path}")
    return path
