"""Casualty and detention counts, read as a reader counts them.

Every number of a sentence is tied to the word that says what happened to whom it counts: the
verb or adjective of its noun phrase ("three soldiers were killed", "killing three soldiers",
"2 people died and 15 were hurt", "five dead", "the death toll rose to 25", "the number of dead
is four", "injuries to 20 others"). Numbers of other things ("one of 32 coordinated attacks",
"two rockets", "three times") are not counts; numbers are read in ``numbers.py``, whole-sentence
tolls ("no casualties", "the toll rose to 31") in ``tolls.py``, and which happening of the
sentence a figure belongs to in ``count_scope.py``. "Another five" adds to its key, groups
joined by "and" add up ("an officer and four soldiers": 5), a figure's breakdown does not ("eight
people - five soldiers and three civilians": 8), and otherwise the whole wins over its part
("two were killed, one of them a child": 2). "Killed or wounded 30" is ``killed_or_injured``.
Without a number, the people a casualty word names one by one are counted ("killed activist X",
"Soleimani and al-Muhandis were killed": 2; "both men": 2; "civilians were killed": no count).
Attackers who die in their attack are counted apart (``attackers_killed``): "in addition to the
bomber, two people were killed" and "31 people, including the bomber" are two and 30 killed; so is
"five of the attackers". "Dozens" is many, no figure (``many_killed``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from factiongraph.extract.events.count_scope import is_foreign
from factiongraph.extract.events.numbers import NUMBER_WORDS, may_write_number, number_value, written_number
from factiongraph.extract.events.tolls import no_casualties, toll_update

__all__ = ["KEY_WORDS", "NUMBER_WORDS", "may_write_number", "no_casualties", "number_value", "sentence_counts",
           "toll_update", "written_number"]

Token = Any

# Words that say what happened to those a number counts -> the count's key.
KEY_WORDS: dict[str, str] = {}
for _key, _words in {
    "killed": """killed kill kills killing dead died die dies dying death deaths slain perished martyred
                 fatalities lives assassinated assassinating murdered executed beheaded martyrdom
                 massacred massacring slaughtered lynched bodies corpses""",
    "injured": """injured injuring injure injures wounded wounding wound wounds hurt injuries injury
                  hospitalized hospitalised""",
    "arrested": """arrested arresting arrest arrests detained detaining detain apprehended captured
                   rounded""",
    "abducted": """kidnapped kidnapping kidnap abducted abducting abduct""",
    "released": """released releasing freed""",
}.items():
    for _word in _words.split():
        KEY_WORDS[_word] = _key

# Verbs that cause harm "to" those a number counts ("causing injuries to two guards").
_CAUSE_VERBS = frozenset("cause causes caused causing inflict inflicts inflicted inflicting".split())
# Verbs whose subject takes the harm their object names ("sustained injuries", "suffered wounds").
_SUFFER_VERBS = frozenset("""suffer suffers suffered suffering sustain sustains sustained sustaining receive
    receives received receiving""".split())
_KEY_ORDER = ["killed", "injured", "arrested", "abducted", "released"]

# Nouns that count things, not people: their numbers are never casualties.
THING_NOUNS = frozenset("""attack attacks strike strikes airstrikes rocket rockets missile missiles drone drones
    bomb bombs explosion explosions blast blasts bombing bombings shell shells mortar mortars time times
    occasion occasions incident incidents site sites location locations target targets day days week weeks
    month months year years hour hours minute minutes km kilometres kilometers mile miles metre metres meter
    meters vehicle vehicles car cars house houses building buildings base bases village villages town towns
    province provinces point points percent seat seats operation operations raid raids round rounds
    launcher launchers weapon weapons device devices""".split())
ATTACKER_NOUNS = frozenset("""bomber bombers attacker attackers assailant assailants gunman gunmen
    suicide""".split())
# Singular nouns of one person: "killed a contractor", "the commander was arrested" count one.
PERSON_HEADS = frozenset("""person man woman child boy girl civilian soldier fighter militiaman protester
    protestor activist journalist reporter photographer policeman officer guard commander leader official
    adviser advisor aide contractor worker employee engineer doctor lawyer judge cleric imam teacher student
    researcher academic businessman politician lawmaker candidate member suspect detainee resident farmer
    shepherd pilgrim villager general colonel captain brigadier spokesman minister governor mayor son
    daughter brother sister wife husband father mother owner shopkeeper driver teenager vendor merchant
    translator interpreter nurse paramedic medic sheikh elder chief tribesman bodyguard militant priest
    terrorist gunman insurgent jihadist smuggler kidnapper organiser organizer campaigner blogger poet
    novelist writer artist singer athlete footballer
    preacher scholar diplomat envoy ambassador councillor councilman sergeant lieutenant major commando
    hostage prisoner inmate refugee worshipper mourner passenger pedestrian bystander recruit
    deputy assistant secretary companion escort colleague associate partner friend relative cousin
    nephew niece uncle aunt grandson granddaughter grandfather grandmother spouse fiance neighbour neighbor
    host guest visitor manager director head chief administrator clerk servant cook baby infant toddler
    youth youngster lad cameraman correspondent marine occupant mukhtar
    changer jeweller jeweler goldsmith pharmacist dentist surgeon barber trader dealer labourer laborer
    mechanic tailor baker butcher fisherman herder cleaner technician broker
    emir amir wali operative financier facilitator courier recruiter informant collaborator agent spy
    trafficker dealer coordinator""".split())
# Verbs that carry a toll to a running total ("bringing the toll to 40", "raising the death toll to").
_RUNNING_VERBS = frozenset("""bring brings bringing brought raise raises raising raised take takes taking took
    push pushes pushing pushed""".split())
# Plural round numbers that say "many", not how many ("dozens of people were killed"): their
# least value is kept apart, under ``many_<key>``, never as the figure of the key.
VAGUE_MANY = frozenset("dozens scores hundreds thousands tens".split())
# Nouns of a group counted by "of" and a number: "a family of five" is five people.
_GROUP_OF = frozenset("family families crew household cell cells gang gangs squad total group".split())
# "killing two and wounding a third": an ordinal after "a"/"another" is one more person.
ORDINAL_ONE = frozenset({"second", "third", "fourth", "fifth", "sixth", "seventh"})


def _struck_down(noun: Token) -> bool:
    """Return True for attackers someone else killed ("security forces killed the two attackers"):
    the object of a casualty verb that has a subject of its own. They are the event's dead."""
    verb = noun.head
    return noun.dep_ == "dobj" and verb.lower_ in KEY_WORDS and any(c.dep_ == "nsubj" for c in verb.children)


