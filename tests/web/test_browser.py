"""A real headless Chromium (Debian's `chromium`) opens the served app, waits for the article
list, presses Enter and finds the reader drawn, then F5 and the statistics; it opens the report
and finds its charts laid out right to left. Screenshots of each are kept in `test-artifacts/`
(or $RAWI_TEST_ARTIFACTS)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from headless_chromium import Browser, chromium_path

from tui.cli import cli

CHROMIUM = chromium_path()
pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="Chromium is not installed (Debian package `chromium`; `make test` installs it as root)",
)
#: Received from the app: the list's header, then the reader's footer.
LIST_DRAWN = "window.rawiReceived.includes('Words')"
READER_DRAWN = "window.rawiReceived.includes('Next suggestion')"
STATISTICS_DRAWN = "window.rawiReceived.includes('Tags per label')"


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Browser]:
    assert CHROMIUM is not None
    started = Browser(CHROMIUM, tmp_path / "profile")
    yield started
    started.close()


def test_chromium_opens_the_served_app_and_an_article(serve, browser: Browser, artifact):
    served = serve()

    async def visit() -> None:
        async with browser:
            await browser.open(served.url, record_websockets=True)
            await browser.wait_for(LIST_DRAWN, timeout=60)
            assert not await browser.evaluate(READER_DRAWN)
            await browser.screenshot(artifact("serve-list.png"))
            await browser.evaluate("document.querySelector('.xterm-helper-textarea').focus()")
            await browser.press("Enter", 13, "\r")
            await browser.wait_for(READER_DRAWN, timeout=60)
            await asyncio.sleep(0.5)
            shot = await browser.screenshot(artifact("serve-reader.png"))
            assert shot.startswith(b"\x89PNG")
            await browser.press("F5", 116)
            await browser.wait_for(STATISTICS_DRAWN, timeout=60)
            await asyncio.sleep(0.5)
            await browser.screenshot(artifact("serve-statistics.png"))

    asyncio.run(visit())


def test_chromium_draws_the_report_right_to_left(tmp_path: Path, browser: Browser, artifact):
    report = tmp_path / "report.html"
    result = CliRunner().invoke(
        cli, ["--db", str(tmp_path / "db.json"), "--annotator", "mona", "report", "-o", str(report)]
    )
    assert result.exit_code == 0, result.output

    async def visit() -> dict:
        async with browser:
            await browser.open(report.as_uri())
            await browser.wait_for("document.readyState === 'complete'")
            layout = await browser.evaluate(
                """(() => {
                  const svgs = [...document.querySelectorAll('svg.chart')];
                  const box = (el) => el.getBoundingClientRect();
                  const chart = document.querySelector('#articles svg');
                  const label = chart.querySelector('text.label');
                  const bar = chart.querySelector('rect.bar');
                  return {dir: getComputedStyle(document.body).direction, charts: svgs.length,
                          drawn: svgs.every((s) => box(s).width > 0 && box(s).height > 0),
                          labelRight: box(label).right, barRight: box(bar).right,
                          chartRight: box(chart).right, labelWidth: box(label).width};
                })()"""
            )
            await browser.screenshot(artifact("report.png"), full_page=True)
            return layout

    layout = asyncio.run(visit())
    assert layout["dir"] == "rtl" and layout["charts"] >= 3 and layout["drawn"]
    assert layout["labelWidth"] > 0
    assert layout["barRight"] < layout["labelRight"] <= layout["chartRight"] + 1
