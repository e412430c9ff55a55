"""The word classes the parse-based relation families look for (``relations.yaml``: ``syntax``)."""

from __future__ import annotations

import re
from typing import Any

from factiongraph.errors import ConfigError


class SyntaxWords:
    """The word classes of ``relations.yaml``'s ``syntax`` section, as lower-case sets."""

    def __init__(self, rules: dict[str, Any]) -> None:
        try:
            data = rules["syntax"]
            words = {k: frozenset(str(w).lower() for w in v) for k, v in data.items()
                     if isinstance(v, list)}
            self.support = words["support_words"]
            self.alignment = words["alignment_words"]
            self.alignment_preps = words["alignment_preps"]
            self.affiliate_nouns = words["affiliate_nouns"]
            self.reciprocal_nouns = words.get("reciprocal_nouns", frozenset())
            self.part_nouns = words["part_nouns"]
            self.part_preps = words["part_preps"]
            self.group_part_nouns = words["group_part_nouns"]
            self.inner_preps = words["inner_preps"]
            self.umbrella_nouns = words["umbrella_nouns"]
            self.share_nouns = words.get("share_nouns", frozenset())
            self.join_verbs = words["join_verbs"]
            self.join_preps = words["join_preps"]
            self.collective_nouns = words["collective_nouns"]
            self.link_nouns = words["link_nouns"]
            self.link_verbs = words["link_verbs"]
            self.support_verbs = words["support_verbs"]
            self.cooperation_verbs = words.get("cooperation_verbs", frozenset())
            self.joint_nouns = words.get("joint_nouns", frozenset())
            self.supply_verbs = words.get("supply_verbs", frozenset())
            self.supply_nouns = words.get("supply_nouns", frozenset())
            self.reliance_words = words.get("reliance_words", frozenset())
            self.anaphor_nouns = words["anaphor_nouns"]
            self.named_anaphor_nouns = words.get("named_anaphor_nouns", frozenset())
            self.command_verbs = words["command_verbs"]
            self.oppose_verbs = words["oppose_verbs"]
            self.oppose_preps = words["oppose_preps"]
            self.oppose_nouns = words.get("oppose_nouns", frozenset())
            self.war_nouns = words.get("war_nouns", frozenset())
            self.war_verbs = words.get("war_verbs", frozenset())
            self.war_preps = words.get("war_preps", frozenset())
            self.front_nouns = words["front_nouns"]
            self.front_modifiers = words["front_modifiers"]
            self.civil_modifiers = words.get("civil_modifiers", frozenset())
            self.wing_nouns = words.get("wing_nouns", frozenset())
            self.cover_nouns = words.get("cover_nouns", frozenset())
            self.name_nouns = words.get("name_nouns", frozenset())
            self.name_modifiers = words.get("name_modifiers", frozenset())
            self.state_unit_nouns = words.get("state_unit_nouns", frozenset())
            self.anaphor_dets = words["anaphor_dets"]
            self.plural_anaphor_nouns = words["plural_anaphor_nouns"]
            self.unit_holder_nouns = words["unit_holder_nouns"]
            self.holder_nouns = self.unit_holder_nouns
            self.hold_verbs = words["hold_verbs"]
            # what lets a sentence without a group name ask the group families: "They are backed by Y",
            # "It has long been supported by Iran"
            self.anaphor_gate = (self.anaphor_nouns | self.named_anaphor_nouns | self.plural_anaphor_nouns
                                | {"it", "they", "both", "all", "its", "their"})
            self.constitute_verbs = words["constitute_verbs"]
            self.consist_verbs = words["consist_verbs"]
            self.receive_verbs = words["receive_verbs"]
            self.support_nouns = words["support_nouns"]
            self.help_nouns = words.get("help_nouns", frozenset())
            self.split_verbs = words["split_verbs"]
            self.founding_verbs = words.get("founding_verbs", frozenset())
            self.tying_verbs = words.get("tying_verbs", frozenset())
            self.city_nouns = frozenset(str(w).lower().split()[-1] for w in
                                        [*rules.get("place_nouns", []), *rules.get("city_nouns", [])])
            self.area_nouns = frozenset(str(w).lower() for w in rules.get("area_nouns", []))
            self.site_nouns = frozenset(str(w).lower().split()[-1] for w in
                                        rules.get("facility_nouns", [])) | self.city_nouns
            self.lie_verbs = words.get("lie_verbs", frozenset())
            self.patron_nouns = words.get("patron_nouns", frozenset())
            self.close_verbs = words.get("close_verbs", frozenset())
            self.close_adverbs = words.get("close_adverbs", frozenset())
            # "the leader of X, Sheikh A": honorifics between an apposition's comma and its name
            honorifics = sorted((str(h) for h in rules.get("honorifics") or []), key=len, reverse=True)
            alt = "|".join(re.escape(h) for h in honorifics) or "(?!)"
            self.appos_before = re.compile(rf"(?:,|\u2014|\u2013)\s*(?:(?:{alt})\s+)*$")
            self.include_verbs = words["include_verbs"]
            self.control_nouns = words["control_nouns"]
            self.control_verbs = words["control_verbs"]
            self.answer_verbs = words.get("answer_verbs", frozenset())
            self.leadership_nouns = words["leadership_nouns"]
            self.delegation_nouns = words["delegation_nouns"]
            self.leader_verbs: dict[str, str] = {str(k).lower(): str(v)
                                                 for k, v in data["leader_verbs"].items()}
        except (KeyError, TypeError, AttributeError) as exc:
            raise ConfigError(f"relations.yaml: bad syntax vocabulary ({exc!r})") from exc
        # The words each family looks for first (a sentence without any is skipped by it).
        self.support_triggers = self.support | self.alignment | {"pro", "anti"}
        self.affiliate_triggers = self.affiliate_nouns | self.link_nouns | self.front_nouns | self.wing_nouns
        self.part_triggers = (self.include_verbs | self.inner_preps | self.join_verbs | self.constitute_verbs
                              | self.consist_verbs | self.collective_nouns | self.part_nouns
                              | self.group_part_nouns)
        self.control_triggers = self.control_verbs | self.control_nouns | self.leadership_nouns | self.answer_verbs
        self.explicit_triggers = self.command_verbs | self.oppose_verbs | self.oppose_nouns | self.war_nouns \
            | {"against"}
