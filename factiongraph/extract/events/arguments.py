"""Event arguments read from the dependency parse: who acted, who was acted on, where, when.

Used when the document was parsed (``ctx.syntax().available``); :mod:`participants` keeps the
word-order fallback. The trigger's head token decides:

- **verb trigger, active** ("X attacked Y on Z"): actors are the subjects; targets the objects
  and the objects of "on/against/at/targeting"; "with X" adds a side for meetings and visits.
- **verb trigger, passive** ("Y was struck by missiles fired by X"): targets are the subjects,
  actors the ``by`` phrase; when the agent is a means ("missiles", "a drone") its own agent or
  modifier is the actor ("fired by X", "a US drone").
- **noun trigger** ("a US drone strike on Y", "the arrest of Y by X", "X carried out an
  attack"): its compound/possessive modifiers and "by/from" phrase are actors, "on/against/at/
  of" phrases targets; a light verb it is the object of ("carried out", "launched", "claimed
  responsibility for") gives its subject as actor, a verb it is the subject of ("the strike
  killed Y") gives that verb's objects as targets.
- a subject, object or agent that names no entity ("unidentified gunmen", "a group alleged to be
  linked to ...") takes the role with nobody in it: no other mention of the sentence is promoted.

Noun phrases are read through their mentions (:meth:`Syntax.phrase_mentions`); a head that names
no entity but stands for its members ("members of X", "fighters from X") is read as X.

The reading is split over :mod:`syntax_names`, :mod:`state_forces`, :mod:`target_roles`,
:mod:`noun_roles`, :mod:`verb_roles` and :mod:`clause_places`; this module joins them.
"""

from __future__ import annotations

from factiongraph.extract.events.clause_places import ClauseReader
from factiongraph.extract.events.reader_base import Arguments, participant_mentions, trigger_head
from factiongraph.extract.events.verb_roles import VerbRoleReader

__all__ = ["ArgumentReader", "Arguments", "participant_mentions", "trigger_head"]


class ArgumentReader(VerbRoleReader, ClauseReader):
    """Reads one document's event arguments from its parse; build per document (cheap).

    ``demonyms``: nationality adjective -> country id ("Israeli" -> israel), from the KB.
    """
