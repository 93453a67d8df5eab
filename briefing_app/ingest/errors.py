"""Import errors, each worded for the analyst who tried to bring a document in."""

from __future__ import annotations


class IngestError(Exception):
    """A document could not be imported; the message says why and what to do.

    Raised before anything is written, or inside the import's transaction so that the
    project is left exactly as it was.
    """

    def __init__(self, message: str, *, origin: str = "") -> None:
        self.message = message
        self.origin = origin
        super().__init__(f"{origin}: {message}" if origin else message)

    def located(self, origin: str) -> IngestError:
        """The same error naming the file or URL it came from (if it does not yet)."""
        if self.origin:
            return self
        return type(self)(self.message, origin=origin)


class TooLargeError(IngestError):
    """The input is above the configured size cap."""


class UnsupportedError(IngestError):
    """A file type, encoding or URL scheme we do not import."""


class NoTextError(IngestError):
    """The document holds no text we can capture (empty file, scanned PDF)."""


class FetchError(IngestError):
    """A URL could not be fetched: timeout, HTTP error, refused redirect."""
