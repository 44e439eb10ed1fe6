"""`rawi serve`: the app in a browser through textual-serve, one app process per browser tab.

Every request passes `RawiServer.guard` first:

- with a token (any address but loopback, or `--token`), a request without it (in the URL's
  `?token=`, or the cookie the first page sets) is refused with 403: pages, static files and
  the websocket alike;
- without one (loopback), a request naming another host than a loopback one is refused, so a
  web page cannot reach the server through a name it controls (DNS rebinding);
- a websocket opened from a page of another origin is refused (cross-site websocket hijacking).

`?annotator=NAME` in the URL makes that browser's sessions NAME's (a cookie remembers it);
otherwise every session is the annotator `rawi serve` was started with. Each session is a
`rawi open` process on the same database, so saves are as durable as in the terminal.
"""

from __future__ import annotations

import hmac
import ipaddress
import logging
import re
import shlex
import sys
from collections.abc import Awaitable, Callable
from contextvars import ContextVar

import click
from aiohttp import web
from textual_serve.server import Server
from yarl import URL

TOKEN_COOKIE = "rawi_token"
ANNOTATOR_COOKIE = "rawi_annotator"
#: Annotator names a URL may give: letters (any script), digits and . _ @ + -
ANNOTATOR_NAME = re.compile(r"[\w.@+-]{1,64}")
#: The annotator of the websocket being opened (None: the server's own).
_annotator: ContextVar[str | None] = ContextVar("annotator", default=None)

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def is_loopback(host: str) -> bool:
    """Whether `host` (a name or an address, IPv6 with or without brackets) is this machine's
    loopback."""
    host = host.strip("[]").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class RawiServer(Server):
    """textual-serve's server with rawi's access rules and a command made per session."""

    def __init__(
        self,
        command_for: Callable[[str | None], str],
        host: str,
        port: int,
        public_url: str,
        token: str | None,
    ) -> None:
        """`command_for(annotator)` is the shell command of one session (None: the default
        annotator); `token`: what every request must show (None: none asked, loopback only)."""
        self.command_for = command_for
        self.token = token
        super().__init__(command_for(None), host, port, title="rawi", public_url=public_url)

    @property
    def command(self) -> str:  # type: ignore[override]
        """The command of the session being opened (textual-serve reads it per websocket)."""
        return self.command_for(_annotator.get())

    @command.setter
    def command(self, _value: str) -> None:
        """Set by textual-serve's constructor; the command is `command_for`'s instead."""

    def initialize_logging(self) -> None:
        """One plain line per request on stdout (textual-serve's lines wrap at 80 columns when
        stdout is a file), with the token never written (it is in URLs and referrers)."""
        handler = logging.StreamHandler(sys.stdout)
        handler.setFormatter(logging.Formatter("%(message)s"))
        if self.token is not None:
            handler.addFilter(_Redacted(self.token))
        logging.basicConfig(level=logging.INFO, handlers=[handler], force=True)

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        app.middlewares.append(self.guard)
        return app

    @web.middleware
    async def guard(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        """Refuse what the rules above refuse; remember a good token and annotator."""
        refusal = self.refusal(request)
        if refusal is not None:
            return web.Response(status=403, text=f"{refusal}\n")
        given = request.query.get("annotator")
        if given is not None and not ANNOTATOR_NAME.fullmatch(given):
            return web.Response(status=400, text="not an annotator name\n")
        _annotator.set(given or request.cookies.get(ANNOTATOR_COOKIE))
        response = await handler(request)
        if request.path == "/" and not isinstance(response, web.WebSocketResponse):
            cookie = {"httponly": True, "samesite": "Strict", "path": "/"}
            if self.token is not None:
                response.set_cookie(TOKEN_COOKIE, self.token, **cookie)  # type: ignore[arg-type]
            if given:
                response.set_cookie(ANNOTATOR_COOKIE, given, **cookie)  # type: ignore[arg-type]
        return response

    def refusal(self, request: web.Request) -> str | None:
        """Why `request` is refused, or None."""
        if self.token is not None:
            shown = request.query.get("token") or request.cookies.get(TOKEN_COOKIE) or ""
            if not hmac.compare_digest(shown.encode(), self.token.encode()):
                return "a token is needed: open the URL rawi serve printed"
        elif not is_loopback(URL(f"http://{request.host}").host or ""):
            return "this server answers only to loopback names (127.0.0.1, localhost)"
        origin = request.headers.get("Origin")
        if request.path == "/ws" and origin and not _same_site(origin, request.host):
            return "a websocket from another site"
        return None

    async def on_startup(self, app: web.Application) -> None:
        """Say where the app is served (on stderr; textual-serve's banner is left out)."""
        url = self.public_url + (f"/?token={self.token}" if self.token else "/")
        click.echo(f"rawi: serving the app on {url}", err=True)
        if self.token:
            click.echo(
                "rawi: anyone who has this URL can read and annotate: share it only with "
                "the people who may",
                err=True,
            )
        click.echo("rawi: ctrl+c stops the server", err=True)


class _Redacted(logging.Filter):
    """Writes `(token)` in a log line instead of the token."""

    def __init__(self, token: str) -> None:
        super().__init__()
        self.token = token

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if self.token in message:
            record.msg, record.args = message.replace(self.token, "(token)"), ()
        return True


def _same_site(origin: str, host: str) -> bool:
    return URL(origin).authority.lower() == host.lower()


def session_command(arguments: list[str], default_annotator: str) -> Callable[[str | None], str]:
    """`command_for`: `rawi --annotator A ARGUMENTS...` with this Python (A: the annotator the
    URL gave, else `default_annotator`)."""

    def command_for(annotator: str | None) -> str:
        launcher = [sys.executable, "-c", "from tui.cli import main; main()"]
        return shlex.join([*launcher, "--annotator", annotator or default_annotator, *arguments])

    return command_for
