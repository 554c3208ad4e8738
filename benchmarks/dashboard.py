"""How long the patterns dashboard takes to redraw in Chromium after a filter change.

A national analyst opens the workbench's patterns screen (frequencies, trends,
co-occurrence, chains) in headless Chromium (Debian's ``/usr/bin/chromium``) against the
service that uvicorn serves from a process of its own. Each round chooses one region in the
filters (a different one each round) and presses "Apply filters";
the round's time runs from the press until every request the screen sent for the new
figures has come back and the browser has drawn two frames after the last (so React has
rendered the answers). It prints the median, the 95th percentile and the slowest round,
and the same figures up to the last answer's arrival (the rest is the browser's drawing),
against the aim of #25: under 300 ms at 20,000 reviews.

Run on a corpus made by ``benchmarks.corpus``: ``.venv/bin/python -m benchmarks.dashboard
--database URL`` (SQLite or PostgreSQL); or ``--reviews N`` for a fresh SQLite corpus of N
reviews. Needs the built frontend (``make frontend``). The browser, the server and this
script share the machine's cores: say so beside the figures.
"""

from __future__ import annotations

import argparse
import json
import time

from playwright.sync_api import Page, Request, sync_playwright
from sqlmodel import Session

from benchmarks.common import fresh_database, median_and_p95, scratch_folder, signed_in
from scr import migrate
from scr.db import make_engine
from scr.demo.corpus import add_corpus
from scr.vocabulary import Region, Role

AIM = 0.300  # seconds
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
ENDPOINTS = ("frequencies", "trends", "cooccurrence", "chains")


class Figures:
    """The patterns requests the page sends, as they start and come back."""

    def __init__(self, page: Page) -> None:
        self.started: list[str] = []
        self.finished: list[str] = []
        page.on("request", lambda r: self._note(r, self.started))
        page.on("requestfinished", lambda r: self._note(r, self.finished))
        page.on("requestfailed", lambda r: self._note(r, self.finished))

    @staticmethod
    def _note(request: Request, into: list[str]) -> None:
        if "/api/v1/patterns/" in request.url:
            into.append(request.url)

    def reset(self) -> None:
        self.started.clear()
        self.finished.clear()

    def settled(self, region: str) -> bool:
        """Every request sent has come back, and each endpoint answered for ``region``."""
        answered = {
            e for e in ENDPOINTS for url in self.finished if f"/{e}?" in url and region in url
        }
        return len(self.finished) >= len(self.started) and answered == set(ENDPOINTS)


def _two_frames(page: Page) -> None:
    page.evaluate(
        "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"
    )


def _redraw(page: Page, figures: Figures, region: str) -> tuple[float, float]:
    """One round: choose ``region``, apply, wait until the figures for it are drawn. Seconds
    from the press until the last answer came back, and until the figures were drawn."""
    closed = page.get_by_text("Change the filters", exact=True)
    if closed.is_visible():
        closed.click()
    page.get_by_label("Partnership or region").select_option(f"region:{region}")
    apply = page.get_by_role("button", name="Apply filters")
    figures.reset()
    began = time.perf_counter()
    apply.click()
    while True:
        while not figures.settled(region):
            page.wait_for_timeout(1)
        answered = time.perf_counter() - began
        _two_frames(page)  # a request sent from the answers' handlers starts by now
        if figures.settled(region):
            return answered, time.perf_counter() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--database", help="a corpus database made by benchmarks.corpus")
    source.add_argument("--reviews", type=int, help="a fresh SQLite corpus of this many reviews")
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    url = args.database
    if url is None:
        url = fresh_database("sqlite", scratch_folder("scr-bench-dashboard-"), "dashboard")
        migrate.upgrade(url)
        with Session(make_engine(url)) as session:
            add_corpus(session=session, count=args.reviews, seed=args.seed)
            session.commit()
    engine = make_engine(url)
    with signed_in(engine, Role.national) as client:
        me = client.get("/api/v1/auth/me")
        me.raise_for_status()
        # The first pattern answer of a new server builds its index: not a redraw.
        client.get("/api/v1/patterns/frequencies", timeout=300).raise_for_status()
        token = str(client.headers["Authorization"]).removeprefix("Bearer ")
        kept = {"token": token, "email": me.json()["email"], "role": "national"}
        base = str(client.base_url).rstrip("/")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
            page = browser.new_page()
            page.goto(base + "/")
            page.evaluate(f"sessionStorage.setItem('scr.session', {json.dumps(json.dumps(kept))})")
            figures = Figures(page)
            page.goto(base + "/patterns")
            page.get_by_role("navigation", name="Sections of the patterns").wait_for(
                timeout=300_000
            )
            regions = [region.value for region in Region]
            answers, times, sent = [], [], []
            for n in range(args.rounds + 1):
                answered, drawn = _redraw(page, figures, regions[n % len(regions)])
                if n > 0:  # the first round warms the browser's caches and the server's
                    answers.append(answered)
                    times.append(drawn)
                    sent.append(len(figures.finished))
            browser.close()
    figures_ms, verdict = median_and_p95(times, AIM)
    print(f"Patterns dashboard, redraw after a filter change, {args.rounds} rounds, {url}:")
    print(f"  median / p95 {figures_ms}, slowest {max(times) * 1000:.1f} ms: {verdict}")
    print(f"  of which the answers (until the last came back): {median_and_p95(answers, AIM)[0]}")
    print(f"  {min(sent)} to {max(sent)} pattern requests a redraw")


if __name__ == "__main__":
    main()
