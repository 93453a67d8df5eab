"""Importers: files, pasted text, URLs and reference-manager exports become sources.

Public API (what the CLI and the UI call):

- `import_file(project, path, overrides)`, `import_text(project, text, url=, title=,
  author=, overrides=)`, `import_url(project, url, overrides)` -> `ImportResult`
- `import_paths(project, paths, overrides=, progress=, cancel=)` -> `ImportReport`
- `SourceOverrides` (the `--type`, `--reliability`, `--descriptor`... flags), `Limits`
- `export_csl_json(sources)`, `export_bibtex(sources)` for the library export
- `IngestError` and its subclasses: every refusal, worded for the analyst
"""

from .batch import FileOutcome, ImportReport, import_paths
from .errors import FetchError, IngestError, NoTextError, TooLargeError, UnsupportedError
from .importer import SUPPORTED_SUFFIXES, import_file, import_text, import_url
from .library_export import export_bibtex, export_csl_json
from .limits import DEFAULT_LIMITS, Limits
from .near_duplicates import NearDuplicate, dismiss, flagged
from .results import ImportedSource, ImportResult, SourceOverrides

__all__ = [
    "DEFAULT_LIMITS",
    "SUPPORTED_SUFFIXES",
    "FetchError",
    "FileOutcome",
    "ImportReport",
    "ImportResult",
    "ImportedSource",
    "IngestError",
    "Limits",
    "NearDuplicate",
    "NoTextError",
    "SourceOverrides",
    "TooLargeError",
    "UnsupportedError",
    "dismiss",
    "export_bibtex",
    "export_csl_json",
    "flagged",
    "import_file",
    "import_paths",
    "import_text",
    "import_url",
]
