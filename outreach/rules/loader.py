"""Load and validate the rule packs of one language: outreach/languages/<lang>/rules/<dimension>.toml."""
from __future__ import annotations

import dataclasses
import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from outreach import languages
from outreach.cache import cached, files_digest, package_digest
from outreach.languages import Language as TextLanguage, LanguageError
from outreach.messages import message_of, msg
from outreach.rules.schema import DIMENSIONS, Matcher, Rule, RulePackError, matcher_keys, parse_rule
from outreach.rules.terms import TermError, compile_pattern, compile_term
from outreach.text.metrics import DOCUMENT_METRICS, SENTENCE_METRICS, WORD_METRICS

Lang = TextLanguage | str | None  # the language whose lemmatiser and word classes compile terms (None: default)
METRICS = {"document": DOCUMENT_METRICS, "sentence": SENTENCE_METRICS, "word": WORD_METRICS}
_PACK_KEYS = {"dimension", "lang", "title", "base", "description", "rule"}
_LANGUAGE_KEYS = {"negators", "not_negating", "window_before", "window_after", "narrow_negators",
                  "narrow_skip", "narrow_clause", "sentence_negations", "scope_breaks", "list_words",
                  "list_negators"}


@dataclass(frozen=True, slots=True)
class Pack:
    dimension: str
    lang: str
    title: str
    base: float
    description: str
    rules: tuple[Rule, ...]
    path: str


@dataclass(frozen=True, slots=True)
class Language:
    negators: frozenset[str]
    not_negating: tuple[tuple[str, ...], ...]
    window_before: int
    window_after: int
    narrow_negators: frozenset[str] = frozenset()
    narrow_skip: frozenset[str] = frozenset()
    narrow_clause: frozenset[str] = frozenset()
    sentence_negations: tuple[str, ...] = ()  # terms (the rule-pack term syntax)
    scope_breaks: frozenset[str] = frozenset()
    list_words: frozenset[str] = frozenset()
    list_negators: frozenset[str] = frozenset()
    consequences: Consequences | None = None  # see consequences.toml
    facts: dict[str, Fact] = field(default_factory=dict)  # see facts.toml


@dataclass(frozen=True, slots=True)
class Fact:
    """A fact a suggestion may name ({telefoon}): from the scenario, the letter, or a placeholder."""
    variables: tuple[str, ...]
    patterns: tuple[str, ...]
    placeholder: str


@dataclass(frozen=True, slots=True)
class Consequences:
    """What follows a condition ("Als u niet reageert, ...") and decides whether it threatens.

    Read from consequences.toml: `sanction` (a loss or sanction for the reader), `harmless` (a
    reminder, deleting data, nothing at all), the words that carry a consequence into the next
    sentence ("Dan ...") and how much an unclear consequence still counts.
    """
    sanction: Matcher
    harmless: Matcher
    follow_words: frozenset[str]
    unclear_factor: float

    @property
    def terms(self) -> tuple[str, ...]:
        return self.sanction.terms + self.harmless.terms


@dataclass(frozen=True, slots=True)
class Element:
    """Something a letter has or lacks that several rules speak about (elements.toml)."""
    name: str
    has: frozenset[str]
    lacks: frozenset[str] = frozenset()
    eases: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class RuleBook:
    lang: str
    packs: dict[str, Pack]
    language: Language
    elements: tuple[Element, ...] = ()
    # For stacking an organisation's folder on top (outreach/rules/stack.py): the named patterns
    # its rules may use, its population shares, and which folders are active (built-in first).
    named_patterns: dict[str, tuple[str, ...]] = field(default_factory=dict)
    shares: dict[str, float] | None = None
    sources: tuple[str, ...] = ()
    rules: tuple[Rule, ...] = field(init=False)
    terms: tuple[str, ...] = field(init=False)  # every term of every rule: one index per letter
    patterns: tuple[str, ...] = field(init=False)  # every pattern: one prefilter pass per letter

    def __post_init__(self) -> None:
        rules = tuple(rule for dim in DIMENSIONS for rule in self.packs[dim].rules)
        terms = [term for rule in rules for term in rule.terms]
        terms.extend(self.language.sentence_negations)  # found in the same pass over the tokens
        if self.language.consequences is not None:
            terms.extend(self.language.consequences.terms)
        patterns = [p for rule in rules for matcher in rule.matchers for p in matcher.patterns]
        if self.language.consequences is not None:
            consequences = self.language.consequences
            patterns.extend(consequences.sanction.patterns + consequences.harmless.patterns)
        patterns.extend(p for fact in self.language.facts.values() for p in fact.patterns)
        object.__setattr__(self, "rules", rules)
        object.__setattr__(self, "terms", tuple(dict.fromkeys(terms)))
        object.__setattr__(self, "patterns", tuple(dict.fromkeys(patterns)))

    def rule(self, rule_id: str) -> Rule:
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        raise KeyError(rule_id)


