"""Stage 3, model: plain data classes for the domain and the catalog of what is published."""

from .build import build_campaign, build_exemplar, build_registry
from .campaign import Campaign, Participants, Plan, Recognizer, Review, Steps, Target
from .catalog import Catalog, by_title, newest_first
from .domain import (
                     KIND_NAMES,
                     Act,
                     Area,
                     Category,
                     Commune,
                     Contact,
                     Criterion,
                     Dated,
                     Exemplar,
                     FieldOfWork,
                     FormerName,
                     Group,
                     Kind,
                     Level,
                     MediaAppearance,
                     Nomination,
                     Outlet,
                     Period,
                     Person,
                     Photo,
                     Recognition,
                     Span,
                     Step,
                     Unit,
                     lives,
)
from .registry import Column, Registry, merged_by, standing

__all__ = [
    "KIND_NAMES", "Act", "Area", "Campaign", "Catalog", "Category", "Column", "Commune", "Contact", "Criterion",
    "Dated", "Exemplar", "FieldOfWork", "FormerName", "Group", "Kind", "Level", "MediaAppearance", "Nomination",
    "Outlet", "Participants", "Period", "Person", "Photo", "Plan", "Recognition", "Recognizer", "Registry", "Review",
    "Span", "Step", "Steps", "Target", "Unit", "build_campaign", "build_exemplar", "build_registry", "by_title",
    "lives", "merged_by", "newest_first", "standing",
]
