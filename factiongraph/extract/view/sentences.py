"""Sentences and rule files shared by the relation and quote extractors.

``sentence_spans`` gives the content sentences of a document: spaCy's sentences (when the
pipeline set them) split again at line breaks and sentence punctuation, with boilerplate and
reader comments dropped. ``load_rule_file`` reads and caches ``rules/<name>.yaml``.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from factiongraph.errors import ConfigError

# libyaml's safe loader when PyYAML was built with it (the same documents, some ten times faster).
_YAML_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

if TYPE_CHECKING:
    from factiongraph.extract.view.context import DocContext

RULES_DIR = Path(__file__).parents[1] / "rules"
_SENT_END = re.compile(r"(?<=[.!?])(?P<close>[\"'\u201d\u2019)]*)\s+(?=[\"'\u201c\u2018(]?[A-Z0-9])|\n+")
_SHORT_FORM_END = re.compile(r"\w\s*\(\s*[A-Z][A-Za-z.-]{1,9}\s*\)$")
_ABBREV = re.compile(r"\b(?:Gen|Maj|Brig|Col|Lt|Dr|Mr|Mrs|Ms|St|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|"
                     r"Oct|Nov|Dec|U\.S|U\.N|No|Capt|Sgt|Rep|Sen|Gov|Prof)\.$")

# A middle initial after a first name ("Lloyd J. | Austin"): no sentence ends there.
_INITIAL = re.compile(r"\b[A-Z][a-z]+ [A-Z]\.$")


@cache
def load_rule_file(name: str) -> dict[str, Any]:
    """Return the parsed rule file ``rules/<name>.yaml``.

    Raises:
        ConfigError: the file is missing, is not a mapping or has the wrong schema.
    """
    path = RULES_DIR / f"{name}.yaml"
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_YAML_LOADER)  # noqa: S506 (safe loader)
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"cannot read rule file {path}: {exc}") from exc
    if not isinstance(data, dict) or data.get("schema") != "rules/1":
        raise ConfigError(f"{path}: expected a mapping with schema: rules/1")
    return data


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Return sentence spans of ``text[start:end]`` by punctuation and line breaks."""
    spans: list[tuple[int, int]] = []
    cursor = start
    for match in _SENT_END.finditer(text, start, end):
        if match.group().strip() == "" and "\n" not in match.group() and (_ABBREV.search(
                text[max(start, match.start() - 6):match.start()]) or _INITIAL.search(
                text[max(start, match.start() - 24):match.start()])):
            continue
        stop = match.start() + len(match.group("close") or "")
        if stop > cursor:
            spans.append((cursor, stop))
        cursor = match.end()
    if cursor < end:
        spans.append((cursor, end))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _merge_abbreviation_breaks(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Rejoin model sentences split after an abbreviation ("on Oct. | 18, he ...")."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out:
            prev = text[out[-1][0]:out[-1][1]].rstrip()
            gap = text[out[-1][1]:start]
            nxt = text[start:end].lstrip()[:1]
            if "\n" not in gap and (_ABBREV.search(prev[-6:]) and (nxt.isdigit() or nxt.islower())
                                     or _INITIAL.search(prev[-24:]) and nxt.isupper()):
                out[-1] = (out[-1][0], end)  # "on Oct. | 18", "Lloyd J. | Austin"
                continue
            if "\n" not in gap and prev and (prev[-1].isalnum() or _SHORT_FORM_END.search(prev)) and nxt[:1].isalnum():
                # "Iraq-based Kata'ib | Hezbollah released", "the Guard Corps (IRGC) | Quds Force": no
                # sentence ends in a word or a bracketed short form
                out[-1] = (out[-1][0], end)
                continue
        out.append((start, end))
    return out


def sentence_spans(ctx: DocContext) -> list[tuple[int, int]]:
    """Return the content sentences of a document (spaCy's when it has them, else our own).

    Sentences never cross a line break; spans in boilerplate or reader comments are dropped.
    """
    text = ctx.document.text
    raw: list[tuple[int, int]] = []
    doc = ctx.spacy_doc
    has_sents = doc is not None and (doc.has_annotation("SENT_START") or doc.has_annotation("DEP"))
    if has_sents:
        for sent_start, sent_end in _merge_abbreviation_breaks(text, [(s.start_char, s.end_char)
                                                                      for s in ctx.sents()]):
            raw.extend(split_sentences(text, sent_start, sent_end))
    else:
        raw = split_sentences(text, 0, len(text))
    out: list[tuple[int, int]] = []
    for start, end in raw:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        block = ctx.document.block_at(start) if ctx.document.blocks else None
        if start < end and (block is None or block.is_content):
            out.append((start, end))
    return out
