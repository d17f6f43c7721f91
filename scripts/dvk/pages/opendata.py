"""Open data: every published exemplar as JSON (versioned, with its schema) and as CSV.

One allow-list, `record`, decides what leaves the repository about an exemplar; the JSON files,
the CSV and the story kits are all made from it, so a field that is not public (the consent date,
the source path, draft state) cannot reach any of them by accident. Person name and position are
public by the person's written consent; the only contact is the unit office's.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from .. import schema, urls
from ..media.photos import published_name
from ..model import KIND_NAMES, Campaign, Exemplar
from ..text.story import story_text
from ..text.tables import csv_bytes, csv_row, json_bytes, json_line, json_pieces
from .base import Asset, Site, SiteFile

VERSION = 2  # 2: the story as published (story_html, story_text) instead of its Markdown
SCHEMA_FILES = {"exemplars.schema.json": schema.OPEN_DATA,  # published name: ours
                "exemplar.schema.json": schema.EXEMPLAR}
# The CSV's columns: a Vietnamese heading, and how to read it from a record.
CSV_COLUMNS: tuple[tuple[str, Any], ...] = (
    ("Mã", lambda r: r["slug"]),
    ("Tên điển hình", lambda r: r["title"]),
    ("Chiến dịch", lambda r: r["campaign"]["name"]),
    ("Loại", lambda r: KIND_NAMES[r["kind"]]),
    ("Mô hình", lambda r: r["model"]),
    ("Họ tên cá nhân", lambda r: r["person"] and r["person"]["name"]),
    ("Chức vụ", lambda r: r["person"] and r["person"]["position"]),
    ("Đơn vị công nhận", lambda r: r["unit"]["name"]),
    ("Đơn vị hiện nay", lambda r: r["current_unit"]["name"]),
    ("Cấp", lambda r: r["level_name"]),
    ("Xã, thị trấn", lambda r: r["commune"] and r["commune"]["name"]),
    ("Nội dung thi đua", lambda r: "; ".join(c["title"] for c in r["categories"])),
    ("Nhóm", lambda r: "; ".join(g["title"] for g in r["groups"])),
    ("Lĩnh vực", lambda r: "; ".join(f["title"] for f in r["fields"])),
    ("Tóm tắt", lambda r: r["summary"]),
    ("Số quyết định", lambda r: r["recognition"]["decision"]),
    ("Ngày công nhận", lambda r: r["recognition"]["date"]),
    ("Cơ quan công nhận", lambda r: r["recognition"]["by"]),
    ("Hình thức", lambda r: r["recognition"]["form"]),
    ("Đã lên sóng “{column}”", lambda r: "có" if r["aired"] else "chưa"),  # the site's column
    ("Lần lên sóng gần nhất", lambda r: r["last_airing"]),
    ("Số ảnh", lambda r: len(r["photos"])),
    ("Văn phòng liên hệ", lambda r: r["contact"] and r["contact"]["office"]),
    ("Điện thoại văn phòng", lambda r: r["contact"] and r["contact"]["phone"]),
    ("Email văn phòng", lambda r: r["contact"] and r["contact"]["email"]),
    ("Trang điển hình", lambda r: r["url"]),
)


def record(site: Site, ex: Exemplar) -> dict[str, Any]:
    """The public description of one exemplar: every key always present (null when absent)."""
    return site.once("record", ex, lambda: _record(site, ex))


def _record(site: Site, ex: Exemplar) -> dict[str, Any]:
    registry = site.registry
    unit = registry.units[ex.unit]
    current = registry.current_unit(ex.unit)
    page = urls.exemplar(ex.slug)
    commune = registry.communes.get(unit.commune) if unit.commune else None
    campaign = registry.campaigns[ex.campaign]
    return {
        "slug": ex.slug,
        "url": urls.absolute(site.settings.site_url, page),
        "title": ex.title,
        "campaign": {"id": campaign.id, "name": campaign.name, "plan_number": campaign.plan.number},
        "kind": ex.kind,
        "model": ex.model,
        "person": {"name": ex.person.name, "position": ex.person.position} if ex.person else None,
        "unit": {"id": unit.id, "name": unit.name},
        "current_unit": {"id": current.id, "name": current.name},
        "level": unit.level,
        "level_name": registry.level_names.get(unit.level, unit.level),
        "commune": {"id": commune.id, "name": commune.name} if commune else None,
        "categories": [{"id": c, "title": registry.categories[c].title,
                        "short": registry.categories[c].short} for c in ex.categories],
        "groups": [{"id": g, "title": registry.groups[g].title} for g in ex.groups],
        "fields": [{"id": f, "title": registry.fields[f].title} for f in ex.fields],
        "summary": ex.summary,
        # The story as published: sanitised HTML and its plain text, never the contributor's markup.
        "story_html": str(site.story(ex)),
        "story_text": story_text(str(site.story(ex))),
        "recognition": {"decision": ex.recognition.decision, "date": _iso(ex.recognition.date),
                        "by": ex.recognition.by, "form": ex.recognition.form},
        "period": {"start": _iso(ex.period.start), "end": _iso(ex.period.end)} if ex.period else None,
        "criteria": [{"name": c.name, "target": c.target, "result": c.result, "measure": c.measure,
                      "percent": round(c.percent, 1)} for c in ex.criteria],
        "steps": [{"step": s.step, "date": _iso(s.date), "note": s.note} for s in ex.steps],
        "current_step": ex.current_step.step if ex.current_step else None,
        "nominations": [{"level": n.level, "date": _iso(n.date), "note": n.note} for n in ex.nominations],
        "learned_from": list(ex.learned_from),
        "media": [{"outlet": m.outlet, "programme": m.programme, "title": m.title, "date": _iso(m.date),
                   "url": m.url, "column_airing": m.is_column_airing} for m in ex.media],
        "aired": ex.last_airing is not None,
        "last_airing": _iso(ex.last_airing),
        "photos": [{"file": published_name(p.source, p.file),
                    "url": urls.absolute(site.settings.site_url, urls.beside(page, published_name(p.source, p.file))),
                    "caption": p.caption, "credit": p.credit} for p in ex.photos],
        "contact": {"office": ex.contact.office, "phone": ex.contact.phone, "email": ex.contact.email}
        if ex.contact else None,
        "story_kit": urls.absolute(site.settings.site_url, urls.story_kit(ex.slug)),
    }


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def campaign_record(site: Site, campaign: Campaign) -> dict[str, Any]:
    """The public description of one campaign: what its page says, as data."""
    registry, plan = site.registry, campaign.plan
    return {
        "id": campaign.id,
        "url": urls.absolute(site.settings.site_url, urls.campaign(campaign.id)),
        "name": campaign.name,
        "status": campaign.status,
        "period": {"start": _iso(campaign.period.start), "end": _iso(campaign.period.end)},
        "closed_on": _iso(campaign.closed_on),
        "plan": {"number": plan.number, "date": _iso(plan.date), "issuer": plan.issuer, "title": plan.title},
        "organiser": {"id": campaign.organiser, "name": registry.units[campaign.organiser].name},
        "targets": [{"id": t.id, "label": t.label, "min": t.min, "each_unit": t.each_unit}
                    for t in campaign.targets],
        "lines": {"name": campaign.lines_name,
                  "categories": [{"id": c.id, "title": c.title, "short": c.short} for c in campaign.categories]},
        "steps": list(campaign.steps.items) if campaign.steps else [],
        "reviews": [{"kind": r.kind, "name": r.name, "date": _iso(r.date)} for r in campaign.reviews],
        "count": sum(1 for e in site.catalog.exemplars if e.campaign == campaign.id),
    }


def exemplar_document(site: Site, ex: Exemplar) -> bytes:
    """One exemplar's own JSON file (du-lieu/dien-hinh/<slug>.json, and inside its story kit)."""
    return site.once("document", ex, lambda: json_bytes(
        {"version": VERSION, "licence": site.settings.licence.as_json(), "exemplar": record(site, ex)}))