def _read_toml(path: Path) -> dict:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as err:
        raise RulePackError(msg("data.toml_invalid", path=path, error=err)) from None
    except (OSError, UnicodeDecodeError) as err:
        raise RulePackError(msg("data.unreadable", path=path, error=type(err).__name__)) from None


def _check_matchers(rule: Rule, path: str, lang: Lang = None) -> None:
    """Compile every term and pattern now, so a bad one is reported with its rule."""
    try:
        for term in rule.terms:
            compile_term(term, lang)
        for matcher in rule.matchers:
            for pattern in matcher.patterns:
                compile_pattern(pattern)
    except TermError as err:
        raise RulePackError(msg("pack.rule_error", path=path, rule=rule.id, problem=_problem(err))) from None


def _compile_all(terms, patterns, where: str, lang: Lang = None) -> None:
    """Compile terms and patterns of a data file now, so a bad one is reported with its place."""
    try:
        for term in terms:
            compile_term(term, lang)
        for pattern in patterns:
            compile_pattern(pattern)
    except TermError as err:
        raise RulePackError(msg("data.at", where=where, problem=_problem(err))) from None


_NAMED = re.compile(r"@[a-z_]+")


def _problem(err: Exception) -> object:
    """The message an error was raised with (its Message, so it renders in another language too)."""
    return message_of(err) or str(err)


def load_named_patterns(path: Path, known: dict[str, tuple[str, ...]] | None = None) -> dict[str, tuple[str, ...]]:
    """patterns.toml: name = [regex, ...]; a rule refers to all of them as "@name", and a pattern
    (here or in a rule) may hold a one-regex name as a part: "{{name}}" (a shared fragment)."""
    if not path.is_file():
        return {}
    named: dict[str, tuple[str, ...]] = {}
    for name, patterns in _read_toml(path).items():
        if not re.fullmatch(r"[a-z_]+", name):
            raise RulePackError(msg("pack.pattern_name", path=path, name=name))
        if not isinstance(patterns, list) or not patterns or not all(isinstance(x, str) and x for x in patterns):
            raise RulePackError(msg("pack.pattern_list", path=path, name=name))
        patterns = [_fragments(p, {**(known or {}), **named}, f"{path}: '{name}'") for p in patterns]
        for pattern in patterns:
            try:
                compile_pattern(pattern)
            except TermError as err:
                raise RulePackError(msg("data.at", where=f"{path}: '{name}'", problem=_problem(err))) from None
        named[name] = tuple(patterns)
    return named


_FRAGMENT = re.compile(r"\{\{([a-z_]+)\}\}")


def _fragments(pattern: str, named: dict[str, tuple[str, ...]], where: str) -> str:
    """A pattern with each "{{name}}" replaced by the one regex of that name (defined earlier)."""
    def part(found: re.Match) -> str:
        if len(named.get(found.group(1), ())) != 1:
            known = ", ".join("{{" + n + "}}" for n, p in named.items() if len(p) == 1) or msg("data.none")
            raise RulePackError(msg("pack.fragment_unknown", where=where, fragment=found.group(0), known=known))
        return named[found.group(1)][0]
    return _FRAGMENT.sub(part, pattern) if "{{" in pattern else pattern


def _expand(raw: object, named: dict[str, tuple[str, ...]], path: Path) -> object:
    """Replace "@name" entries in a rule's pattern lists by the named patterns."""
    if not isinstance(raw, dict):
        return raw
    raw = dict(raw)  # copies, so the file's own data stays as it was read
    tables = [raw]
    for key in matcher_keys(raw.get("kind")):
        if isinstance(raw.get(key), dict):
            raw[key] = dict(raw[key])
            tables.append(raw[key])
    for table in tables:
        if isinstance(table.get("patterns"), list):
            table["patterns"] = [p for entry in table["patterns"] for p in _named(entry, named, raw, path)]
    return raw


