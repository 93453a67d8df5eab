"""Fetching URLs, against a local HTTP server on 127.0.0.1 started here (never the internet)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from briefing_app.ingest import FetchError, Limits, TooLargeError, UnsupportedError, import_url
from briefing_app.store import Project

from .builders import make_pdf
from .conftest import state
from .test_html_import import PAGE

GIGABYTE = 1024**3


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        path = self.path
        if path == "/article":
            self._send(200, "text/html; charset=utf-8", PAGE.encode())
        elif path == "/report.pdf":
            self._send(200, "application/pdf", make_pdf(["Page one text.", "Page two text."]))
        elif path == "/plain":
            self._send(200, "text/plain; charset=utf-8", b"Note title\n\nPlain body.\n")
        elif path == "/moved":
            self.send_response(302)
            self.send_header("Location", "/article")
            self.end_headers()
        elif path.startswith("/loop"):
            self.send_response(302)
            self.send_header("Location", f"/loop{len(path)}")
            self.end_headers()
        elif path == "/to-file":
            self.send_response(302)
            self.send_header("Location", "file:///etc/passwd")
            self.end_headers()
        elif path == "/slow":
            time.sleep(1.5)
            self._send(200, "text/html", PAGE.encode())
        elif path == "/gigabyte":  # says 1 GB up front
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(GIGABYTE))
            self.end_headers()
        elif path == "/endless":  # no length: streams until the client stops
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            chunk = b"<p>" + b"x" * 65536 + b"</p>"
            try:
                for _ in range(GIGABYTE // len(chunk)):
                    self.wfile.write(chunk)
            except OSError:
                return
        else:
            self._send(404, "text/plain", b"not here")

    def _send(self, code: int, kind: str, body: bytes) -> None:
        self.send_response(code)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:  # keep test output clean
        pass


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    for name in (
        "http_proxy",
        "HTTP_PROXY",
        "https_proxy",
        "HTTPS_PROXY",
        "all_proxy",
        "ALL_PROXY",
    ):
        monkeypatch.delenv(name, raising=False)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_page_is_fetched_and_imported_like_a_saved_one(project: Project, server: str) -> None:
    source = import_url(project, server + "/article").source
    assert source.title == "Drone corridor narrows west of the city"
    assert source.url == "https://harbour-courier.example/world/corridor-narrows"  # canonical
    assert source.accessed  # today
    assert source.origin == server + "/article"
    assert "cookies" not in source.text


def test_redirect_is_followed(project: Project, server: str) -> None:
    assert import_url(project, server + "/moved").source.container_title == "The Harbour Courier"


def test_pdf_and_plain_text_urls(project: Project, server: str) -> None:
    pdf = import_url(project, server + "/report.pdf").source
    assert [label for _, label in pdf.locators] == ["p. 1", "p. 2"]
    plain = import_url(project, server + "/plain").source
    assert plain.title == "Note title" and plain.url == server + "/plain"


def test_404_says_so(project: Project, server: str) -> None:
    with pytest.raises(FetchError, match="404"):
        import_url(project, server + "/missing")
    assert state(project)[0] == 0


def test_timeout_says_so(project: Project, server: str) -> None:
    with pytest.raises(FetchError, match=r"did not answer within 0\.3 s"):
        import_url(project, server + "/slow", limits=Limits(timeout_s=0.3))
    assert state(project)[0] == 0


def test_declared_gigabyte_is_refused_before_download(project: Project, server: str) -> None:
    with pytest.raises(TooLargeError, match="1024 MB, above the import cap of 50 MB"):
        import_url(project, server + "/gigabyte")


def test_endless_body_stops_at_the_cap(project: Project, server: str) -> None:
    with pytest.raises(FetchError, match="larger than the import cap of 1 MB"):
        import_url(project, server + "/endless", limits=Limits(max_bytes=1024 * 1024))
    assert state(project)[0] == 0


def test_redirect_loop_is_cut_short(project: Project, server: str) -> None:
    with pytest.raises(FetchError, match="redirect"):
        import_url(project, server + "/loop", limits=Limits(max_redirects=3))


def test_redirect_to_a_local_file_is_refused(project: Project, server: str) -> None:
    with pytest.raises(FetchError, match="not http or https"):
        import_url(project, server + "/to-file")


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/a", "javascript:x", ""])
def test_only_http_and_https(project: Project, url: str) -> None:
    with pytest.raises(UnsupportedError, match="only http"):
        import_url(project, url)


def test_refused_connection_says_so(project: Project) -> None:
    with pytest.raises(FetchError, match="could not reach"):
        import_url(project, "http://127.0.0.1:9/nothing", limits=Limits(timeout_s=2))