def headings(column: str) -> list[str]:
    return [heading.format(column=column) for heading, _ in CSV_COLUMNS]


def csv_values(rec: dict[str, Any]) -> list[Any]:
    """One record's row of the CSV file."""
    return [read(rec) for _, read in CSV_COLUMNS]


def files(site: Site) -> Iterator[SiteFile]:
    licence = site.settings.licence
    column = site.registry.column.name if site.registry.column else ""
    exemplars = site.catalog.exemplars
    newest = site.catalog.newest(1)
    yield Asset.made_of(urls.open_data("exemplars.json"), json_pieces({
        "version": VERSION,
        "generated_from": {
            "site": site.settings.site_url,
            "newest_recognition": newest[0].recognition.date.isoformat() if newest else None,
        },
        "licence": licence.as_json(),
        "count": len(exemplars),
        "exemplars": (site.kept(lambda ex=ex: json_line(record(site, ex)), "record line", ex) for ex in exemplars),
    }))
    rows = [site.kept(lambda ex=ex: csv_row(csv_values(record(site, ex))), "record row", ex) for ex in exemplars]
    yield Asset.made(urls.open_data("exemplars.csv"), csv_bytes(headings(column), rows))
    yield Asset.made(urls.open_data("campaigns.json"), json_bytes({
        "version": VERSION, "licence": licence.as_json(),
        "campaigns": [campaign_record(site, c) for c in site.registry.campaigns.values()]}))
    for ex in site.catalog.exemplars:
        yield site.kept(lambda ex=ex: Asset.made(urls.exemplar_record(ex.slug), exemplar_document(site, ex)),
                        "record file", ex)
    for published, ours in SCHEMA_FILES.items():
        yield Asset.made(urls.open_data(published), schema.schema_bytes(ours))
    yield site.render(urls.open_data(), "opendata.html.j2", count=len(exemplars),
                      example=exemplars[0].slug if exemplars else None, licence=licence,
                      columns=headings(column),
                      schema_files=list(SCHEMA_FILES))