def _named(entry: object, named: dict[str, tuple[str, ...]], raw: dict, path: Path) -> tuple:
    """The patterns an entry stands for: itself, or all patterns of "@name"."""
    if not (isinstance(entry, str) and _NAMED.fullmatch(entry)):
        where = msg("pack.rule_where", path=path, rule=raw.get('id', '?'))
        return (_fragments(entry, named, where) if isinstance(entry, str) else entry,)
    if entry[1:] not in named:
        known = ", ".join("@" + n for n in sorted(named)) or msg("data.none")
        raise RulePackError(msg("pack.rule_error", path=path, rule=raw.get('id', '?'),
                                problem=msg("pack.pattern_unknown", pattern=entry, known=known)))
    return named[entry[1:]]


def load_pack(path: Path, named: dict[str, tuple[str, ...]] | None = None, lang: Lang = None) -> Pack:
    data = _read_toml(path)
    unknown = set(data) - _PACK_KEYS
    if unknown:
        raise RulePackError(msg("pack.top_keys_unknown", path=path, keys=", ".join(sorted(unknown))))
    dimension = data.get("dimension")
    if dimension not in DIMENSIONS or path.stem != dimension:
        raise RulePackError(msg("pack.dimension", path=path, dimensions=", ".join(DIMENSIONS)))
    base = data.get("base")
    if isinstance(base, bool) or not isinstance(base, (int, float)) or not 0 <= base <= 100:
        raise RulePackError(msg("pack.base", path=path))
    for key in ("lang", "title", "description"):
        if not isinstance(data.get(key), str) or not data[key].strip():
            raise RulePackError(msg("data.at", where=path, problem=msg("rule.text_required", key=key)))
    raw_rules = data.get("rule", [])
    if not isinstance(raw_rules, list):
        raise RulePackError(msg("pack.rules_as_tables", path=path))
    rules = []
    seen: set[str] = set()
    for raw in raw_rules:
        rule = parse_rule(_expand(raw, named or {}, path), dimension, str(path), METRICS)
        if rule.id in seen:
            raise RulePackError(msg("pack.rule_error", path=path, rule=rule.id, problem=msg("pack.duplicate_id")))
        seen.add(rule.id)
        _check_matchers(rule, str(path), lang)
        rules.append(rule)
    return Pack(dimension, data["lang"], data["title"], float(base), data["description"],
                tuple(rules), str(path))


def load_language(path: Path, lang: Lang = None) -> Language:
    data = _read_toml(path)
    if set(data) != _LANGUAGE_KEYS:
        raise RulePackError(msg("data.exact_keys", path=path, keys=", ".join(sorted(_LANGUAGE_KEYS))))
    lists = ("negators", "not_negating", "narrow_negators", "narrow_skip", "narrow_clause", "sentence_negations",
             "scope_breaks", "list_words", "list_negators")
    for key in lists:
        if not isinstance(data[key], list) or not all(isinstance(w, str) and w.strip() for w in data[key]):
            raise RulePackError(msg("data.at", where=path, problem=msg("rule.texts_required", key=key)))
    for key in ("window_before", "window_after"):
        value = data[key]
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 10:
            raise RulePackError(msg("pack.window", path=path, key=key))
    for term in data["sentence_negations"]:
        try:
            compile_term(term, lang)
        except TermError as err:
            raise RulePackError(msg("data.at", where=f"{path}: sentence_negations", problem=_problem(err))) from None
    words = {key: frozenset(w.lower() for w in data[key]) for key in lists}
    return Language(
        negators=words["negators"],
        not_negating=tuple(tuple(p.lower().split()) for p in data["not_negating"]),
        window_before=data["window_before"],
        window_after=data["window_after"],
        narrow_negators=words["narrow_negators"],
        narrow_skip=words["narrow_skip"],
        narrow_clause=words["narrow_clause"],
        sentence_negations=tuple(data["sentence_negations"]),
        scope_breaks=words["scope_breaks"],
        list_words=words["list_words"],
        list_negators=words["list_negators"],
    )


_CONSEQUENCE_KEYS = {"sanction", "harmless", "sanction_rules", "follow_words", "unclear_factor"}