def _is_along(prep: Token) -> bool:
    """Return True for the "with" of "along with" / "together with", however the parser hung it."""
    if prep.lower_ != "with":
        return False
    return prep.head.lower_ in ("along", "together") or any(
        c.lower_ in ("along", "together") for c in (*prep.children, *prep.head.children))


def _along_with(noun: Token) -> Token | None:
    """Return the victim a number's noun is added to ("killed the commander along with two
    bodyguards", "was killed together with three of his guards"), else None."""
    prep = noun.head
    if noun.dep_ != "pobj" or not _is_along(prep) or prep.head.i == prep.i:
        return None
    owner = prep.head.head if prep.head.lower_ in ("along", "together") else prep.head
    victims = [c for c in owner.children if c.dep_ in ("dobj", "nsubjpass")]
    return victims[0] if victims and owner.lower_ in KEY_WORDS else owner


def _counted_noun(num: Token) -> Token:
    """Return the noun a number counts ("three soldiers" -> soldiers; "two were killed" -> two)."""
    if num.dep_ in ("compound", "nummod", "quantmod") and num.head.i != num.i and number_value(num.head) is not None:
        return _counted_noun(num.head)  # "twenty - five people": the pair counts "people"
    if (num.dep_ in ("nummod", "quantmod") and num.head.i != num.i) or (
            num.dep_ == "compound" and num.head.i > num.i and num.ent_type_ in ("", "CARDINAL")):
        # "Two Peshmerga fighters" parsed as a compound (a dateline before it throws the parser)
        head = num.head
        if head.dep_ in ("nummod", "quantmod") and head.head.i != head.i:  # "twenty five"
            head = head.head
        while head.dep_ in ("compound", "nmod") and head.head.i > head.i:  # "25 Kataib Hezbollah fighters",
            head = head.head  # "70 US and coalition soldiers"
        return head
    return num


