"""`rawi serve`: the app in a browser (textual-serve; imported only when the command runs)."""

from __future__ import annotations

import secrets
import socket

import click

from tui.cli.options import GlobalOptions, global_options, pass_options


@click.command("serve")
@global_options
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option(
    "--token",
    "ask_token",
    is_flag=True,
    help="Ask for a token on loopback too (it is always asked on any other address).",
)
@pass_options
def serve_command(options: GlobalOptions, host: str, port: int, ask_token: bool) -> None:
    """Serve the app to web browsers: each browser tab runs its own app on the same database.

    Only this machine can connect by default (127.0.0.1). On any other address a random token
    is made and printed in the URL; a request without it is refused. Every session is the
    annotator of `--annotator` unless the URL gives one: `?annotator=NAME`.
    """
    try:
        from tui.serving import RawiServer, is_loopback, session_command
    except ImportError:
        raise click.ClickException(
            "rawi serve needs textual-serve: pip install 'rawi[serve]'"
        ) from None
    _check_free(host, port)
    options.corpus()  # build or refresh the index once, before any session opens
    arguments = ["--db", str(options.db_path.absolute())]
    for path in options.corpus_paths:
        arguments += ["--corpus", str(path.absolute())]
    arguments += ["open", "--bidi", "visual"]  # the browser's terminal has no bidi of its own
    token = secrets.token_urlsafe(24) if ask_token or not is_loopback(host) else None
    server = RawiServer(
        session_command(arguments, options.annotator_name),
        host,
        port,
        public_url=f"http://{_public_name(host)}:{port}",
        token=token,
    )
    try:
        server.serve()
    except OSError as error:
        raise click.ClickException(f"cannot listen on {host}:{port}: {error.strerror}") from None


def _check_free(host: str, port: int) -> None:
    """A one-line error now, rather than after the server has said where it listens."""
    try:
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind((host, port))
    except OSError as error:
        raise click.ClickException(f"cannot listen on {host}:{port}: {error.strerror}") from None


def _public_name(host: str) -> str:
    """The host in the printed URL: this machine's name for a wildcard address."""
    if host in ("0.0.0.0", "::", ""):
        return socket.getfqdn()
    return f"[{host}]" if ":" in host else host