def load_consequences(path: Path, named: dict[str, tuple[str, ...]],
                      packs: dict[str, Pack], lang: Lang = None) -> Consequences | None:
    """consequences.toml: the lexicon that decides whether a condition's consequence threatens.

    `sanction_rules` names rules whose terms and patterns also count as a sanction (the threat
    words are written once, in their own rules); unknown ids are an error.
    """
    if not path.is_file():
        return None
    data = _read_toml(path)
    if set(data) != _CONSEQUENCE_KEYS:
        raise RulePackError(msg("data.exact_keys", path=path, keys=", ".join(sorted(_CONSEQUENCE_KEYS))))
    matchers = {}
    for key in ("sanction", "harmless"):
        if not isinstance(data[key], dict) or set(data[key]) - {"terms", "patterns"}:
            raise RulePackError(msg("data.at", where=path, problem=msg("rule.matcher_table", key=key)))
        raw = _expand({"id": key, **data[key]}, named, path)
        terms, patterns = raw.get("terms", []), raw.get("patterns", [])
        if not isinstance(terms, list) or not isinstance(patterns, list) or not all(isinstance(x, str) and x.strip() for x in [*terms, *patterns]):
            raise RulePackError(msg("pack.matcher_texts", path=path, key=key))
        _compile_all(terms, patterns, f"{path}: '{key}'", lang)
        matchers[key] = Matcher(tuple(terms), tuple(patterns))
    rules = {rule.id: rule for pack in packs.values() for rule in pack.rules}
    sanction = matchers["sanction"]
    for rule_id in data["sanction_rules"]:
        if rule_id not in rules:
            raise RulePackError(msg("pack.rule_unknown", where=f"{path}: sanction_rules", rule=rule_id))
        rule = rules[rule_id]
        match = getattr(rule.params, "match", Matcher())
        sanction = Matcher(sanction.terms + match.terms, sanction.patterns + match.patterns)
    words = data["follow_words"]
    if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
        raise RulePackError(msg("data.at", where=path, problem=msg("rule.texts_required", key="follow_words")))
    factor = data["unclear_factor"]
    if isinstance(factor, bool) or not isinstance(factor, (int, float)) or not 0 <= factor <= 1:
        raise RulePackError(msg("pack.unclear_factor", path=path))
    return Consequences(sanction, matchers["harmless"], frozenset(w.lower() for w in words), float(factor))


_FACT_KEYS = {"variables", "patterns", "placeholder"}
FACT_NAME = re.compile(r"\{([a-z_]+)\}")  # {telefoon} in a suggestion; filled by the engine


def load_facts(path: Path, named: dict[str, tuple[str, ...]]) -> dict[str, Fact]:
    """facts.toml: per fact the scenario variables, letter patterns and placeholder."""
    if not path.is_file():
        return {}
    facts = {}
    for name, raw in _read_toml(path).items():
        if not re.fullmatch(r"[a-z_]+", name) or not isinstance(raw, dict) or set(raw) != _FACT_KEYS:
            raise RulePackError(msg("pack.fact_table", path=path, name=name, keys=", ".join(sorted(_FACT_KEYS))))
        lists = [raw["variables"], raw["patterns"]]
        if not all(isinstance(v, list) and all(isinstance(x, str) and x.strip() for x in v) for v in lists):
            raise RulePackError(msg("pack.fact_lists", path=path, name=name))
        if not isinstance(raw["placeholder"], str) or not raw["placeholder"].strip():
            raise RulePackError(msg("data.at", where=f"{path}: '{name}'", problem=msg("rule.text_required", key="placeholder")))
        patterns = _expand({"id": name, "patterns": raw["patterns"]}, named, path)["patterns"]
        _compile_all((), patterns, f"{path}: '{name}'")
        facts[name] = Fact(tuple(raw["variables"]), tuple(patterns), raw["placeholder"])
    return facts


def _check_fact_names(packs: dict[str, Pack], facts: dict[str, Fact]) -> None:
    """Every {name} in a suggestion is a fact of facts.toml, or the advisor would see '{naam}'."""
    for pack in packs.values():
        for rule in pack.rules:
            texts = list(rule.suggestions) + list(getattr(rule.params, "alternatives", ()))
            for name in (n for text in texts for n in FACT_NAME.findall(text)):
                if name not in facts:
                    known = ", ".join("{" + n + "}" for n in sorted(facts)) or msg("data.none")
                    raise RulePackError(msg("pack.rule_error", path=pack.path, rule=rule.id,
                                            problem=msg("pack.fact_unknown", fact="{" + name + "}", known=known)))