_NOMINAL_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "pobj", "appos", "npadvmod"})


def _first_conjunct(noun: Token) -> Token:
    """Return the first noun of the coordination ``noun`` ends ("an officer and four soldiers" ->
    officer), or ``noun`` itself when it is not a later conjunct of a noun phrase."""
    first = noun
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    return first if first.i != noun.i and first.dep_ in _NOMINAL_DEPS else noun


def _single_persons_before(noun: Token) -> int:
    """Return how many single people the coordination names before ``noun`` without a number of
    their own ("killing an officer and four soldiers": 1; "a woman and her three children": 1)."""
    first = _first_conjunct(noun)
    if first.i == noun.i:
        return 0
    listed = 1 if _one_of_a_list(first) else 0  # "a soldier, a policeman and two civilians": the soldier
    return listed + sum(1 for c in (first, *first.conjuncts) if c.i < noun.i and number_value(c) is None
                        and not any(d.dep_ in ("nummod", "quantmod") for d in c.children)
                        and (c.ent_type_ == "PERSON" or c.lower_ in PERSON_HEADS))


def _one_person(tok: Token) -> bool:
    """Return True for "a soldier": a person noun with "a"/"an" and no number or "of" phrase."""
    return tok.lower_ in PERSON_HEADS and any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in tok.children) \
        and not any(d.dep_ in ("nummod", "quantmod") or (d.dep_ == "prep" and d.lower_ == "of") for d in tok.children)


def _one_of_a_list(noun: Token) -> bool:
    """Return True for a single person the parser set beside another single person of another
    kind ("a soldier, a policeman and two civilians": policeman beside soldier): a list, not a
    description ("the commander, a veteran of the war")."""
    head = noun.head
    return noun.dep_ == "appos" and head.i < noun.i and _one_person(noun) and _one_person(head) \
        and head.lower_ != noun.lower_


def _key_word(noun: Token, num: Token) -> Token | None:
    """Return the word that says what happened to those ``noun`` counts, from the parse, else from
    the words after it (a token of :data:`KEY_WORDS`; "toll" for "the death toll rose to 25")."""
    first = _first_conjunct(noun)
    if first.i != noun.i:
        own = _word_after(noun, num)
        if own is not None:  # "leaving 4 dead and 11 injured": the later group's own word
            return own
    noun = first  # "killing an officer and four soldiers": what happened to the officer
    while noun.dep_ == "appos" and noun.head.i < noun.i and (_numbered(noun.head) or noun.head.lower_ in PERSON_HEADS
                                                              or noun.head.ent_type_ == "PERSON"):
        noun = _first_conjunct(noun.head)  # "killed a leader, two of his wives and ...": the leader's fate
    added_to = _along_with(noun)
    if added_to is not None:  # "killed the commander along with two bodyguards": the commander's fate
        noun = added_to
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.i != noun.head.i \
            and noun.head.head.lower_ in _GROUP_OF and (noun.i == num.i or noun.lower_ not in THING_NOUNS):
        # "killed a family of five", "arrested a cell of five members", "killed a total of nine
        # people": the group's fate
        noun = noun.head.head
    if noun.lower_ in KEY_WORDS and noun.i != num.i:
        return noun  # "five dead", "25 fatalities"
    if noun.dep_ in ("dobj", "nsubjpass") and noun.head.i != noun.i and noun.head.lower_ in KEY_WORDS:
        return noun.head  # "executed 12 captured soldiers": what was done to them, not what they were
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ in KEY_WORDS \
            and noun.head.head.i < noun.i:
        # "the bodies of three kidnapped men", "the release of two abducted engineers": the noun
        # the group belongs to says what befell it; the word on the group says what it was before
        return noun.head.head
    for child in noun.children:  # "three people killed", "the five wounded"
        if child.dep_ in ("acl", "amod", "relcl") and child.lower_ in KEY_WORDS:
            return child
    if noun.i == num.i:  # "four of its members who were killed": the members' clause says it
        for prep in num.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for obj in prep.children:
                    for child in obj.children if obj.dep_ == "pobj" else ():
                        if child.dep_ in ("acl", "relcl") and child.lower_ in KEY_WORDS:
                            return child
    head = noun.head
    if noun.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "npadvmod", "conj") and head.i != noun.i:
        if head.lower_ in KEY_WORDS:
            return head
        for child in head.children:  # "two were dead", "15 were hurt" read as an adjective
            if child.dep_ in ("acomp", "oprd", "attr") and child.lower_ in KEY_WORDS:
                return child
            if child.dep_ == "dobj" and child.lower_ in KEY_WORDS and head.lower_ in _SUFFER_VERBS \
                    and noun.dep_ == "nsubj":
                return child  # "70 soldiers sustained minor injuries"
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in KEY_WORDS:
        return head.head  # "the arrest of nine fighters", "the deaths of two soldiers"
    if noun.dep_ == "pobj" and head.lower_ == "to" and head.i > 0 and num.doc[head.i - 1].lower_ in KEY_WORDS:
        return num.doc[head.i - 1]  # "injuries to more than 20 others", however the parser hung "to"
    if noun.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ in _CAUSE_VERBS:
        caused = next((c for c in head.head.children if c.dep_ == "dobj" and c.lower_ in KEY_WORDS), None)
        if caused is not None:
            return caused  # "causing minor injuries to two service members"
    if noun.dep_ == "pobj" and head.lower_ in ("to", "at"):
        toll = _toll_word(head.head.subtree, head.i)  # "the death toll rose to 25", "put the number of wounded at 45"
        if toll is not None:
            return toll
    if noun.dep_ in ("attr", "acomp", "dobj") and head.i != noun.i:  # "the number of dead is four", "reached 35"
        for subject in head.children:
            if subject.dep_ in ("nsubj", "nsubjpass") and subject.lower_ in ("toll", "number", "tally"):
                toll = _toll_word(subject.subtree, noun.i)
                if toll is not None:
                    return toll
    return _word_after(noun, num)


