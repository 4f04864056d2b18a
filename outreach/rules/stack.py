"""An organisation's own folder of packs, stacked on the built-in ones (like Vale's styles).

    mijn-gemeente/
      tone.toml        extra rules for a dimension: `dimension`, `lang` and [[rule]] tables,
                       with the same schema and examples as the built-in packs
      patterns.toml    extra named patterns for those rules (optional)
      overrides.toml   per built-in rule id: switch it off, change its severity or points, or add
                       exceptions (the organisation's own service and team names)
      segments.toml    [shares]: the organisation's own population shares (percent, summing to 100)

Everything is validated as strictly as the built-in packs, with Dutch errors naming the file
and the rule. Folders stack in the order given; a later folder sees the earlier ones' rules.
"""
from __future__ import annotations

import dataclasses
import math
from pathlib import Path

from outreach.messages import msg
from outreach.rules.loader import (
    METRICS, Pack, RuleBook, _check_matchers, _expand, _read_toml, load_named_patterns,
)
from outreach.rules.schema import DIMENSIONS, SEVERITIES, Matcher, RulePackError, parse_rule

PACK_FILES = {f"{d}.toml" for d in DIMENSIONS} | {"patterns.toml", "overrides.toml", "segments.toml"}
_EXTRA_PACK_KEYS = {"dimension", "lang", "rule"}
_OVERRIDE_KEYS = {"enabled", "severity", "points", "exceptions"}


def _extra_rules(path: Path, book: RuleBook, named: dict) -> tuple[str, list]:
    data = _read_toml(path)
    unknown = set(data) - _EXTRA_PACK_KEYS
    if unknown:
        raise RulePackError(msg("stack.top_keys_unknown", path=path, keys=", ".join(sorted(unknown))))
    dimension = data.get("dimension")
    if dimension != path.stem:
        raise RulePackError(msg("stack.dimension", path=path, dimension=path.stem))
    if data.get("lang") != book.lang:
        raise RulePackError(msg("stack.lang", path=path, lang=book.lang))
    raw_rules = data.get("rule", [])
    if not isinstance(raw_rules, list) or not raw_rules:
        raise RulePackError(msg("stack.rules_required", path=path))
    known = {r.id for r in book.rules}
    rules = []
    for raw in raw_rules:
        rule = parse_rule(_expand(raw, named, path), dimension, str(path), METRICS)
        if rule.id in known:
            raise RulePackError(msg("pack.rule_error", path=path, rule=rule.id, problem=msg("stack.id_exists")))
        known.add(rule.id)
        _check_matchers(rule, str(path), book.lang)
        rules.append(rule)
    return dimension, rules


def _override(rule, change: object, path: Path):
    def fail(problem: str) -> RulePackError:
        return RulePackError(msg("pack.rule_error", path=path, rule=rule.id, problem=problem))

    if not isinstance(change, dict):
        raise fail(msg("stack.override_table", rule=rule.id))
    unknown = set(change) - _OVERRIDE_KEYS
    if unknown:
        raise fail(msg("stack.override_keys", keys=", ".join(sorted(unknown)), known=", ".join(sorted(_OVERRIDE_KEYS))))
    enabled = change.get("enabled", True)
    if not isinstance(enabled, bool):
        raise fail(msg("stack.enabled"))
    if not enabled:
        return None
    fields: dict = {}
    if "severity" in change:
        if change["severity"] not in SEVERITIES:
            raise fail(msg("rule.choice_required", key="severity", options=", ".join(SEVERITIES)))
        fields["severity"] = change["severity"]
    if "points" in change:
        points = change["points"]
        if isinstance(points, bool) or not isinstance(points, (int, float)) or not math.isfinite(points) \
                or points * rule.points < 0:
            raise fail(msg("stack.points", points=rule.points))
        fields["points"] = float(points)
    if "exceptions" in change:
        extra = change["exceptions"]
        if not isinstance(extra, list) or not extra or not all(isinstance(t, str) and t.strip() for t in extra):
            raise fail(msg("stack.exceptions"))
        fields["exceptions"] = Matcher(rule.exceptions.terms + tuple(extra), rule.exceptions.patterns)
    changed = dataclasses.replace(rule, **fields)
    _check_matchers(changed, str(path))
    return changed


def _apply_overrides(path: Path, packs: dict[str, Pack]) -> dict[str, Pack]:
    data = _read_toml(path)
    by_id = {rule.id: dim for dim, pack in packs.items() for rule in pack.rules}
    unknown = [rid for rid in data if rid not in by_id]
    if unknown:
        raise RulePackError(msg("stack.rule_unknown", path=path, rule=unknown[0]))
    out = dict(packs)
    for rid, change in data.items():
        dim = by_id[rid]
        rules = []
        for rule in out[dim].rules:
            rules.append(_override(rule, change, path) if rule.id == rid else rule)
        out[dim] = dataclasses.replace(out[dim], rules=tuple(r for r in rules if r is not None))
    return out


def _shares(path: Path) -> dict[str, float]:
    data = _read_toml(path)
    if set(data) != {"shares"} or not isinstance(data["shares"], dict) or not data["shares"]:
        raise RulePackError(msg("stack.shares_table", path=path))
    shares = data["shares"]
    for sid, share in shares.items():
        if isinstance(share, bool) or not isinstance(share, (int, float)) or not math.isfinite(share) or share < 0:
            raise RulePackError(msg("stack.share_number", path=path, segment=sid))
    if abs(sum(shares.values()) - 100) > 0.5:
        raise RulePackError(msg("data.at", where=path, problem=msg("shares.sum", total=sum(shares.values()))))
    return {sid: float(v) for sid, v in shares.items()}


def stack(book: RuleBook, folder: Path) -> RuleBook:
    """The rule book with an organisation's folder applied on top."""
    if not folder.is_dir():
        raise RulePackError(msg("stack.folder_missing", path=folder))
    stray = sorted(p.name for p in folder.glob("*.toml") if p.name not in PACK_FILES)
    if stray:
        raise RulePackError(msg("stack.file_unknown", path=folder, file=stray[0], known=", ".join(sorted(PACK_FILES))))
    named = dict(book.named_patterns)
    named.update(load_named_patterns(folder / "patterns.toml", book.named_patterns))
    packs = dict(book.packs)
    for dimension in DIMENSIONS:
        path = folder / f"{dimension}.toml"
        if path.is_file():
            _, rules = _extra_rules(path, dataclasses.replace(book, packs=packs), named)
            packs[dimension] = dataclasses.replace(packs[dimension], rules=packs[dimension].rules + tuple(rules))
    if (folder / "overrides.toml").is_file():
        packs = _apply_overrides(folder / "overrides.toml", packs)
    shares = _shares(folder / "segments.toml") if (folder / "segments.toml").is_file() else book.shares
    return dataclasses.replace(book, packs=packs, named_patterns=named, shares=shares,
                               sources=book.sources + (str(folder),))
