"""Role titles: find them next to names and normalise them ("Iraqi PM" -> "Prime Minister").

The vocabulary (titles, their kind, modifiers, honorifics, demonyms) is data in
``rules/relations.yaml``; this module compiles it once into regular expressions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from factiongraph.errors import ConfigError

_APOS = "'\u2019"


@dataclass(slots=True, frozen=True)
class RoleTitle:
    """A title found in text: as written, normalised, its kind and whether it has ended."""

    written: str
    normalized: str
    kind: str
    start: int
    end: int
    ended: bool = False


def _alternation(words: list[str]) -> str:
    """Return a regex alternation of ``words``, longest first, each escaped."""
    ordered = sorted({w for w in words if w}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


class RoleLexicon:
    """Compiled role vocabulary: titles, modifiers, honorifics and demonyms."""

    def __init__(self, rules: dict[str, Any]) -> None:
        try:
            self.canonical: dict[str, tuple[str, str]] = {}
            for entry in rules["roles"]:
                for variant in entry["variants"]:
                    self.canonical[variant.lower()] = (str(entry["canonical"]), str(entry["kind"]))
            self.modifiers: list[str] = [str(m) for m in rules["role_modifiers"]]
            self.unit_words: list[str] = [str(u) for u in rules.get("unit_words") or ()]
            self.unit_words_lower: list[str] = [str(u) for u in rules.get("unit_words_lower") or ()]
            self.ended_words = {str(m).lower() for m in rules["role_ended"]}
            self.honorifics: list[str] = [str(h) for h in rules["honorifics"]]
            self.generic_nouns: list[str] = [str(g) for g in rules["generic_group_nouns"]]
            self.demonyms: dict[str, str] = {str(k): str(v) for k, v in rules["demonyms"].items()}
        except (KeyError, TypeError, AttributeError) as exc:
            raise ConfigError(f"relations.yaml: bad role vocabulary ({exc!r}); "
                              "expected roles/role_modifiers/role_ended/honorifics/demonyms") from exc
        self.role_alt = _alternation(list(self.canonical))
        mods = _alternation(self.modifiers)
        hons = _alternation(self.honorifics)
        self.honorific_alt = hons
        units = _alternation(self.unit_words) or "(?!)"
        if self.unit_words_lower:  # matched as written: a capitalised one is part of a name
            units = rf"{units}|(?-i:{_alternation(self.unit_words_lower)})"
        self.title_core = rf"(?:(?:{mods})[\s-]+)*(?:(?:{units})\s+){{0,3}}(?:{self.role_alt})"
        # A title that ends right before a name (optional honorifics in between).
        self.title_before = re.compile(
            rf"(?<![\w-])(?P<title>(?:(?:{_alternation(self.generic_nouns)})\s+)?{self.title_core})"
            rf"\s+(?:(?:{hons})\s+)*$", re.IGNORECASE)
        self.honorific_tail = re.compile(rf"(?:\s+(?:{hons}))+\s*$", re.IGNORECASE)
        self.role_word = re.compile(rf"\b(?:{self.role_alt})\b", re.IGNORECASE)
        self.generic_re = re.compile(rf"^(?:{_alternation(self.generic_nouns)})\s+", re.IGNORECASE)
        dem = _alternation(list(self.demonyms))
        self.demonym_end = re.compile(rf"(?<![\w-])(?P<dem>{dem})(?:['\u2019]s)?\s*$")
        self.demonym_any = re.compile(rf"(?<![\w-])(?P<dem>{dem})(?![\w])")

    def has_unit(self, written: str) -> bool:
        """Return True when a title names a branch ("military commander"): an organisation's post,
        which a nationality alone does not own ("Iraqi military commander X")."""
        return any(w in self.unit_words for w in written.lower().split()) or any(
            w in self.unit_words_lower for w in written.split())

    def normalize_role(self, written: str) -> tuple[str, str, bool]:
        """Return ``(normalized, kind, ended)`` for a title as written.

        Modifiers such as "top" or "former" are dropped; "deputy" is kept ("deputy commander").
        Unknown titles come back lower-cased with kind ``post``.
        """
        words = re.split(r"[\s]+", written.strip())
        ended = False
        mods = {m.lower() for m in self.modifiers}
        while words and words[0].lower().strip("-") in mods:
            ended = ended or words[0].lower().strip("-") in self.ended_words
            words = words[1:]
        text = " ".join(words)
        text = self.generic_re.sub("", text)
        key = text.lower()
        if key in self.canonical:
            canonical, kind = self.canonical[key]
            return canonical, kind, ended
        # Longest known title at the end ("deputy chief of staff" -> Chief of Staff, prefixed).
        for variant in sorted(self.canonical, key=len, reverse=True):
            if key.endswith(variant) or key.startswith(variant + " "):
                canonical, kind = self.canonical[variant]
                prefix = key[: len(key) - len(variant)].strip() if key.endswith(variant) else ""
                if prefix:
                    return f"{prefix} {canonical}", ("post" if kind == "leader" else kind), ended
                return canonical, kind, ended
        return key, "post", ended

    def find_title_before(self, text: str, pos: int, floor: int, comma: bool = False
                          ) -> RoleTitle | None:
        """Return the title ending right before ``pos`` (a name's start), not before ``floor``.

        With ``comma``, the title may be set off from the name by a comma ("its
        secretary-general, Ahmed ..."); the caller decides whether such a title is owned.
        """
        window = text[max(floor, pos - 120):pos]
        if comma:
            stripped = re.search(r",\s*$", window)
            if stripped is None:
                return None
            window = window[:stripped.start()] + " "
            pos = pos - len(text[max(floor, pos - 120):pos]) + len(window)
        match = self.title_before.search(window)
        if match is None:
            return None
        base = pos - len(window)
        start, end = base + match.start("title"), base + match.end("title")
        written = text[start:end]
        normalized, kind, ended = self.normalize_role(written)
        return RoleTitle(written, normalized, kind, start, end, ended)

    def demonym_before(self, text: str, pos: int, floor: int) -> tuple[str, int] | None:
        """Return ``(country name, start)`` when a demonym ends right before ``pos``."""
        window = text[max(floor, pos - 40):pos]
        match = self.demonym_end.search(window)
        if match is None:
            return None
        return self.demonyms[match.group("dem")], pos - len(window) + match.start("dem")

    def demonyms_in(self, text: str) -> list[str]:
        """Return the country names of every demonym in ``text``, in order."""
        return [self.demonyms[m.group("dem")] for m in self.demonym_any.finditer(text)]


_STOP_BACK = frozenset(
    "the a an said says told to by from with that this on in at as and, according who which whom "
    "after before during while when than then also but or if because since between against into "
    "under over about among".split()) | frozenset(
    # verbs that stand before a titled name ("met Prime Minister X"): no part of the title
    "met meets meeting visited visits received receives hosted hosts welcomed welcomes thanked thanks urged "
    "urges asked asks called calls accused accuses blamed blames praised praises criticised criticized "
    "criticises criticizes named names appointed appoints replaced replaces sacked sacks dismissed dismisses "
    "killed kills arrested arrests detained interviewed quoted phoned warned warns backed backs supported "
    "supports endorsed endorses congratulated congratulates is was are were has have had be been".split())


def find_role_phrase_before(text: str, pos: int, floor: int, lexicon: RoleLexicon,
                            heads: re.Pattern[str]) -> tuple[str, int] | None:
    """Return the descriptive phrase written right before a name, with its start.

    "military and strategy expert Hatem al-Falahi" -> "military and strategy expert". The phrase
    must end with a role head (``heads``) or a known title; honorifics before the name are
    skipped. The scan stops at punctuation, determiners, verbs of saying and most prepositions
    ("of"/"for" are kept after a capitalised word: "Centre for Strategic Studies head").
    """
    window_start = max(floor, pos - 160)
    chunk = text[window_start:pos]
    chunk = lexicon.honorific_tail.sub("", chunk)
    tokens = list(re.finditer(r"[\w'\u2019.-]+|[^\w\s]", chunk))
    kept: list[re.Match[str]] = []
    for i in range(len(tokens) - 1, -1, -1):
        tok = tokens[i].group()
        low = tok.lower()
        if not re.match(r"\w", tok):
            break
        if low in ("of", "for", "and"):
            prev = tokens[i - 1].group() if i > 0 else ""
            if low in ("of", "for") and not prev[:1].isupper():
                break
            if low == "and" and not kept:
                break
            kept.append(tokens[i])
            continue
        if low in _STOP_BACK or tok.endswith("."):
            break
        kept.append(tokens[i])
    if not kept:
        return None
    kept.reverse()
    while kept and kept[0].group().lower() in ("of", "for", "and"):
        kept.pop(0)
    if not kept:
        return None
    def is_head(word: str) -> bool:
        return bool(heads.fullmatch(word.lower()) or lexicon.role_word.fullmatch(word))

    if not is_head(kept[-1].group()):
        # "Secretary of State", "Minister of Defence": a head, then "of"/"for" and a capitalised name
        cut = next((i for i in range(len(kept) - 2, 0, -1) if kept[i].group().lower() in ("of", "for")
                    and is_head(kept[i - 1].group()) and kept[i - 1].group()[:1].isupper()
                    and 0 < len(kept) - i - 1 <= 3 and all(k.group()[:1].isupper() for k in kept[i + 1:])),
                   None)
        if cut is None:
            return None
    start = window_start + kept[0].start()
    end = window_start + kept[-1].end()
    return text[start:end], start