def _word_after(noun: Token, num: Token) -> Token | None:
    """Return the casualty word written just after a counted noun ("another five injured", "2
    killed", "11 others wounded"), before any punctuation or "and", else None."""
    doc = num.doc
    for t in doc[noun.i + 1:min(noun.i + 4, num.sent.end)]:
        if t.lower_ in KEY_WORDS:
            return t
        if t.is_punct or t.lower_ in ("and", "but", "while") or t.dep_ == "prep":
            break  # "warrants for 12 people over the killing of ...": another phrase's word
    return None


def _toll_word(tokens: Iterable[Token], before: int) -> Token | None:
    """Return the word of a toll among ``tokens`` before index ``before``: "toll" ("the death toll
    rose to 25") or the casualty word of "the number of dead/wounded/people killed", else None."""
    for t in tokens:
        if t.i >= before:
            break
        if t.lower_ == "toll":
            return t
        if t.lower_ == "number" and t.i + 2 < before and t.doc[t.i + 1].lower_ == "of":
            said = next((w for w in t.doc[t.i + 2:min(t.i + 5, before)] if w.lower_ in KEY_WORDS), None)
            if said is not None:
                return said
    return None


def _either_or(word: Token) -> str | None:
    """Return the other key of a casualty word joined by "or" to one of another key ("killed or
    wounded 30", "30 were killed or injured": the figure is of both together), else None."""
    key = KEY_WORDS.get(word.lower_)
    partners = [c for c in word.children if c.dep_ == "conj"]
    if word.dep_ == "conj" and word.head.i != word.i:
        partners.append(word.head)
    for other in partners:
        other_key = KEY_WORDS.get(other.lower_, key)
        if other_key != key:
            lo, hi = sorted((word.i, other.i))
            if any(t.lower_ == "or" for t in word.doc[lo + 1:hi]):
                return other_key
    return None


def _key_of(word: Token) -> str:
    """Return the key a word of :func:`_key_word` gives. A figure the words leave open between two
    keys ("killed or wounded 30") is both together, under a key that says so
    (``killed_or_injured``), never one key's."""
    if word.lower_ == "toll":
        return "killed"
    key = KEY_WORDS[word.lower_]
    other = _either_or(word)
    if other is None:
        return key
    first, second = sorted((key, other), key=_KEY_ORDER.index)
    return f"{first}_or_{second}"


