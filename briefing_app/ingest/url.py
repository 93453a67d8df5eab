"""Fetching a web page: http and https only, a timeout, a size cap, few redirects."""

from __future__ import annotations

import socket
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message
from urllib.parse import urlsplit

from .errors import FetchError, UnsupportedError
from .limits import Limits, describe_size, too_large

USER_AGENT = "BriefingStudio/0.1 (source capture for analysts)"
_CHUNK = 64 * 1024


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    content_type: str
    charset: str
    data: bytes


class _LimitedRedirects(urllib.request.HTTPRedirectHandler):
    """Follow at most `max_redirections` redirects, and never to a non-web scheme."""

    def __init__(self, limit: int) -> None:
        self.max_redirections = limit
        self.max_repeats = limit

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: object,
        code: int,
        msg: str,
        headers: Message,
        newurl: str,
    ) -> urllib.request.Request | None:
        if urlsplit(newurl).scheme not in ("http", "https"):
            raise FetchError(f"the server redirected to {newurl!r}, which is not http or https")
        return super().redirect_request(req, fp, code, msg, headers, newurl)  # type: ignore[arg-type]


def check_url(url: str) -> str:
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise UnsupportedError(
            f"{url!r} is not a web address; only http:// and https:// URLs can be fetched"
        )
    return url


def fetch(url: str, limits: Limits) -> Fetched:
    """The response body, read in chunks so a 1 GB answer stops at the cap, not in memory."""
    url = check_url(url)
    opener = urllib.request.build_opener(_LimitedRedirects(limits.max_redirects))
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    try:
        with opener.open(request, timeout=limits.timeout_s) as response:
            declared = response.headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > limits.max_bytes:
                raise too_large(int(declared), limits, "the page")
            body = bytearray()
            while chunk := response.read(_CHUNK):
                body += chunk
                if len(body) > limits.max_bytes:
                    raise FetchError(
                        f"the page is larger than the import cap of "
                        f"{describe_size(limits.max_bytes)}; download stopped"
                    )
            return Fetched(
                url=response.geturl(),
                content_type=response.headers.get_content_type(),
                charset=response.headers.get_content_charset() or "",
                data=bytes(body),
            )
    except urllib.error.HTTPError as e:
        if e.code in (301, 302, 303, 307, 308) and "not allowed" in str(e.msg):
            # urllib itself refuses redirects to file:, data: and the like
            raise FetchError(
                f"the server redirected to an address that is not http or https ({e.filename})"
            ) from None
        if e.code in (301, 302, 303, 307, 308):
            raise FetchError(
                f"too many redirects (more than {limits.max_redirects}) from {url}"
            ) from None
        raise FetchError(f"the server answered {e.code} {e.reason} for {url}") from None
    except urllib.error.URLError as e:
        if isinstance(e.reason, (TimeoutError, socket.timeout)):
            raise _timeout(url, limits) from None
        raise FetchError(f"could not reach {url}: {e.reason}") from None
    except TimeoutError:
        raise _timeout(url, limits) from None
    except (OSError, ValueError) as e:  # connection reset mid-body, bad chunking
        raise FetchError(f"the download from {url} failed: {e}") from None


def _timeout(url: str, limits: Limits) -> FetchError:
    return FetchError(
        f"{url} did not answer within {limits.timeout_s:g} s; try again later, or save the "
        "page from your browser and import the file"
    )
