"""`rawi serve`: loopback without a token; a token on any other address (and with --token),
asked of pages, static files and the websocket alike; foreign sites refused; a browser
session is a real app whose saves land in the database, as the URL's annotator."""

from __future__ import annotations

import asyncio
import ipaddress
import socket
import time
import urllib.error
import urllib.request
from pathlib import Path

import aiohttp
import pytest
from click.testing import CliRunner

from annotations.store import Store
from tui.cli import cli

#: Straight to the server, whatever proxy the environment names.
DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))

#: A static file of the served page (a URL path on the server, not a file of this machine).
SCRIPT_URL = "/" + "/".join(("static", "js", "textual.js"))


def status_of(url: str, headers: dict[str, str] | None = None) -> tuple[int, str, str]:
    """HTTP status, Set-Cookie and body of a GET."""
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with DIRECT.open(request, timeout=10) as response:
            body = response.read().decode()
            return response.status, response.headers.get("Set-Cookie", ""), body
    except urllib.error.HTTPError as error:
        return error.code, "", error.read().decode()


def websocket_status(url: str, headers: dict[str, str] | None = None) -> int:
    """101 when the websocket opens, else the HTTP status it was refused with."""

    async def attempt() -> int:
        async with aiohttp.ClientSession() as session:
            try:
                async with session.ws_connect(url, headers=headers or {}) as websocket:
                    await websocket.close()
                    return 101
            except aiohttp.WSServerHandshakeError as error:
                return error.status

    return asyncio.run(attempt())


def test_loopback_serves_the_app_without_a_token(serve) -> None:
    served = serve()
    assert served.url == f"http://127.0.0.1:{served.port}/"
    status, cookie, body = status_of(served.base + "/")
    assert status == 200 and "data-session-websocket-url" in body and "rawi_token" not in cookie
    assert status_of(served.base + SCRIPT_URL)[0] == 200


def test_loopback_refuses_other_host_names_and_foreign_websockets(serve) -> None:
    served = serve()
    assert status_of(served.base + "/", {"Host": f"rebound.example:{served.port}"})[0] == 403
    ws = f"ws://127.0.0.1:{served.port}/ws"
    assert websocket_status(ws, {"Origin": "http://evil.example"}) == 403


def test_a_token_is_asked_of_every_request(serve) -> None:
    served = serve("--token")
    token = served.url.split("?token=", 1)[1]
    assert len(token) >= 32
    base, ws = served.base, f"ws://127.0.0.1:{served.port}/ws"
    assert status_of(base + "/")[0] == 403
    assert status_of(base + "/?token=" + token[:-1] + "x")[0] == 403
    assert status_of(base + SCRIPT_URL)[0] == 403
    assert websocket_status(ws) == 403
    status, cookie, _ = status_of(base + "/?token=" + token)
    assert status == 200 and f"rawi_token={token}" in cookie and "HttpOnly" in cookie
    assert status_of(base + SCRIPT_URL, {"Cookie": f"rawi_token={token}"})[0] == 200


def test_the_request_log_never_writes_the_token(serve) -> None:
    served = serve("--token")
    token = served.url.split("?token=", 1)[1]
    assert status_of(served.base + "/?token=" + token)[0] == 200
    referrer = {"Referer": served.url, "Cookie": f"rawi_token={token}"}
    assert status_of(served.base + SCRIPT_URL, referrer)[0] == 200
    deadline = time.monotonic() + 10
    while served.log.read_text().count("\n") < 2 and time.monotonic() < deadline:
        time.sleep(0.1)
    lines = served.log.read_text().splitlines()
    assert len(lines) == 2 and '"GET /?token=(token) HTTP/1.1" 200' in lines[0]
    assert token not in served.log.read_text()


def test_any_other_address_asks_for_a_token(serve) -> None:
    served = serve("--host", "0.0.0.0")
    assert "?token=" in served.url
    assert status_of(served.base + "/")[0] == 403
    assert status_of(served.base + "/?token=" + served.url.split("?token=", 1)[1])[0] == 200


def test_a_connection_from_another_machine_needs_the_token(serve) -> None:
    """Through this machine's network address (not loopback): refused without the token, and
    a loopback-only server does not listen there at all."""
    address = network_address()
    served = serve("--host", "0.0.0.0")
    token = served.url.split("?token=", 1)[1]
    outside = f"http://{address}:{served.port}"
    assert status_of(outside + "/")[0] == 403
    assert status_of(outside + SCRIPT_URL)[0] == 403
    assert websocket_status(f"ws://{address}:{served.port}/ws") == 403
    assert status_of(outside + "/?token=" + token)[0] == 200
    loopback_only = serve()
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection((address, loopback_only.port), timeout=5).close()


def network_address() -> str:
    """This machine's address on its network (no packet is sent); skips when it has none."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))  # TEST-NET-1: only the route is looked up
        except OSError:
            pytest.skip("this machine has no network address besides loopback")
        address = probe.getsockname()[0]
    if ipaddress.ip_address(address).is_loopback:
        pytest.skip("this machine has no network address besides loopback")
    return address


def test_a_browser_session_saves_as_the_annotator_of_the_url(serve, tmp_path: Path) -> None:
    """Enter opens the first article, d marks it done: the store has it, as zaid's."""
    served = serve()
    url = f"ws://127.0.0.1:{served.port}/ws?width=120&height=36&annotator=zaid"

    async def session() -> None:
        async with aiohttp.ClientSession() as client, client.ws_connect(url) as websocket:
            for keys in ("\r", "d"):
                await _until_quiet(websocket)
                await websocket.send_json(["stdin", keys])
            await _until_quiet(websocket)

    asyncio.run(session())
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        with Store.open(tmp_path / "db.json", read_only=True) as store:
            done = [r for r in store.records() if r.status == "done"]
        if done:
            break
        time.sleep(0.2)
    assert [(r.article_id, r.annotator) for r in done] == [("000_fddd474ca5b3a723", "zaid")]


async def _until_quiet(websocket: aiohttp.ClientWebSocketResponse, quiet: float = 1.5) -> None:
    """Read what the app draws until it has drawn something and then nothing for `quiet` s."""
    received = 0
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            message = await websocket.receive(timeout=quiet)
        except TimeoutError:
            if received:
                return
            continue
        if message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED):
            pytest.fail("the app closed the session")
        received += len(message.data or b"")
    pytest.fail("the app drew nothing")


def test_a_port_in_use_is_a_one_line_error(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(
            cli, ["--db", str(tmp_path / "db.json"), "serve", "--port", str(port)]
        )
    assert result.exit_code == 1
    assert result.output == f"Error: cannot listen on 127.0.0.1:{port}: Address already in use\n"