def _persons(tok: Token) -> int:
    """Return how many people a noun phrase names one by one ("Soleimani and al-Muhandis": 2; "a
    contractor": 1; "civilians": 0, not a count)."""
    n = 0
    heads = (tok, *tok.conjuncts)
    names_at = {h.left_edge.i for h in heads if h.ent_type_ == "PERSON"}
    previous: Token | None = None
    for head in heads:
        if any(c.dep_ in ("nummod", "quantmod") for c in head.children):
            return 0  # a number is read as a number
        named_again = previous is not None and head.ent_type_ == "PERSON" and previous.ent_type_ != "PERSON" \
            and previous.lower_ in PERSON_HEADS and head.left_edge.i == previous.i + 2 \
            and head.doc[previous.i + 1].text == ","
        previous = head
        if named_again:
            continue  # "the commander, Abu Taqwa al-Saidi, and one of his aides": the commander named
        value = number_value(head) if head.i != tok.i or tok.dep_ == "conj" else None
        if value is not None:  # "a commander and two of his bodyguards": 1 + 2
            n += value
        elif len(heads) == 1 and any(c.lower_ == "both" and c.dep_ in ("det", "predet") for c in head.children):
            n += 2  # "both men were killed", "killing both occupants"
        elif len(heads) == 1 and head.lower_ == "both" and head.dep_ in ("dobj", "nsubjpass", "nsubj") \
                and not any(c.dep_ == "prep" for c in head.children):
            n += 2  # "a drone struck a car carrying two commanders, killing both" ("both of them": the "of" phrase counts)
        elif head.ent_type_ != "PERSON" and head.i + 1 in names_at:
            continue  # "militia commander Abu Mahdi al-Muhandis" parsed as two: the title names the man
        elif head.ent_type_ == "PERSON" or head.lower_ in PERSON_HEADS:
            n += 1
        elif head.lower_ in ORDINAL_ONE and any(c.dep_ == "det" and c.lower_ in ("a", "another")
                                                for c in head.children):
            n += 1
        elif head.lower_ == "another" and head.dep_ in ("dobj", "nsubjpass", "nsubj", "conj") and not list(head.children):
            n += 1  # "killed a soldier and wounded another"
    return n


def _phrase_head(tok: Token) -> Token:
    """Return the head noun of the name or title ``tok`` is a compound of ("shot dead lawyer Ali
    Hassan and his son": "dead" hangs on "lawyer", the phrase's head is "Hassan", joined to "son")."""
    while tok.dep_ == "compound" and tok.head.i > tok.i:
        tok = tok.head
    return tok


def _victims(word: Token) -> list[Token]:
    """Return the noun phrases a casualty word happened to (its passive subject or object)."""
    verb = word.head if word.dep_ in ("acomp", "oprd", "xcomp", "advmod") and word.head.i != word.i else word
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
    if passive:
        return [c for c in verb.children if c.dep_ == "nsubjpass"]
    if verb.dep_ == "conj" and not any(c.dep_ == "dobj" for c in verb.children) \
            and any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.head.children):
        # "two soldiers were killed and another wounded": the passive of the verb before carries over
        return [c for c in verb.children if c.dep_ == "nsubj"]
    found = [c for c in verb.children if c.dep_ == "dobj"]
    if len(found) >= 2 and found[0].lower_ in PERSON_HEADS and found[1].ent_type_ == "PERSON" \
            and found[1].left_edge.i == found[0].i + 2 and verb.doc[found[0].i + 1].text == ",":
        found = found[1:]  # "killing the commander, Abu Taqwa al-Saidi, ...": one man, named
    if found and _persons(found[0]):  # "killing the commander, X, and one of his aides": the parser
        # joins "one" to the verb
        found += [c for c in verb.children if c.dep_ == "conj" and c.i > found[0].i
                  and (number_value(c) is not None or c.lower_ in PERSON_HEADS)]
    if not found and verb.dep_ not in ("ROOT", "relcl", "advcl", "conj", "ccomp", "xcomp", "acl"):
        found = [o for c in verb.children if c.dep_ == "prep" and c.lower_ == "of"
                 for o in c.children if o.dep_ == "pobj"]  # "the killing of X"
    if not found and verb.dep_ == "acl" and verb.head.i != verb.i:
        found = [verb.head]  # "a journalist killed in ..."
    # "killed the commander together with his driver": those killed with the victim
    preps = [c for t in (verb, *found) for c in t.children if c.dep_ == "prep"]
    preps += [w for p in preps if p.lower_ in ("along", "together") for w in p.children]
    found += [o for w in preps if _is_along(w) for o in w.children if o.dep_ == "pobj"]
    return found


