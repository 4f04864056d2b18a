"""Several app processes behind nginx (outreach/cluster.py): the generated configuration, the copy
in docs/deploy.md, and, where nginx is installed, sticky sessions and the websocket upgrade
through a real nginx in front of two small stand-in backends."""
from __future__ import annotations

import asyncio
import os
import re
import socket
import threading
import time
import urllib.request
from http import HTTPStatus
from pathlib import Path

import pytest

from outreach import cluster

ROOT = Path(__file__).resolve().parents[1]
DOC_RUNTIME = Path("/run/outreach-nginx")  # the folder the documented example names
DOC_PORTS = [8601, 8602, 8603]


def test_the_configuration_names_every_process_and_is_the_same_each_time(tmp_path):
    made = cluster.nginx_config("192.168.1.20", 8501, [9001, 9002], tmp_path)
    assert made == cluster.nginx_config("192.168.1.20", 8501, [9001, 9002], tmp_path)
    assert re.findall(r"server 127\.0\.0\.1:(\d+)", made) == ["9001", "9002"]
    assert "listen 192.168.1.20:8501;" in made
    assert "hash $oh_route consistent;" in made                       # sticky: one browser, one process
    assert '"~^[0-9a-f]{32}$" $cookie_oh_route;' in made              # only a well-formed cookie is used
    assert "proxy_set_header Upgrade $http_upgrade;" in made          # the websocket upgrade
    assert "proxy_set_header Connection $connection_upgrade;" in made
    assert "ip_hash" not in made                                      # a workshop behind one NAT router
    assert made.count("{") == made.count("}")
    with pytest.raises(ValueError):
        cluster.nginx_config("127.0.0.1", 8501, [], tmp_path)


def test_the_documented_configuration_is_the_generated_one():
    doc = (ROOT / "docs" / "deploy.md").read_text(encoding="utf-8")
    shown = re.search(r"```nginx\n(.*?)```", doc, re.S).group(1)
    assert shown == cluster.nginx_config("0.0.0.0", 8501, DOC_PORTS, DOC_RUNTIME), (
        "docs/deploy.md is out of date: paste cluster.nginx_config('0.0.0.0', 8501, [8601, 8602, 8603], "
        "Path('/run/outreach-nginx')) into it")


# Skipped without nginx on a developer's machine; in CI (.ci/run installs it) a missing nginx fails.
needs_nginx = pytest.mark.skipif(cluster.nginx() is None and os.environ.get("OUTREACH_REQUIRE_NGINX") != "1",
                                 reason="nginx is not installed")


@needs_nginx
def test_nginx_accepts_the_configuration(tmp_path):
    import subprocess

    (tmp_path / "nginx.conf").write_text(cluster.nginx_config("127.0.0.1", cluster.free_port(), [9001, 9002],
                                                              tmp_path))
    done = subprocess.run([cluster.nginx(), "-t", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf"),
                           "-e", str(tmp_path / "error.log")], capture_output=True, text=True, timeout=30)
    assert done.returncode == 0, done.stderr


def _backends(count: int):
    """Small servers that answer a GET and a websocket with their own port (stand-ins for Streamlit)."""
    import websockets
    from websockets.asyncio.server import serve

    ports = [cluster.free_port() for _ in range(count)]
    loop = asyncio.new_event_loop()
    ready = threading.Event()

    async def run():
        async def echo(ws):
            await ws.send(str(ws.local_address[1]))

        def plain(connection, request):
            if request.headers.get("Upgrade", "").lower() != "websocket":
                return connection.respond(HTTPStatus.OK, str(connection.local_address[1]))
            return None

        servers = [await serve(echo, "127.0.0.1", p, process_request=plain) for p in ports]
        ready.set()
        await asyncio.Event().wait()
        for s in servers:
            s.close()

    thread = threading.Thread(target=loop.run_until_complete, args=(run(),), daemon=True)
    thread.start()
    ready.wait(10)
    return ports, websockets


def _get(url: str, cookie: str | None = None) -> tuple[str, str]:
    request = urllib.request.Request(url, headers={"Cookie": f"oh_route={cookie}"} if cookie else {})
    with urllib.request.urlopen(request, timeout=10) as answer:
        return answer.read().decode(), answer.headers.get("Set-Cookie", "")


@needs_nginx
def test_one_browser_always_reaches_the_same_process_also_over_the_websocket(tmp_path):
    ports, websockets = _backends(2)
    port = cluster.free_port()
    tmp_path.chmod(0o755)
    proxy = cluster.run_nginx("127.0.0.1", port, ports, tmp_path)
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert time.monotonic() < deadline and proxy.poll() is None, (tmp_path / "error.log").read_text()
                time.sleep(0.2)
        # The first request gets a route cookie; every request with it goes to one process.
        _, set_cookie = _get(f"http://127.0.0.1:{port}/")
        route = re.match(r"oh_route=([0-9a-f]{32});", set_cookie).group(1)
        first, again = _get(f"http://127.0.0.1:{port}/", route)
        assert {_get(f"http://127.0.0.1:{port}/x", route)[0] for _ in range(5)} == {first}
        assert f"oh_route={route};" in again
        # A malformed cookie is not trusted: it gets a fresh random route.
        assert "oh_route=../x;" not in _get(f"http://127.0.0.1:{port}/", "../x")[1]
        # Many browsers are spread over both processes.
        seen = {_get(f"http://127.0.0.1:{port}/", f"{n:032x}")[0] for n in range(40)}
        assert seen == {str(p) for p in ports}

        async def over_websocket() -> str:
            async with websockets.connect(f"ws://127.0.0.1:{port}/_stcore/stream",
                                          additional_headers={"Cookie": f"oh_route={route}"}) as ws:
                return await ws.recv()
        assert asyncio.run(over_websocket()) == first  # the upgrade passes, to the same process
    finally:
        proxy.terminate()
        proxy.wait(10)
