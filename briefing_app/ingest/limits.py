"""Size and safety limits applied before any parser sees an input.

Parsers are the soft underbelly of an importer: a 1 GB file, a zip bomb or a document
that asks the XML parser to read a local file must be stopped before the library runs.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from .errors import IngestError, TooLargeError

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """Caps for one import; the defaults suit analyst workstations and can be raised."""

    max_bytes: int = 50 * MB  # any single input file, download or attachment
    max_unpacked_bytes: int = 200 * MB  # total uncompressed size of a DOCX package
    max_zip_ratio: int = 100  # uncompressed / compressed for any sizeable zip member
    max_zip_members: int = 5000
    timeout_s: float = 20.0  # URL fetch: connect and each read
    max_redirects: int = 5


DEFAULT_LIMITS = Limits()


def describe_size(n: int) -> str:
    if n >= MB:
        return f"{n / MB:.0f} MB" if n % MB == 0 else f"{n / MB:.1f} MB"
    if n >= 1024:
        return f"{n / 1024:.0f} KB"
    return f"{n} bytes"


def too_large(size: int, limits: Limits, what: str = "the file") -> TooLargeError:
    return TooLargeError(
        f"{what} is {describe_size(size)}, above the import cap of "
        f"{describe_size(limits.max_bytes)}; split it, or raise the cap "
        "(Limits.max_bytes) if you really need it whole"
    )


def read_capped(path: Path, limits: Limits) -> bytes:
    """The file's bytes, refusing (before reading) anything above the cap."""
    try:
        size = path.stat().st_size
    except OSError as e:
        raise IngestError(f"cannot read the file: {e.strerror or e}") from None
    if path.is_dir():
        raise IngestError("this is a folder; import its files with a batch import")
    if size > limits.max_bytes:
        raise too_large(size, limits)
    try:
        with path.open("rb") as handle:
            data = handle.read(limits.max_bytes + 1)
    except OSError as e:
        raise IngestError(f"cannot read the file: {e.strerror or e}") from None
    if len(data) > limits.max_bytes:  # grew while we read it
        raise too_large(len(data), limits)
    return data


def check_zip_package(data: bytes, limits: Limits, what: str = "DOCX") -> None:
    """Refuse a zip whose declared contents would unpack far beyond its size (a zip bomb).

    Uses the sizes in the central directory, so nothing is decompressed to find out; a
    member that lies about its size cannot slip through, because Python's zipfile stops
    inflating at the declared size and then fails the CRC check.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError):
        raise IngestError(
            f"this {what} file is damaged (not a readable zip package); "
            "open it in Word or LibreOffice and save it again"
        ) from None
    with archive:
        infos = archive.infolist()
        if len(infos) > limits.max_zip_members:
            raise IngestError(
                f"this {what} package holds {len(infos)} parts, more than the "
                f"{limits.max_zip_members} a document needs; refused as unsafe"
            )
        total = sum(i.file_size for i in infos)
        if total > limits.max_unpacked_bytes:
            raise TooLargeError(
                f"this {what} would unpack to {describe_size(total)}, above the cap of "
                f"{describe_size(limits.max_unpacked_bytes)}; refused as a possible zip bomb"
            )
        for info in infos:
            ratio = info.file_size / max(info.compress_size, 1)
            if info.file_size > MB and ratio > limits.max_zip_ratio:
                raise TooLargeError(
                    f"part {info.filename!r} of this {what} is compressed {ratio:.0f} to 1 "
                    f"(cap {limits.max_zip_ratio} to 1); refused as a possible zip bomb"
                )