def _of_things(num: Token) -> bool:
    """Return True for "one of 32 coordinated attacks": a part of a set of things, not people."""
    for child in num.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            return any(g.dep_ == "pobj" and g.lower_ in THING_NOUNS for g in child.children)
    return False


# Nouns of a figure a list after it may break down ("five people, two soldiers and three civilians").
_GENERIC_NOUNS = frozenset("people persons individuals others victims casualties".split())


def _figure(tok: Token) -> int | None:
    """Return the number a noun is counted by ("five people": 5), else None."""
    for c in tok.children:
        if c.dep_ == "nummod":
            return number_value(c)
    return None


def _sums_up(first: Token, second: Token) -> bool:
    """Return True when ``second`` opens, after a comma, the breakdown of the figure ``first``
    counts: "five people, two soldiers and three civilians" (a figure of people in general, or
    parts that add up to it); "two soldiers, three policemen and four civilians" is a list."""
    between = first.doc[first.i + 1:second.left_edge.i]
    whole = _figure(first)
    if whole is None or any(t.dep_ == "cc" for t in between) or not any(t.text == "," for t in between):
        return False
    listed = (second, *(c for c in second.conjuncts if c.i > second.i))
    # single people break down a figure of people in general ("three people, two soldiers and a
    # civilian"); after a figure of one kind they are more of a list ("two soldiers, a policeman and
    # a civilian": 4)
    parts = [_figure(c) if _figure(c) is not None or first.lower_ not in _GENERIC_NOUNS
             else (1 if _one_person(c) else None) for c in listed]
    if any(v is None for v in parts):
        return False
    return first.lower_ in _GENERIC_NOUNS or sum(v or 0 for v in parts) == whole


def _numbered(tok: Token) -> bool:
    """Return True for a noun with a number of its own ("five people") or a number itself."""
    return number_value(tok) is not None or any(c.dep_ in ("nummod", "quantmod") for c in tok.children)


def _listed_after(noun: Token) -> Token | None:
    """Return the single person a counted group is set beside by the parser's apposition ("a
    senior leader, two of his wives and four children": the leader), else None; a group set
    beside a figure ("five people, two soldiers and ...") is its breakdown (:func:`_after_dash`)."""
    if noun.dep_ != "appos" or noun.head.i >= noun.i:
        return None
    head = noun.head
    value = number_value(noun) if noun.dep_ == "appos" else None
    if head.ent_type_ == "PERSON" or head.lower_ not in PERSON_HEADS or _numbered(head) or not _numbered(noun):
        return None  # "Hisham al-Hashimi, one of Iraq's best-known experts": the man described
    return head if noun.conjuncts or (value or _figure(noun) or 0) > 1 else None


def _after_dash(noun: Token) -> bool:
    """Return True for a conjunct the parser joined after a dash or bracket, no "and" between,
    or a numbered apposition to a figure: the breakdown of the figure before it ("eight people -
    five soldiers and three civilians", "five people, two soldiers and three civilians")."""
    if noun.dep_ == "appos" and noun.head.i < noun.i:
        return _numbered(noun.head) and _numbered(noun)
    if noun.dep_ != "conj" or noun.head.i >= noun.i:
        return False
    if _sums_up(noun.head, noun):
        return True
    between = noun.doc[noun.head.i + 1:noun.left_edge.i]
    return any(t.text in ("-", "\u2013", "\u2014", "(", ":") for t in between) \
        and not any(t.dep_ == "cc" for t in between)


