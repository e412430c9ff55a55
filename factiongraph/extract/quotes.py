"""Quotes and reported claims: who said what, in which role, through which outlet, about whom.

Works sentence by sentence (sentences inside one open quotation are joined) over resolved
mentions, with no dependency parse needed. Vocabularies are data in ``rules/quotes.yaml``.
A statement is attributed once: to a name next to a verb of saying, to "he"/"she" or a bare
surname (the last named speaker), or to an anonymous source ("an official ... on condition of
anonymity"); a quoted paragraph that follows an attribution continues that speaker.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from factiongraph.errors import ConfigError
from factiongraph.extract.docview import DocView, build_name_index
from factiongraph.extract.roles import RoleLexicon, find_role_phrase_before
from factiongraph.extract.sentences import load_rule_file
from factiongraph.model import EntityType, Evidence, Mention, Quote
from factiongraph.model.ids import make_id

if TYPE_CHECKING:
    from factiongraph.extract.context import DocContext

log = logging.getLogger(__name__)

_SPEAKERS = frozenset({EntityType.PERSON, EntityType.ARMED_GROUP, EntityType.POLITICAL_ORG,
                       EntityType.STATE_BODY, EntityType.INTL_ORG, EntityType.COUNTRY})
_GROUP_TYPES = frozenset({EntityType.ARMED_GROUP, EntityType.POLITICAL_ORG, EntityType.INTL_ORG})
_STATE_NOUNS = frozenset({EntityType.STATE_BODY, EntityType.COUNTRY})
_CLAUSE = re.compile(r",\s*(?:and|but|while|whereas)\s+|;\s+|,\s*(?=(?:which|who)\s)")
_QUOTE = re.compile(r"[\"\u201c]([^\"\u201c\u201d]+)[\"\u201d]")
_TRIM = " ,;:\u2014\u2013-\"\u201c\u201d'"
_ADVERBS = (r"(?:(?:also|later|then|both|has|have|had|previously|recently|further|separately|again|"
            r"earlier|publicly|reportedly|once|repeatedly|quickly|swiftly|immediately|promptly)\s+)*")
_PAREN = r"(?:\s*\([^()]{1,80}\))?"
_SUBJECT_GAP = re.compile(_PAREN + r"\s*(?:,[^,\"\u201c\u201d]{1,140},\s*)?" + _ADVERBS)
# Between a subject and its verb when other names sit in between: an appositive (", the leader
# of X,"), a list tail (", among other groups,"), a reduced relative (" led by X", " fighting X").
_MODIFIER_GAP = re.compile(
    _PAREN + r"\s*(?:,\s*(?:(?:among|including|along\s+with|as\s+well\s+as)\b[^;\"\u201c\u201d]{1,160}?"
    r"|[^,;\"\u201c\u201d]{1,140}),|\s+(?:(?:led|headed|backed|founded|run|funded|supported|"
    r"commanded)\s+by|fighting|operating|based\s+in|known\s+as|calling\s+itself)\b"
    r"[^,;\"\u201c\u201d]{1,80}?)\s*" + _ADVERBS)
# "X, which/who said": the relative pronoun's antecedent speaks; "X's office said": X speaks.
_RELATIVE_GAP = re.compile(r"\s*,\s*(?:which|who)\s+" + _ADVERBS)
_OFFICE_GAP = re.compile(r"['\u2019]s\s+(?:(?:media|press|political)\s+)?office\s+" + _ADVERBS)
_APPOSED_NAME_GAP = re.compile(r"\s*,\s*" + _ADVERBS)


def _alt(words: list[str]) -> str:
    """Return a regex alternation of phrases, longest first."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


@dataclass(slots=True)
class Finding:
    """One attribution in a sentence: who, by which rule, the evidence spans, the outlet, the verb."""

    speakers: list[Speaker]
    rule: str
    spans: list[tuple[int, int]]
    via: str | None
    verb: int


@dataclass(slots=True)
class Speaker:
    """Who a statement is attributed to (an entity, or an anonymous source described as written)."""

    entity_id: str | None
    role: str | None
    anonymous: bool = False
    key: str = ""


