"""Stage 2, validate: documents → diagnostics, against the JSON Schema and the rules it cannot
state (`rules`), across files (`references`), on every core and once per content (`cache`)."""

from .cache import checked_documents
from .campaigns import check_exemplar_times, check_registry_dates, check_registry_links
from .references import IndexEntry, check_references, errors_in
from .rules import SLUG, check_exemplar
from .schema_errors import check_against_schema
from .suggest import suggest

__all__ = ["SLUG", "IndexEntry", "check_against_schema", "check_exemplar", "check_exemplar_times",
           "check_references", "check_registry_dates", "check_registry_links",
           "checked_documents", "errors_in", "suggest"]
