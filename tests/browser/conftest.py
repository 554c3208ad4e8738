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
from typing import Any

import pytest
from playwright.sync_api import APIRequestContext, Browser, Page, sync_playwright

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
    """A fresh tab; the test fails if the page broke its Content-Security-Policy (the browser
    says so on the console), since whatever was refused did not work for the user either."""
    context = browser.new_context()
    page = context.new_page()
    refused: list[str] = []
    page.on(
        "console",
        lambda message: (
            refused.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    yield page
    context.close()
    assert refused == []


AXE = Path(__file__).resolve().parents[2] / "frontend" / "node_modules" / "axe-core" / "axe.min.js"


def serious_accessibility_violations(page: Page) -> list[str]:
    """Run axe-core on the page; the serious and critical violations, described."""
    # Evaluated by the driver, not added as a script element: the policy refuses inline script.
    page.evaluate(AXE.read_text())
    result = page.evaluate("async () => await axe.run(document)")
    return [
        f"{v['id']} ({v['impact']}): {v['help']}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


LEAD = "lead.reviewer@demo.example.org"
SECOND_CODER = "second.coder@demo.example.org"
BOARD_MEMBER = "board.member@demo.example.org"
NATIONAL = "national.analyst@demo.example.org"
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


class Api:
    """The service, called as another tool would, signed in as one of the demo accounts."""

    def __init__(self, request: APIRequestContext, base: str, email: str = LEAD) -> None:
        from scr.demo.accounts import DEMO_PASSWORD

        self.request = request
        self.base = f"{base}/api/v1"
        answer = request.post(
            f"{self.base}/auth/token", form={"username": email, "password": DEMO_PASSWORD}
        )
        assert answer.ok, answer.text()
        self.headers = {"Authorization": f"Bearer {answer.json()['access_token']}"}

    def get(self, path: str) -> Any:
        answer = self.request.get(self.base + path, headers=self.headers)
        assert answer.ok, answer.text()
        return answer.json()

    def send(self, method: str, path: str, body: dict[str, Any]) -> Any:
        answer = self.request.fetch(
            self.base + path, method=method, headers=self.headers, data=body
        )
        assert answer.ok, answer.text()
        return answer.json()

    def post(self, path: str, body: dict[str, Any]) -> Any:
        return self.send("POST", path, body)

    def demo_review(self) -> dict[str, Any]:
        """The demo review, found by its reference (the lead has other reviews too: other
        tests open them)."""
        reviews = self.get("/reviews?limit=200")["items"]
        return next(review for review in reviews if review["reference"] == DEMO_REVIEW)


def graph_node(key: str) -> str:
    """The CSS selector of a record's node in the causal graph ("factor:7")."""
    return f'.react-flow__node[data-id="{key}"]'


def _centre(page: Page, selector: str) -> tuple[float, float]:
    box = page.locator(selector).bounding_box()
    assert box is not None, f"{selector} is not on the screen"
    return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2


def drag(page: Page, start: str, end: str) -> None:
    """Drag with the mouse from one element's centre to another's, as a person does."""
    x1, y1 = _centre(page, start)
    x2, y2 = _centre(page, end)
    page.mouse.move(x1, y1)
    page.mouse.down()
    page.mouse.move((x1 + x2) / 2, (y1 + y2) / 2, steps=8)
    page.mouse.move(x2, y2, steps=8)
    page.mouse.up()
