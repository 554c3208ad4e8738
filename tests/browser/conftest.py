"""A real server (uvicorn, SQLite, the demo loaded) and Debian's Chromium driven by Playwright."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCR = str(Path(sys.executable).with_name("scr"))
CORPUS_REVIEWS = 60


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_for(url: str, server: subprocess.Popen[bytes], seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"the server stopped with exit status {server.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=1) as answer:
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"the server did not answer {url} within {seconds} seconds")


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("live")
    env = os.environ | {
        "SCR_DATABASE_URL": f"sqlite:///{folder / 'scr.sqlite3'}",
        "SCR_DEMO": "true",
    }
    subprocess.run([SCR, "db", "upgrade"], env=env, check=True, capture_output=True)
    # The demo, and a small fictional national corpus so the national view has figures.
    subprocess.run(
        [SCR, "demo", "--corpus", str(CORPUS_REVIEWS), "--seed", "8"],
        env=env,
        check=True,
        capture_output=True,
    )
    port = _free_port()
    log = (folder / "server.log").open("wb")
    server = subprocess.Popen(
        [SCR, "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_for(f"{base}/api/v1/health", server)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()


AXE = Path(__file__).resolve().parents[2] / "frontend" / "node_modules" / "axe-core" / "axe.min.js"


def serious_accessibility_violations(page: Page) -> list[str]:
    """Run axe-core on the page; the serious and critical violations, described."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document)")
    return [
        f"{v['id']} ({v['impact']}): {v['help']}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


LEAD = "lead.reviewer@demo.example.org"
DEMO_REVIEW = "EAS-2023-04"


def sign_in(page: Page, base: str, email: str = LEAD) -> None:
    """Open the workbench and sign in with a demo account (all share one password)."""
    from scr.demo.accounts import DEMO_PASSWORD

    page.goto(base + "/")
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("link", name="Sign out").wait_for()


def open_demo_review(page: Page) -> None:
    """From any signed-in screen: the reviews list, then the demo review's overview."""
    page.get_by_role("link", name="Reviews", exact=True).click()
    page.get_by_role("table", name="Reviews").get_by_role("link", name=DEMO_REVIEW).click()
    page.get_by_role("heading", level=1, name="Overview").wait_for()


def review_nav(page: Page, section: str) -> None:
    """Go to a section of the open review (Overview, Chronology, Key practice episodes)."""
    page.get_by_role("navigation", name="Review").get_by_role("link", name=section).click()
