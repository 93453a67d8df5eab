"""Original file bytes kept inside the project, so every source stays retrievable."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .errors import NotFoundError

if TYPE_CHECKING:
    from .project import Project


@dataclass(frozen=True)
class Attachment:
    id: int
    name: str
    mime: str
    sha256: str
    data: bytes


class AttachmentRepository:
    def __init__(self, project: Project) -> None:
        self._p = project

    def add(self, name: str, mime: str, data: bytes) -> int:
        """Store bytes once; the same bytes added again return the existing id."""
        digest = hashlib.sha256(data).hexdigest()
        with self._p.transaction() as db:
            row = db.execute("SELECT id FROM attachments WHERE sha256 = ?", (digest,)).fetchone()
            if row:
                return int(row[0])
            cur = db.execute(
                "INSERT INTO attachments(name, mime, sha256, size, data) VALUES (?, ?, ?, ?, ?)",
                (_safe_name(name), mime, digest, len(data), data),
            )
            return int(cur.lastrowid or 0)

    def get(self, attachment_id: int) -> Attachment:
        row = self._p.db.execute(
            "SELECT id, name, mime, sha256, data FROM attachments WHERE id = ?", (attachment_id,)
        ).fetchone()
        if row is None:
            raise NotFoundError(f"no attachment {attachment_id} in this project")
        return Attachment(int(row[0]), row[1], row[2], row[3], bytes(row[4]))


def _safe_name(name: str) -> str:
    """Only the last path component: an attachment name must never steer a later export
    ("../../etc/passwd" becomes "passwd")."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1].strip()
    return base.lstrip(".") or "attachment"