def _of_attackers(noun: Token) -> bool:
    """Return True for a part of the attackers counted by itself ("five of the attackers were
    killed", "two of the gunmen died"): the number is the noun, its "of" phrase names attackers."""
    return number_value(noun) is not None and any(
        prep.dep_ == "prep" and prep.lower_ == "of" and any(o.dep_ == "pobj" and o.lower_ in ATTACKER_NOUNS
                                                             for o in prep.children)
        for prep in noun.children)


def _attackers_among(noun: Token) -> int:
    """Return how many attackers a figure's "including" phrase names ("31 people, including the
    bomber": 1; "including two bombers": 2): the attackers are counted apart."""
    n = 0
    for prep in noun.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("including", "among"):
            continue
        for obj in prep.children:
            for t in (obj, *obj.conjuncts) if obj.dep_ == "pobj" else ():
                if t.lower_ in ATTACKER_NOUNS:
                    nums = [number_value(c) for c in t.children if c.dep_ == "nummod"]
                    n += next((v for v in nums if v is not None), 1)
    return n


def _lone_digits(num: Token) -> bool:
    """Return True for a bare figure the tagger took for a date all by itself ("wounding 40,
    police said"): an entity of this one token, digits only (years are read as no number), that a
    casualty verb takes as its object or subject (not an age: "a man aged 25", "Ahmed, 25,")."""
    doc = num.doc
    alone = num.i + 1 >= len(doc) or doc[num.i + 1].ent_iob_ != "I"
    taken = (num.dep_ in ("dobj", "nsubj", "nsubjpass") and num.head.lower_ in KEY_WORDS) \
        or (num.dep_ == "pobj" and num.head.lower_ in ("at", "to"))  # "put the number of wounded at 45"
    return bool(num.ent_type_ == "DATE" and num.ent_iob_ == "B" and num.text.replace(",", "").isdigit()
                and alone and taken)


_BREAKS = frozenset({"-", "--", "\u2013", "\u2014", ":", "|"})


def _past_a_break(num: Token) -> bool:
    """Return True for a number the tagger ran an entity on to across a dash or colon ("12:10 GMT -
    Two protesters were killed": "GMT - Two" taken for one name): the break ends the label before
    it, and the number opens the sentence's own words."""
    doc = num.doc
    i = num.i
    while i > 0 and doc[i].ent_iob_ == "I":
        i -= 1
        if doc[i].text in _BREAKS:
            return True
    return False