def load_elements(path: Path, packs: dict[str, Pack]) -> tuple[Element, ...]:
    """elements.toml: per element the rules that say a letter has it and those that say it lacks it."""
    if not path.is_file():
        return ()
    ids = {rule.id for pack in packs.values() for rule in pack.rules}
    elements = []
    for name, raw in _read_toml(path).items():
        if not isinstance(raw, dict) or "has" not in raw or not set(raw) - {"has"} \
                or not set(raw) <= {"has", "lacks", "eases"}:
            raise RulePackError(msg("pack.element_table", path=path, name=name))
        for key in raw:
            if not isinstance(raw[key], list) or not raw[key]:
                raise RulePackError(msg("pack.element_ids", path=path, name=name, key=key))
            unknown = [r for r in raw[key] if r not in ids]
            if unknown:
                raise RulePackError(msg("pack.element_rule_unknown", path=path, name=name, rule=unknown[0], key=key))
        elements.append(Element(name, frozenset(raw["has"]), frozenset(raw.get("lacks", ())),
                                frozenset(raw.get("eases", ()))))
    return tuple(elements)


def load_rulebook_from(directory: Path, lang: str) -> RuleBook:
    """Load all six packs of a language from a directory; any problem raises RulePackError."""
    if not directory.is_dir():
        raise RulePackError(msg("pack.no_packs", path=directory, lang=lang))
    packs: dict[str, Pack] = {}
    try:
        language = languages.get(lang)  # its lemmatiser and word classes compile the terms
    except LanguageError as err:
        raise RulePackError(*err.args) from None
    named = load_named_patterns(directory / "patterns.toml")
    for dimension in DIMENSIONS:
        path = directory / f"{dimension}.toml"
        if not path.is_file():
            raise RulePackError(msg("pack.missing", path=path, dimension=dimension))
        packs[dimension] = load_pack(path, named, language)  # ids start with the dimension: unique across packs
    extra = {p.stem for p in directory.glob("*.toml")} - set(DIMENSIONS) - {"language", "patterns", "consequences", "facts", "elements"}
    if extra:
        raise RulePackError(msg("pack.files_unknown", path=directory, files=", ".join(sorted(extra))))
    negation = load_language(directory / "language.toml", language)
    consequences = load_consequences(directory / "consequences.toml", named, packs, language)
    undeclared = [r.id for p in packs.values() for r in p.rules if getattr(r.params, "consequence", False)] if consequences is None else []
    if undeclared:
        raise RulePackError(msg("pack.rule_error", path=directory, rule=undeclared[0], problem=msg("pack.consequences_missing")))
    facts = load_facts(directory / "facts.toml", named)
    _check_fact_names(packs, facts)
    return RuleBook(lang, packs, dataclasses.replace(negation, consequences=consequences, facts=facts),
                    load_elements(directory / "elements.toml", packs), named_patterns=named,
                    sources=(str(directory),))


def load_rulebook(lang: str = languages.DEFAULT, packs: tuple[str, ...] | list[str] = ()) -> RuleBook:
    """The shipped rule packs of a language with the organisations' folders `packs` stacked on top
    in that order (outreach/rules/stack.py), loaded once per process."""
    return _load_rulebook(lang, tuple(str(Path(p).resolve()) for p in packs))


@lru_cache(maxsize=8)
def _load_rulebook(lang: str, packs: tuple[str, ...]) -> RuleBook:
    try:
        directory = languages.get(lang).rules_dir
    except LanguageError as err:
        raise RulePackError(*err.args) from None
    # Checked and compiled once, then loaded from the cache until the code or a rule file changes
    # (the rule files are digested on every load: they may be edited while the app runs, and a
    # language folder elsewhere is digested like the package's own).
    key = f"{package_digest()} {files_digest(directory) if directory.is_dir() else ''} {directory} {lang}"
    book = cached(f"rulebook-{lang}", key, lambda: load_rulebook_from(directory, lang))
    if packs:
        from outreach.rules.stack import stack  # stack builds on this module
        for folder in packs:
            book = stack(book, Path(folder))
    return book


load_rulebook.cache_clear = _load_rulebook.cache_clear  # type: ignore[attr-defined]


def packs_from_env(value: str | None) -> tuple[str, ...]:
    """OUTREACH_PACKS: organisation folders separated by the path separator (":" or ";")."""
    import os

    return tuple(p for p in (value or "").split(os.pathsep) if p.strip())
