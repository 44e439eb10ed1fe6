"""A headless Chromium driven over the DevTools protocol, for the browser tests (no driver
package: Debian's `chromium` and aiohttp's websocket client are enough)."""

from __future__ import annotations

import asyncio
import base64
import itertools
import json
import os
import shutil
import subprocess
import time
from pathlib import Path
from typing import Any

import aiohttp

#: Records what the page's websockets receive, as text, in `window.rawiReceived`.
RECORD_WEBSOCKETS = """
window.rawiReceived = "";
const Native = window.WebSocket;
window.WebSocket = function (...args) {
  const socket = new Native(...args);
  const decoder = new TextDecoder();
  socket.addEventListener("message", (event) => {
    window.rawiReceived += typeof event.data === "string"
      ? event.data : decoder.decode(event.data, {stream: true});
  });
  return socket;
};
window.WebSocket.prototype = Native.prototype;
Object.assign(window.WebSocket, Native);
"""


def chromium_path() -> str | None:
    """Debian's `chromium` (or another Chromium on PATH)."""
    return next(
        (found for name in ("chromium", "chromium-browser") if (found := shutil.which(name))), None
    )


class Browser:
    """One headless Chromium with a profile of its own, and its first tab."""

    def __init__(self, executable: str, profile: Path, size: tuple[int, int] = (1280, 900)):
        arguments = [
            executable, "--headless", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
            "--remote-debugging-port=0", f"--user-data-dir={profile}",
            f"--window-size={size[0]},{size[1]}", "about:blank",
        ]
        if os.geteuid() == 0:
            arguments.insert(1, "--no-sandbox")  # Chromium's sandbox refuses to run as root
        self.process = subprocess.Popen(
            arguments, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        self.port = _devtools_port(profile / "DevToolsActivePort")
        self._ids = itertools.count(1)

    def close(self) -> None:
        self.process.terminate()
        self.process.wait(10)

    async def __aenter__(self) -> Browser:
        self._client = aiohttp.ClientSession()
        async with self._client.get(f"http://127.0.0.1:{self.port}/json/list") as response:
            targets = await response.json()
        page = next(t for t in targets if t["type"] == "page")
        self._socket = await self._client.ws_connect(page["webSocketDebuggerUrl"], max_msg_size=0)
        return self

    async def __aexit__(self, *_exc: object) -> None:
        await self._socket.close()
        await self._client.close()

    async def call(self, method: str, **params: Any) -> dict[str, Any]:
        """Send one DevTools command and wait for its answer (events are skipped)."""
        number = next(self._ids)
        await self._socket.send_str(json.dumps({"id": number, "method": method, "params": params}))
        while True:
            message = json.loads((await self._socket.receive(timeout=60)).data)
            if message.get("id") == number:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})

    async def open(self, url: str, *, record_websockets: bool = False) -> None:
        if record_websockets:
            await self.call("Page.addScriptToEvaluateOnNewDocument", source=RECORD_WEBSOCKETS)
        await self.call("Page.enable")
        await self.call("Page.navigate", url=url)

    async def evaluate(self, expression: str) -> Any:
        result = await self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        return result["result"].get("value")

    async def wait_for(self, expression: str, timeout: float = 30) -> Any:
        """Evaluate `expression` until it is truthy; its value."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if value := await self.evaluate(expression):
                return value
            await asyncio.sleep(0.2)
        raise TimeoutError(f"never true in the page: {expression}")

    async def press(self, key: str, code: int, text: str = "") -> None:
        """A key down and up (e.g. "Enter", 13, "\\r")."""
        for kind in ("keyDown", "keyUp"):
            await self.call(
                "Input.dispatchKeyEvent", type=kind, key=key, code=key,
                windowsVirtualKeyCode=code, text=text if kind == "keyDown" else "",
            )

    async def screenshot(self, path: Path, *, full_page: bool = False) -> bytes:
        """A PNG of the window (`full_page`: of the whole page), written to `path`."""
        options: dict[str, Any] = {"format": "png"}
        if full_page:
            size = await self.evaluate(
                "[document.documentElement.scrollWidth, document.documentElement.scrollHeight]"
            )
            clip = {"x": 0, "y": 0, "width": size[0], "height": size[1], "scale": 1}
            options |= {"clip": clip, "captureBeyondViewport": True}
        data = base64.b64decode((await self.call("Page.captureScreenshot", **options))["data"])
        path.write_bytes(data)
        return data


def _devtools_port(path: Path, timeout: float = 30) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if path.exists() and (text := path.read_text()).strip():
            return int(text.split()[0])
        time.sleep(0.1)
    raise TimeoutError("Chromium did not open its DevTools port")