class QuoteExtractor:
    """Find quotes and reported claims: build once with the KB, call :meth:`extract` per document.

    Reads ``DocContext`` (text, sentences, content mentions with ``entity_id``); writes one
    :class:`Quote` per attributed statement, with evidence over the quoted or reported words.
    """

    NAME = "stage.extract.quotes"
    VERSION = 2

    def __init__(self, kb: Any) -> None:
        self.kb = kb
        rules = load_rule_file("quotes")
        self.lexicon = RoleLexicon(load_rule_file("relations"))
        self.names = build_name_index(kb)
        try:
            self.patterns = {str(p["id"]): (int(p["version"]), float(p["confidence"]))
                             for p in rules["patterns"]}
            words = {k: [str(w) for w in rules[k]] for k in (
                "say_verbs", "claim_verbs", "according", "anonymous_heads", "anonymity_cues",
                "via_cues", "role_heads", "anonymous_plural_heads", "continuation_say",
                "continuation_other")}
            self.min_words = int(rules["min_quote_words"])
        except (KeyError, TypeError, ValueError) as exc:
            raise ConfigError(f"quotes.yaml: bad or missing entry ({exc!r})") from exc
        flags = re.IGNORECASE
        self.say = re.compile(rf"\b(?:{_alt(words['say_verbs'])})\b", flags)
        self.claim = re.compile(rf"\b(?:{_alt(words['claim_verbs'])})\b", flags)
        self.according = re.compile(rf"\b(?:{_alt(words['according'])})\s+", flags)
        heads = _alt(words["anonymous_heads"])
        self.anon_np = re.compile(
            rf"(?P<np>\b(?:an?|one|two|three|several|some)\s+(?:[\w-]+\s+){{0,4}}?(?:{heads})\b"
            rf"(?:\s+(?:in|at|with|from|of|close\s+to|within)\s+(?:the\s+)?(?:[\w'-]+\s+){{0,3}}?"
            rf"[\w'-]+)??)" + _SUBJECT_GAP.pattern + "$", flags)
        plural = _alt(words["anonymous_plural_heads"])
        self.anon_plural = re.compile(
            rf"(?:^|(?<=[,;]\s)|(?<=\bwhich\s)|(?<=\bthat\s)|(?<=\band\s)|(?<=\bbut\s))"
            rf"(?P<np>(?:(?:[Tt]he|many|other|most|several|some|government|[A-Z][\w.'-]*|[a-z]+(?:al|ary|"
            rf"ian|ish|ern|ior|ty))\s+){{0,3}}?(?i:{plural}))" + _SUBJECT_GAP.pattern + "$")
        self.plural_after = re.compile(
            rf"(?P<np>(?:[\w-]+\s+){{0,2}}?(?:{plural}))\b(?P<of>\s+(?:of|from|in|at)\s+(?:the\s+)?)?",
            flags)
        self.continuation = re.compile(
            rf"\s*,?\s*(?:and\s+)?(?<![\w-])(?:(?P<say>{_alt(words['continuation_say'])})\s+(?:that\s+)?(?:[:,]\s*)?"
            rf"|(?=(?:{_alt(words['continuation_other'])})\b))", flags)
        self.anon_ref = re.compile(rf"\bthe\s+(?:[\w-]+\s+){{0,2}}?(?P<head>{heads})\s+$", flags)
        self.anonymity = re.compile(rf"\b(?:{_alt(words['anonymity_cues'])})\b", flags)
        self.via = re.compile(rf"\b(?:{_alt(words['via_cues'])})\s+(?:the\s+)?", flags)
        self.role_heads = re.compile(rf"(?:{_alt([w.lower() for w in words['role_heads']])})s?")
        self.head_word = re.compile(rf"\b(?:{_alt(words['role_heads'])})s?\b", flags)

    def producer(self, rule: str) -> tuple[str, float]:
        """Return the versioned producer name and confidence of a pattern."""
        version, confidence = self.patterns.get(rule, (1, 0.5))
        return f"rule.{rule}.v{version}", confidence

    # -- document walk --------------------------------------------------------------------
    def extract(self, ctx: DocContext) -> list[Quote]:
        """Return the quotes and reported claims of one document, in text order."""
        view = DocView(ctx, self.names)
        view.count_countries(self.lexicon)
        view.add_definite_references(self.lexicon)
        roles = self.describe_speakers(view)
        quotes: dict[str, Quote] = {}
        last: Speaker | None = None
        last_unit = -10
        vias: dict[str, str | None] = {}
        speakers_seen: list[Speaker] = []
        for index, (start, end) in enumerate(self.join_open_quotes(view)):
            ms = [m for m in view.in_sentence(start, end) if not self.is_quoted(view.text, m, start)]
            found = self.attribute(view, ms, start, end, last, speakers_seen, roles)
            for finding in found:
                speakers, rule, via = finding.speakers, finding.rule, finding.via
                for sp in speakers:
                    via_id = via if via is not None else (vias.get(sp.key) if rule == "quote-reported"
                                                          and sp.key in vias else None)
                    if via is not None or sp.key not in vias:
                        vias[sp.key] = via
                    for ev_start, ev_end in finding.spans:
                        self.add_quote(view, quotes, sp, via_id, ev_start, ev_end, rule)
                    speakers_seen.append(sp)
                if len(speakers) == 1:
                    last, last_unit = speakers[0], index
            if found:
                continue
            spans = self.long_quotes(view.text, start, end)
            opens = bool(re.match(r"[\"\u201c]", view.text[start:end]))
            if spans and opens and last is not None and index - last_unit <= 3:
                self.add_quote(view, quotes, last, vias.get(last.key), spans[0][0], spans[-1][1],
                               "quote-continuation")
                last_unit = index
        return list(quotes.values())

    def join_open_quotes(self, view: DocView) -> list[tuple[int, int]]:
        """Return sentences, joining those that sit inside one open quotation on one line."""
        out: list[tuple[int, int]] = []
        for start, end in view.sentences:
            if out:
                prev = view.text[out[-1][0]:out[-1][1]]
                opened = prev.count('"') % 2 == 1 or prev.count("\u201c") > prev.count("\u201d")
                if opened and "\n" not in view.text[out[-1][1]:start]:
                    out[-1] = (out[-1][0], end)
                    continue
            out.append((start, end))
        return out

    def long_quotes(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        """Return inner spans of quotations with at least ``min_quote_words`` words."""
        spans = []
        for m in _QUOTE.finditer(text, start, end):
            if len(m.group(1).split()) >= self.min_words:
                s, e = m.start(1), m.end(1)
                while e > s and text[e - 1] in " ,":
                    e -= 1
                spans.append((s, e))
        return spans

    def is_quoted(self, text: str, m: Mention, start: int) -> bool:
        """Return True when a mention lies inside quotation marks of its sentence."""
        before = text[start:m.start]
        return before.count('"') % 2 == 1 or before.count("\u201c") > before.count("\u201d")

    def masked(self, text: str, start: int, end: int) -> str:
        """Return the sentence with quoted words blanked (verbs inside quotes do not attribute)."""
        chunk = text[start:end]
        return _QUOTE.sub(lambda m: m.group()[0] + "_" * (len(m.group()) - 2) + m.group()[-1], chunk)

    # -- attribution ----------------------------------------------------------------------
    def attribute(self, view: DocView, ms: list[Mention], start: int, end: int,
                  last: Speaker | None, seen: list[Speaker], roles: dict[str, str]) -> list[Finding]:
        """Return the attributed statements of one sentence, one per clause with its own speaker.

        "X said A, and officials said B" and "Y blamed A on B, which denied it" are split at the
        clause boundary when both sides hold an attribution; otherwise the sentence is one unit.
        """
        masked = self.masked(view.text, start, end)
        for boundary in _CLAUSE.finditer(masked):
            b_start, b_end = start + boundary.start(), start + boundary.end()
            second = self.attribute(view, ms, b_end, end, last, seen, roles)
            if not second or second[0].verb < b_end:
                continue
            first = self.attribute_clause(view, ms, start, b_start, last, seen, roles)
            if first is None:
                whole = self.attribute_clause(view, ms, start, end, last, seen, roles)
                return [whole] if whole is not None else second
            if first.speakers[0].key != second[0].speakers[0].key:
                return [first, *second]
        found = self.attribute_clause(view, ms, start, end, last, seen, roles)
        if found is None:
            found = self.participle_claim(view, ms, start, end, roles)
        return [found] if found is not None else []

    def attribute_clause(self, view: DocView, ms: list[Mention], start: int, end: int,
                         last: Speaker | None, seen: list[Speaker], roles: dict[str, str]
                         ) -> Finding | None:
        """Return the first attribution of ``[start, end)`` (a verb of saying, "according to", a claim)."""
        text = view.text
        masked = self.masked(text, start, end)
        for verb in self.say.finditer(masked):
            vs, ve = start + verb.start(), start + verb.end()
            if verb.group().lower() == "claimed" and not re.match(r"\s*(?:that\b|responsibility\b|to\b|[,.:;\"\u201c]|$)",
                                                                  text[ve:end]):
                continue  # "claimed an attack", "claimed the town": not a statement
            speakers, a_start = self.speaker_before(view, ms, start, vs, last, seen, roles)
            a_end = ve
            if not speakers:
                after = self.speaker_after(view, ms, ve, end, roles)
                if after is None:
                    continue
                speakers, a_end = [after[0]], after[1]
                a_start = vs
            via, a_end = self.find_via(view, ms, vs, a_end, end)
            tail = re.match(r"\s*(?:on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
                            r"Twitter|X|Telegram|Facebook|television)\s+)?"
                            r"\s*(?:in\s+a\s+(?:statement|tweet|post|speech|interview)\b[^,:\"\u201c]{0,40}?)?"
                            r"\s*(?:,\s*)?(?:that\s+|:\s*)?", text[a_end:end])
            a_end += tail.end() if tail else 0
            return Finding(speakers, "quote-reported", self.evidence_spans(view, start, end, a_start, a_end),
                           via, vs)
        for match in self.according.finditer(masked):
            pos = start + match.end()
            after = self.speaker_after(view, ms, pos - 1, end, roles, according=True)
            if after is not None:
                return Finding([after[0]], "quote-reported",
                               [self.evidence_span(view, start, end, start + match.start(), after[1])],
                               None, start + match.start())
        for verb in self.claim.finditer(masked):
            vs = start + verb.start()
            if re.search(r"\b(?:was|were|been|be|being|is|are)\s+$", text[start:vs], re.IGNORECASE):
                continue
            speakers = self.subject_list(view, ms, start, vs, roles)
            if not speakers:
                plural = self.anon_plural.search(text[start:vs])
                speakers = [self.plural_source(plural.group("np"))] if plural else []
            if speakers:
                return Finding(speakers, "quote-claim", [self.trim(text, vs, end)], None, vs)
        return None

    def participle_claim(self, view: DocView, ms: list[Mention], start: int, end: int,
                         roles: dict[str, str]) -> Finding | None:
        """Return "X visited the site, promising ..." (a claim in a participle after the subject's verb)."""
        text = view.text
        subject = ms[0] if ms else None
        if subject is None or view.type_of(subject) not in _SPEAKERS or not re.fullmatch(
                r"(?:[^,\"\u201c]{0,50},\s*)?", text[start:subject.start]):
            return None  # the subject opens the sentence, after at most a short adverbial
        masked = self.masked(text, start, end)
        for cue in self.continuation.finditer(masked, subject.end - start):
            pos = start + cue.end()
            if cue.group() and re.match(r"\s*(?:,|\w+\s+\w+)", text[subject.end:start + cue.start()]) \
                    and not re.match(r"['\u2019]s?\s", text[subject.end:subject.end + 3]):
                eid = str(subject.entity_id)
                if cue.group("say"):
                    return Finding([Speaker(eid, roles.get(eid), False, eid)], "quote-reported",
                                   [self.trim(text, pos, end)], None, start + cue.start())
                return Finding([Speaker(eid, roles.get(eid), False, eid)], "quote-claim",
                               [self.trim(text, pos, end)], None, start + cue.start())
        return None

    def speaker_before(self, view: DocView, ms: list[Mention], start: int, vs: int,
                       last: Speaker | None, seen: list[Speaker], roles: dict[str, str]
                       ) -> tuple[list[Speaker], int]:
        """Return the speakers written before a verb of saying and where the attribution starts."""
        text = view.text
        pre = text[start:vs]
        named = self.subject_list(view, ms, start, vs, roles)
        if named:
            first = min((m for m in ms if m.entity_id == named[0].entity_id and m.end <= vs),
                        key=lambda m: abs(vs - m.end), default=None)
            a_start = first.start if first is not None else vs
            phrase = find_role_phrase_before(text, a_start, start, self.lexicon, self.role_heads)
            if phrase:
                return named, phrase[1]
            apposed = re.search(r"(?:^|[,;:]\s+)(?P<np>[^,;:\"\u201c\u201d]{3,80}?),\s*$", text[start:a_start])
            if apposed and self.head_word.search(apposed.group("np")) and len(named) == 1:
                if named[0].role is None:
                    named[0].role = apposed.group("np")  # "Iran's foreign minister, X, said"
                return named, start + apposed.start("np")
            det = re.search(r"\b(?:the|an?)\s+$", text[max(start, a_start - 5):a_start], re.IGNORECASE)
            return named, a_start - (len(det.group()) if det else 0)
        pronoun = re.search(r"\b(?P<p>he|she|they|it|the\s+(?:group|militia|faction|movement|organi[sz]ation|"
                            r"party|alliance|coalition|bloc|ministry|army|military|government))"
                            r"\s+(?:(?:also|later|then|further|again)\s+)?$", pre, re.IGNORECASE)
        if pronoun:
            sp = self.resolve_pronoun(view, pronoun.group("p").lower(), vs, last, seen, roles)
            return ([sp] if sp else []), start + pronoun.start()
        ref = self.anon_ref.search(pre)
        if ref:
            head = ref.group("head").lower()
            prior = next((s for s in reversed(seen) if s.anonymous and s.key == f"anon:{head}"), None)
            if prior is not None:
                return [prior], start + ref.start()
        anon = self.anon_np.search(pre)
        if anon:
            np = anon.group("np").strip()
            head = self.head_word.findall(np)
            key = f"anon:{head[-1].lower().rstrip('s')}" if head else "anon:source"
            return [Speaker(None, np, True, key)], start + anon.start("np")
        plural = self.anon_plural.search(pre)
        if plural and re.search(r"\b(?:which|that)\s+$", pre[:plural.start("np")]):
            return [self.plural_source(plural.group("np"))], start + plural.start("np")
        surname = re.search(r"\b(?P<n>[A-Z][\w'-]+(?:-[A-Z][\w'-]+)?)\s+$", pre)
        if surname:
            low = surname.group("n").lower()
            for sp in reversed(seen):
                ent = view.entity(sp.entity_id)
                if ent is not None and ent.type is EntityType.PERSON and any(
                        n.split()[-1].lower() == low for n in [ent.name, *ent.aliases] if n):
                    return [sp], start + surname.start()
        return [], vs

    def subject_list(self, view: DocView, ms: list[Mention], start: int, vs: int,
                     roles: dict[str, str]) -> list[Speaker]:
        """Return the named speakers ending right before ``vs`` ("A and B both said")."""
        text = view.text
        before = [m for m in ms if m.end <= vs and (view.type_of(m) in _SPEAKERS
                                                     or self.is_capital_subject(view, m, start, vs))][::-1]
        index = self.find_subject(text, before, start, vs)
        if index is None:
            return []
        tail_and = index == 1 and re.match(r"['\u2019]s\s", text[before[0].end:before[0].end + 3]) is not None
        before = before[index:]
        chosen = [before[0]]
        role_gap = re.compile(r"\s*(?:,|,?\s*and|&)\s*(?:the\s+)?(?:(?:[\w-]+\s+){0,3}?(?:"
                              + self.head_word.pattern + r")\s+)?", re.IGNORECASE)
        for prev in before[1:]:
            gap = text[prev.end:chosen[-1].start]
            if len(chosen) == 1 and not tail_and and not re.match(r"\s*,?\s*(?:and\b|&)", gap):
                break  # a list of speakers ends "B and C"
            if re.fullmatch(r"\s+(?:[\w-]+\s+){0,2}?(?:" + self.head_word.pattern + r")\s+", gap,
                            re.IGNORECASE):
                continue  # "Iraqioun Movement leader X": the org modifies the speaker's title
            if role_gap.fullmatch(gap) and not re.match(r"['\u2019]s?\s", text[prev.end:prev.end + 3]):
                chosen.append(prev)
            else:
                break
        out = []
        for m in chosen[::-1]:
            eid = str(m.entity_id)
            out.append(Speaker(eid, roles.get(eid), False, eid))
        return out

    def is_capital_subject(self, view: DocView, m: Mention, start: int, vs: int) -> bool:
        """Return True for a city standing for its government right before the verb ("Washington blames").

        The place must open its clause (not "protesters in Baghdad said") and touch the verb.
        """
        if view.type_of(m) is not EntityType.PLACE or not _SUBJECT_GAP.fullmatch(view.text, m.end, vs):
            return False
        lead = view.text[start:m.start]
        return bool(re.search(r"(?:^|[,;]\s*|\b(?:which|that|and|but)\s+)$", lead)) and \
            not re.search(r"\b(?:in|at|from|of|near|to|into)\s+(?:the\s+)?$", lead, re.IGNORECASE)

    def find_subject(self, text: str, before: list[Mention], start: int, vs: int) -> int | None:
        """Return the index (in ``before``, nearest first) of the mention that is the verb's subject.

        The nearest name when only adverbs, a parenthesis or an appositive separate it from the
        verb; a name written as an appositive itself ("Iran's foreign minister, X, said"); the
        antecedent of "which"/"who"; the owner of an office ("X's office said"); else an earlier
        name whose modifier holds the nearer names ("X, the spokesman for Y, said").
        """
        if not before:
            return None
        near = before[0]
        possessive = re.match(r"['\u2019]s?\s", text[near.end:near.end + 3])
        if _OFFICE_GAP.fullmatch(text, near.end, vs):
            return 0
        if not possessive and (_SUBJECT_GAP.fullmatch(text, near.end, vs)
                               or _RELATIVE_GAP.fullmatch(text, near.end, vs)):
            return 0
        if _APPOSED_NAME_GAP.fullmatch(text, near.end, vs) and re.search(
                r"\w\s*,\s*(?:the\s+)?$", text[max(start, near.start - 80):near.start]) and \
                not re.search(r"\band\s+$", text[max(start, near.start - 8):near.start]):
            return 0
        if possessive and len(before) > 1 and re.fullmatch(r"['\u2019]s\s+(?:[\w-]+\s+){1,2}" + _ADVERBS,
                                                          text[near.end:vs]) and re.fullmatch(
                r"\s*,?\s*and\s+(?:the\s+)?", text[before[1].end:near.start]):
            return 1  # "A, B and Iraq's neighbours condemned": the named members of the list speak
        for i, cand in enumerate(before[1:4], start=1):
            if re.match(r"['\u2019]s?\s", text[cand.end:cand.end + 3]):
                continue
            if _MODIFIER_GAP.fullmatch(text, cand.end, vs):
                return i
        return None

    def speaker_after(self, view: DocView, ms: list[Mention], pos: int, end: int,
                      roles: dict[str, str], according: bool = False) -> tuple[Speaker, int] | None:
        """Return the speaker named right after ``pos`` ("said X, a consultant at Y") and its end.

        After "according to", bare plurals count too: "officials of X" is X (role "officials"),
        "rights groups" an anonymous source.
        """
        text = view.text
        lead = re.match(r"\s+(?:the\s+)?", text[pos:end])
        at = pos + (lead.end() if lead else 0)
        anon = re.match(r"(?P<np>(?:an?|one)\s+(?:[\w'-]+\s+){0,4}?(?:" + self.head_word.pattern +
                        r")(?:\s+(?:in|at|with|from|of)\s+(?:the\s+)?[\w'-]+(?:\s+[\w'-]+){0,2})?)",
                        text[at:end], re.IGNORECASE)
        plural = self.plural_after.match(text, at, end) if according else None
        if plural is not None:
            owner = next((m for m in ms if m.start == plural.end() and view.type_of(m) in _SPEAKERS), None)
            if owner is not None and plural.group("of"):
                eid = str(owner.entity_id)
                return Speaker(eid, plural.group("np"), False, eid), owner.end
            if owner is None and not plural.group("of"):
                return self.plural_source(plural.group("np")), plural.end("np")
        head = re.match(r"(?:[\w-]+\s+){0,5}?", text[at:end])
        for m in ms:
            if at <= m.start <= at + (head.end() if head else 0) + 40 and view.type_of(m) in _SPEAKERS:
                if anon and m.start < at + anon.end():
                    break  # "a Kataib Hezbollah official": the group names the source's side
                if m.start > at and not find_role_phrase_before(text, m.start, at, self.lexicon,
                                                                 self.role_heads):
                    return None
                eid = str(m.entity_id)
                app = self.appositive(text, m.end, end)
                phrase_end = app[1] if app else m.end
                return Speaker(eid, roles.get(eid), False, eid), phrase_end
        if anon:
            np = anon.group("np")
            heads = self.head_word.findall(np)
            return Speaker(None, np, True, f"anon:{heads[-1].lower().rstrip('s')}" if heads else
                           "anon:source"), at + anon.end()
        return None

    def plural_source(self, np: str) -> Speaker:
        """Return the anonymous speaker of a bare plural ("US officials", "witnesses")."""
        heads = self.head_word.findall(np)
        key = f"anon:{heads[-1].lower().rstrip('s')}" if heads else f"anon:{np.split()[-1].lower()}"
        return Speaker(None, np.strip(), True, key)

    def resolve_pronoun(self, view: DocView, pronoun: str, pos: int, last: Speaker | None,
                        seen: list[Speaker], roles: dict[str, str]) -> Speaker | None:
        """Return who "he"/"she"/"they" is: the last speaker when it fits, else a recent name."""
        def is_person(sp: Speaker | None) -> bool:
            ent = view.entity(sp.entity_id) if sp is not None else None
            return sp is not None and (sp.anonymous or (ent is not None and ent.type is EntityType.PERSON))
        pronoun = " ".join(pronoun.split())
        if pronoun in ("he", "she"):
            if is_person(last):
                return last
            recent = [m for m in view.recent_mentions(pos, 1) if view.type_of(m) is EntityType.PERSON]
            if recent:
                eid = str(recent[-1].entity_id)
                return Speaker(eid, roles.get(eid), False, eid)
            return next((s for s in reversed(seen) if is_person(s)), None)
        if pronoun == "they" and last is not None:
            return last
        if pronoun != "they" and last is not None and not last.anonymous and not is_person(last):
            return last  # "it said", "the group said": the organisation that spoke last
        groups = [m for m in view.recent_mentions(pos, 1) if view.type_of(m) in _SPEAKERS
                  and view.type_of(m) is not EntityType.PERSON]
        if pronoun.startswith("the "):
            wanted = _STATE_NOUNS if pronoun.split()[-1] in ("ministry", "army", "military", "government") \
                else _GROUP_TYPES
            groups = [m for m in groups if view.type_of(m) in wanted]
        if groups:
            eid = str(groups[-1].entity_id)
            return Speaker(eid, roles.get(eid), False, eid)
        return None

    def find_via(self, view: DocView, ms: list[Mention], vs: int, a_end: int, end: int
                 ) -> tuple[str | None, int]:
        """Return the outlet a statement was relayed through ("told X") and the new clause end."""
        text = view.text
        window_end = min(end, max(a_end, vs) + 80)
        for cue in self.via.finditer(text, vs, window_end):
            for m in ms:
                if m.start == cue.end() and view.type_of(m) is EntityType.MEDIA_OUTLET:
                    return m.entity_id, max(a_end, m.end)
        tail = re.search(r",\s*(?:the\s+)?(?P<o>[^,]{2,60}?)\s+(?:reported|said|wrote|quoted)\W*$",
                         text[vs:end])
        if tail:
            o_start = vs + tail.start("o")
            for m in ms:
                if m.start == o_start and view.type_of(m) is EntityType.MEDIA_OUTLET:
                    return m.entity_id, a_end
        return None, a_end

    # -- spans, roles, records ------------------------------------------------------------
    def evidence_span(self, view: DocView, start: int, end: int, a_start: int, a_end: int
                      ) -> tuple[int, int]:
        """Return the quoted or reported words of a sentence, without the attribution."""
        text = view.text
        spans = self.long_quotes(text, start, end)
        if spans:
            return spans[0][0], spans[-1][1]
        before = text[start:a_start].strip(_TRIM)
        after = text[a_end:end].strip(_TRIM + ".")
        if len(before.split()) >= 3:
            if len(after.split()) >= 3:
                return self.trim(text, start, end)
            return self.trim(text, start, a_start)
        return self.trim(text, a_end, end)

    def evidence_spans(self, view: DocView, start: int, end: int, a_start: int, a_end: int
                       ) -> list[tuple[int, int]]:
        """Return the statement(s) around an attribution.

        "A, he said, adding that B" and "A, he said, pointing to B" are two statements, as is
        "A, he said, as ... "B"" (a quotation after the attribution); "which officials said B"
        is the relative clause; otherwise one span (see :meth:`evidence_span`).
        """
        text = view.text
        relative = re.search(r"\b(?:which|that)\s+$", text[max(start, a_start - 8):a_start], re.IGNORECASE)
        if relative:
            return [self.trim(text, a_start - len(relative.group()), end)]
        before = text[start:a_start].strip(_TRIM)
        if len(before.split()) >= 3 and a_end < end:
            cue = self.continuation.match(self.masked(text, a_end, end))
            if cue and cue.group():
                s, e = self.trim(text, a_end + cue.end(), end)
                if len(text[s:e].split()) >= 2:
                    return [self.trim(text, start, a_start), (s, e)]
            later = self.long_quotes(text, a_end, end)
            if later and re.match(r"\s*,", text[a_end:end]):
                return [self.trim(text, start, a_start), (later[0][0], later[-1][1])]
        return [self.evidence_span(view, start, end, a_start, a_end)]

    def trim(self, text: str, start: int, end: int) -> tuple[int, int]:
        """Return ``[start, end)`` without surrounding punctuation, quotes and spaces."""
        while start < end and (text[start].isspace() or text[start] in _TRIM):
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] in _TRIM + "."):
            end -= 1
        return start, end

    def appositive(self, text: str, pos: int, end: int) -> tuple[str, int] | None:
        """Return the description after a name (", a consultant at Y,") and where it ends."""
        match = re.match(
            r",\s+(?:(?:who|which)\s+(?:is|was|are)\s+)?(?P<np>(?:an?|the|one)\s+[^,.;:\"\u201c\u201d]{2,110}?)"
            r"(?=\s*(?:,|\.|;|:|$|\s+(?:told|said|says|concluded|added)\b))", text[pos:end])
        if match is None:
            return None
        np = match.group("np")
        if not (self.head_word.search(np) or np.lower().startswith("one of")):
            return None
        return np, pos + match.end("np")

    def describe_speakers(self, view: DocView) -> dict[str, str]:
        """Return each entity's description as first written next to its name in the document."""
        roles: dict[str, str] = {}
        text = view.text
        for start, end in view.sentences:
            for m in view.in_sentence(start, end):
                eid = str(m.entity_id)
                if eid in roles or view.type_of(m) not in _SPEAKERS or m.producer.startswith(
                        "rule.definite-reference"):
                    continue
                phrase = find_role_phrase_before(text, m.start, start, self.lexicon, self.role_heads)
                if phrase is not None and view.type_of(m) is EntityType.PERSON:
                    roles[eid] = phrase[0]
                    continue
                app = self.appositive(text, m.end, end)
                if app is not None:
                    roles[eid] = app[0]
        return roles

    def add_quote(self, view: DocView, quotes: dict[str, Quote], speaker: Speaker, via: str | None,
                  start: int, end: int, rule: str) -> None:
        """Record one attributed statement (the same span and speaker twice is one quote)."""
        if end - start < 3:
            return
        text = view.text
        producer, confidence = self.producer(rule)
        anonymous = speaker.anonymous or bool(self.anonymity.search(text, max(0, start - 200),
                                                                     min(len(text), end + 120))
                                              and speaker.entity_id is None)
        if speaker.anonymous:
            confidence = round(confidence * 0.9, 3)
        skip = {speaker.entity_id, via}
        about: list[str] = []
        for m in view.in_sentence(start, end):
            if m.entity_id not in skip and m.entity_id not in about and \
                    view.type_of(m) is not EntityType.MEDIA_OUTLET:
                about.append(str(m.entity_id))
        doc_id = view.ctx.document.doc_id
        quote_id = make_id("quote", doc_id, speaker.entity_id or speaker.role or speaker.key, start, end)
        if quote_id in quotes:
            return
        quotes[quote_id] = Quote(
            quote_id=quote_id, speaker_id=speaker.entity_id, text=text[start:end],
            speaker_role=speaker.role, via_id=via, anonymous=anonymous, about=about,
            evidence=[Evidence(doc_id, start, end, text[start:end], producer, confidence)])
