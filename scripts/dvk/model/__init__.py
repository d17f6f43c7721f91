"""Stage 3, model: plain data classes for the domain and the catalog of what is published."""

from .build import build_exemplar, build_registry
from .catalog import Catalog, by_title, newest_first
from .domain import (
                     COLUMN,
                     KIND_NAMES,
                     LEVEL_NAMES,
                     NOMINATION_LEVELS,
                     STEP_NAMES,
                     Category,
                     Commune,
                     Contact,
                     Criterion,
                     Exemplar,
                     FieldOfWork,
                     FormerName,
                     Group,
                     Kind,
                     Level,
                     MediaAppearance,
                     Nomination,
                     Period,
                     Person,
                     Photo,
                     Recognition,
                     Step,
                     Unit,
)
from .registry import Registry, merged_by, standing

__all__ = [
    "COLUMN", "KIND_NAMES", "LEVEL_NAMES", "NOMINATION_LEVELS", "STEP_NAMES", "Catalog", "Category",
    "Commune", "Contact", "Criterion", "Exemplar", "FieldOfWork", "FormerName", "Group", "Kind", "Level",
    "MediaAppearance", "Nomination", "Period", "Person", "Photo", "Recognition", "Registry", "Step", "Unit",
    "build_exemplar", "build_registry", "by_title", "merged_by", "newest_first", "standing",
]