def sentence_counts(tokens: Iterable[Token], text: str = "", trigger: tuple[int, int] | None = None
                    ) -> dict[str, int]:
    """Return the counts of one sentence (its tokens from a parsed doc; ``text``: its words).

    With ``trigger`` (a happening's token span, end exclusive), only that happening's: a figure
    of another happening or a tally over time told beside it is left out (:func:`is_foreign`).
    """
    out: dict[str, int] = {}
    last_noun: dict[str, Token] = {}
    parts: set[int] = set()  # nouns of a figure's breakdown
    part_sum: dict[str, int] = {}
    running: dict[str, int] = {}  # running totals ("bringing the toll to 40")
    tokens_list = list(tokens)
    lowers = [t.lower_ for t in tokens_list]
    for num, low in zip(tokens_list, lowers):
        if not may_write_number(low):
            continue
        value = written_number(num)
        if value is None or (num.lower_ == "one" and _of_things(num)):
            continue
        if num.ent_type_ not in ("", "CARDINAL", "QUANTITY") and not _lone_digits(num) and not _past_a_break(num):
            continue  # a date, a sum, or part of a name ("Tower 22", "Brigade 30")
        noun = _counted_noun(num)
        if noun.i != num.i and noun.lower_ in THING_NOUNS:
            continue
        word = _key_word(noun, num)
        if word is None or (trigger is not None and is_foreign(word, trigger, KEY_WORDS)):
            continue
        key = _key_of(word)
        if word.lower_ == "toll" and word.head.lower_ in _RUNNING_VERBS and word.dep_ == "dobj":
            # "killed 12, bringing the toll this week to 40": a running total, the happening's own
            # figure when the sentence gives no other
            running[key] = max(running.get(key, 0), value)
            continue
        if (noun.lower_ in ATTACKER_NOUNS or any(c.lower_ in ATTACKER_NOUNS for c in noun.children
                                                if c.dep_ in ("compound", "amod"))
                or _of_attackers(noun)) and not _struck_down(noun):
            key = f"attackers_{key}"
        if low in VAGUE_MANY:
            key = f"many_{key}"  # "dozens of people were killed": many (at least 24), no figure the text states
        another = any(t.lower_ in ("another", "other", "further", "additional", "more")
                      and num.doc[t.i + 1].lower_ != "than"  # "more than 20": at least, not 20 more
                      for t in num.doc[max(num.sent.start, num.i - 2):num.i])
        earlier = last_noun.get(key)
        coordinated = earlier is not None and (noun.head.i == earlier.i or earlier.head.i == noun.i) \
            and (noun.dep_ == "conj" or earlier.dep_ == "conj")
        value += _single_persons_before(noun)  # "killing an officer and four soldiers": five
        listed = _listed_after(noun)  # "killed a leader, two of his wives and four children": the leader too
        if listed is not None and not (coordinated or another):
            value += 1
        added_to = _along_with(noun)
        if added_to is not None and number_value(added_to) is None and (
                added_to.ent_type_ == "PERSON" or added_to.lower_ in PERSON_HEADS) and not any(
                c.dep_ in ("nummod", "quantmod") for c in added_to.children):
            value += 1  # "the commander along with two bodyguards": three
        # "killing two Americans and a Briton", "abducted three aid workers and their driver": one more
        # for each single person joined to the counted
        value += sum(1 for c in noun.children if c.dep_ == "conj" and c.i > noun.i and c.lower_ not in THING_NOUNS
                     and any((d.dep_ == "det" and d.lower_ in ("a", "an"))
                             or (d.dep_ == "poss" and d.lower_ in ("his", "her", "their", "its")
                                 and c.lower_ in PERSON_HEADS) for d in c.children)
                     and not any(d.dep_ in ("nummod", "quantmod") for d in c.children)
                     and (c.lower_ in PERSON_HEADS or c.ent_type_ in ("NORP", "PERSON") or c.text[:1].isupper()))
        value -= _attackers_among(noun) if key == "killed" else 0  # "31 people, including the bomber": 30
        if _after_dash(noun) or (coordinated and earlier is not None and earlier.i in parts):
            # "eight people - five soldiers and three civilians -": the parts of a figure told
            part = part_sum.get(key, 0) + value if coordinated else value
            part_sum[key] = part
            out[key] = max(out.get(key, 0), part)
            parts.add(noun.i)
        elif key in out and (another or coordinated):
            out[key] += value  # "two soldiers and three civilians were killed", "another five"
        else:  # "two were killed, one of them a child": the whole, not its part
            out[key] = max(value, out.get(key, 0))
        last_noun[key] = noun
        if key == "released":
            # "two journalists who were abducted last month were freed": the abduction's figure too
            for held in noun.children:
                if held.dep_ in ("relcl", "acl") and held.lower_ in KEY_WORDS and KEY_WORDS[held.lower_] != key \
                        and not (trigger is not None and is_foreign(held, trigger, KEY_WORDS)):
                    out[_key_of(held)] = max(out.get(_key_of(held), 0), value)
    for word, low in zip(tokens_list, lowers):
        said = KEY_WORDS.get(low)
        if said is None:
            continue
        key = said
        shot_dead = low == "dead" and word.dep_ == "amod" and word.i > 0 \
            and word.doc[word.i - 1].lower_ in ("shot", "gunned", "stabbed", "beaten")
        if word.dep_ in ("amod", "compound") and not shot_dead:
            continue
        if trigger is not None and is_foreign(word, trigger, KEY_WORDS):
            continue
        victims = [] if shot_dead else _victims(word)
        joined = any(v.dep_ == "conj" and v.head.i == word.i for v in victims)  # "killing X and one of his aides"
        if key in out and not joined:
            continue
        # "shot dead Hisham al-Hashimi": the parser hangs "dead" on the name it was said of
        n = _persons(_phrase_head(word.head)) if shot_dead else sum(_persons(v) for v in victims)
        if n and n > out.get(key, 0):
            out[key] = n  # "killed activist X", "a contractor was shot dead", "captured X"
    for key, value in running.items():
        out.setdefault(key, value)
    for key, value in no_casualties(text).items():
        out.setdefault(key, value)
    return out
