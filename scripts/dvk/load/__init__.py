"""Stage 1, load: files on disk → `Document`s (data with the line of every value, the story),
or diagnostics. Only reading happens here; nothing raises past this package."""

from .documents import MAX_FILE_BYTES, REGISTRY_FILES, Document, dotted, exemplar_paths, read_exemplar, read_registry
from .yamlread import Parsed, YamlProblem, keep_text_where_schema_wants_it, parse

__all__ = ["MAX_FILE_BYTES", "REGISTRY_FILES", "Document", "Parsed", "YamlProblem", "dotted",
           "exemplar_paths", "keep_text_where_schema_wants_it", "parse", "read_exemplar", "read_registry"]
