"""The words and entity kinds event roles are read by: heads that stand for a group's men, verbs
that carry an attack's doer, nouns of means, sites and times, and the labels that change how a
role is read. Plain data; :mod:`arguments` reads sentences with it.
"""

from __future__ import annotations

from factiongraph.model import EntityType

PARTICIPANT_TYPES = frozenset({EntityType.ARMED_GROUP, EntityType.STATE_BODY, EntityType.POLITICAL_ORG,
                               EntityType.INTL_ORG, EntityType.PERSON, EntityType.COUNTRY})

# Facilities an attack can be aimed at ("rockets hit the US embassy", "drones targeted the base"):
# places of these levels are targets as well as the event's place.
FACILITY_LEVELS = frozenset({"base", "landmark", "site"})

# Pronouns and definite descriptions that stand for the last group or person named.
GROUP_ANAPHORS = frozenset({"it", "they", "its", "their", "group", "groups", "militia", "militias", "faction",
                            "factions", "movement", "organization", "organisation", "brigade", "brigades",
                            "party", "coalition", "alliance"})

PERSON_ANAPHORS = frozenset({"he", "she", "his", "her"})

# First-person plural pronouns: in a quote, the group or state that speaks.
SPEAKER_PRONOUNS = frozenset({"we", "our", "us"})

# Dependencies that stay inside one clause on the way up to the clause's verb.
CLAUSE_INNER_DEPS = frozenset({"poss", "nsubj", "nsubjpass", "dobj", "pobj", "prep", "compound", "conj", "aux",
                               "auxpass", "det", "amod"})

# How far back (characters) "he"/"she" looks for the person it stands for.
PERSON_REACH = 1200

# Definite descriptions of a state body ("the ministry awarded ...", "the army lifted ...").
BODY_ANAPHORS = frozenset({"ministry", "army", "government", "military", "police", "council", "parliament",
                           "court", "department", "service", "agency", "command", "cabinet", "presidency"})

# Definite descriptions of a state's own bodies, read as the home country's when none was named.
HOME_BODIES = frozenset({"army", "police", "government", "parliament"})

# Of these, the ones written without an article as well ("parliament passed a law").
BARE_HOME_BODIES = frozenset({"parliament", "police"})

PRONOUNS = frozenset({"it", "they", "its", "their", "he", "she", "his", "her"})

GROUP_TYPES = frozenset({EntityType.ARMED_GROUP, EntityType.POLITICAL_ORG, EntityType.STATE_BODY,
                         EntityType.INTL_ORG})

PLACE_TYPES = frozenset({EntityType.PLACE, EntityType.COUNTRY})

FORCE_HOLDERS = frozenset({EntityType.COUNTRY, EntityType.STATE_BODY, EntityType.ARMED_GROUP})

TARGET_PREPS = ("on", "against", "at", "targeting", "upon", "toward", "towards")

ACTOR_PREPS = ("by",)

PLACE_PREPS = ("in", "near", "outside", "inside", "at", "across", "throughout", "around", "on", "into",
               "along", "off", "within", "north", "south", "east", "west", "over", "from")

# Nouns a place modifier can still locate ("Baghdad's Mashtal district", "the Basra governorate").
PLACE_NOUNS = frozenset("""district districts province provinces governorate governorates city cities town
    towns village villages area areas region regions neighbourhood neighborhood neighbourhoods
    neighborhoods street streets square suburb suburbs outskirts border borders desert capital
    countryside road highway base airport""".split())

# Sites a town's name can modify and still say where they are ("a crowded Baghdad market", "the
# Basra refinery", "a Sadr City mosque"): a place (never a country: "the US embassy" is whose it
# is, not where) written before one of these locates what happened there. Not where people are
# taken or held after it ("taken to a Kirkuk hospital", "a Baghdad prison"), nor "camp", which
# is as often a political side ("the Sadr camp") as a site.
SITE_NOUNS = frozenset("""market markets marketplace bazaar checkpoint checkpoints refinery dam mosque mosques
    shrine church compound headquarters office offices station port bridge crossing oilfield oilfields field
    fields plant factory hotel stadium cemetery mall outpost garrison airbase airfield barracks palace
    residence home house subdistrict sub-district quarter municipality locality hamlet belt plain plains
    valley marshes courthouse court hospital hospitals clinic school schools university college prison jail
    airport base square street streets avenue gate building buildings camp orchard orchards farm farms
    farmland""".split())

# Heads that stand for the members of what follows "of"/"from": "members of X" is X.
MEMBER_HEADS = frozenset("""member members fighter fighters militant militants element elements gunman gunmen
    supporter supporters loyalist loyalists militiaman militiamen unit units commander commanders leader
    leaders official officials force forces troops soldier soldiers personnel faction factions wing brigade
    brigades group groups affiliate affiliates operative operatives cell cells team mujahideen mujahidin""".split())

# Developments made against someone, and the verbs of the purpose that names them ("formed to
# combat ISIS", "a fatwa calling on men to fight the Islamic State").
PURPOSE_LABELS = frozenset({"formation", "call", "fatwa", "base-established"})

AGAINST_VERBS = frozenset("""combat fight confront counter defeat resist battle oppose""".split())

# Heads naming unnamed people whom a relative clause may tie to a group ("the men, who belong to X").
PEOPLE_HEADS = frozenset("man men suspect suspects individual individuals people persons youths assailant "
                         "assailants attacker attackers perpetrator perpetrators".split())

# Heads naming a crowd that backs a group or a person, and is not it ("supporters of X").
SUPPORTER_HEADS = frozenset("""supporter supporters follower followers loyalist loyalists partisan partisans
    sympathiser sympathisers sympathizer sympathizers backer backers""".split())

# Heads naming one person by a role: the organisation modifying them only describes that person
# ("the PMF deputy chief was killed": the PMF is not the victim).
ROLE_HEADS = frozenset("""chief chiefs commander head leader deputy spokesman spokeswoman spokesperson official
    minister envoy ambassador director secretary chairman founder adviser advisor aide""".split())

# Political measures whose target is whoever their object is about.
MEASURE_LABELS = frozenset({"sanction", "designation", "legislation", "order", "announcement", "statement"})

# Verbs that take an event noun as object and give it their subject as actor.
LIGHT_VERBS = frozenset("""carry carried carries carrying conduct conducted conducts conducting launch launched
    launches launching stage staged stages staging mount mounted mounts mounting execute executed perpetrate
    perpetrated commit committed commits claim claimed claims claiming undertake undertook make made
    begin began begun start started lead led order ordered take took taken takes join joined joins
    participate participated participates attend attended attends hold held holds organize organized
    organise organised issue issued issues issuing impose imposed imposes imposing lift lifted lifts
    lifting""".split())

# Verbs by which a leader has others use force ("Biden ordered strikes", "authorised raids"), and
# the happenings they command: the force used is the leader's state or group (ACLED codes the
# forces that struck), where an ordered investigation stays the leader's own act.
ORDER_VERBS = frozenset("""order ordered orders ordering authorize authorized authorizes authorise authorised
    authorises direct directed directs approve approved approves""".split())

# Participles by which one act starts a fight ("..., sparking clashes").
SPARKING = frozenset({"sparking", "triggering", "prompting", "provoking", "igniting", "setting"})

# Operations a security body announces as its own ("announced the arrest of ...").
ANNOUNCED_OPERATIONS = frozenset({"arrest", "raid", "weapons-seizure"})

# Casualty labels, and the nouns of the happenings they may be told "in" ("killed in an ISIS attack").
OUTCOME_LABELS = frozenset({"killing", "injury"})
# Participles that tell a happening's outcome in a clause of its own ("..., killing two civilians").
OUTCOME_PARTICIPLES = frozenset("killing wounding injuring leaving".split())

HOST_NOUNS = frozenset("""attack attacks strike strikes airstrike airstrikes bombing bombings ambush raid assault
    shelling explosion blast barrage clashes clash""".split())

# Nouns of taking part: their owner acted in the happening "in" them ("his involvement in attacks").
INVOLVEMENT_NOUNS = frozenset({"involvement", "role", "participation", "part", "hand", "complicity"})

FORCE_LABELS = frozenset({"air-strike", "rocket-attack", "attack-on-base", "ground-attack", "shooting", "killing",
                          "raid", "incursion", "explosive", "clash"})

# A group's changes to itself that it announces: the announcer is the one that changes ("X
# announced the suspension of its operations"), unlike "X announced the killing of its fighters".
SELF_CHANGES = frozenset({"suspension", "formation", "withdrawal", "closure", "leadership-change"})

ANNOUNCE_VERBS = frozenset("""announce announced announces announcing declare declared declares declaring
    confirm confirmed confirms unveil unveiled""".split())

SAY_VERBS = frozenset("say said says stated states confirmed confirms".split())

# Happenings that are words spoken, and the verbs that tell what was said in them ("X said in a
# televised speech": X gave the speech).
SPOKEN_LABELS = frozenset({"speech", "statement", "press-conference", "interview"})

SPEAKING_VERBS = SAY_VERBS | frozenset("""declared declares announced announces warned warns stressed stresses
    vowed vows pledged pledges added adds urged urges called calls insisted insists affirmed affirms reiterated
    reiterates threatened threatens accused accuses demanded demands""".split())

# Verbs that report a happening told in their clause ("police said gunmen attacked ...").
REPORT_VERBS = frozenset("""say says said tell tells told announce announces announced report reports reported
    state states stated confirm confirms confirmed add adds added claim claims claimed""".split())

# "set fire to X", "set X alight": the object burned is a target.
FIRE_WORDS = frozenset({"fire", "light"})

# What a facility, a vehicle or a post holds is hit through it: "a base which hosts US forces", "a
# vehicle carrying X commanders" (objects), "a checkpoint manned by X" (agents), "belonging to X".
HOLDING_VERBS = frozenset("""host hosts hosted hosting house houses housed housing carry carries carried
    carrying transport transports transported transporting""".split())

HELD_BY_VERBS = frozenset("""manned staffed run operated held used controlled occupied guarded""".split())

BELONG_VERBS = frozenset({"belonging", "belongs", "belonged"})

# Happenings every party of which acts: an agreement's or a contract's other side ("with X", "to X").
PARTY_LABELS = frozenset({"agreement", "contract"})

# Happenings held for the dead: whose funeral it is names no one taking part.
MOURNING_LABELS = frozenset({"funeral"})

# Happenings whose noun's possessor is who it befell when nothing else is ("Soleimani's killing",
# "the activist's abduction"); with an "of" object the possessor acts ("the militia's abduction of X").
UNDERGONE_LABELS = frozenset({"killing", "arrest", "abduction", "injury", "release", "designation"})

# Verbs whose object is a meeting's guest ("the prime minister received the envoy").
GUEST_VERBS = frozenset("""receive receives received receiving host hosts hosted hosting welcome welcomes
    welcomed welcoming""".split())

# Verbs by which someone takes part in a call or meeting another made ("received a phone call from X").
TAKING_VERBS = GUEST_VERBS | frozenset("have has had having get gets got getting".split())

# Nouns whose "with"-partner is a side of the event (meetings, talks, clashes).
WITH_SIDES = frozenset({"meeting", "visit", "talks", "clash", "clashes", "talk", "negotiations"})

# People a country's name describes without making them its state ("a US contractor").
CIVILIAN_HEADS = frozenset("""contractor contractors civilian civilians citizen citizens national nationals
    journalist journalists worker workers tourist tourists employee employees businessman businessmen
    pilgrim pilgrims student students protester protesters protestor protestors demonstrator demonstrators
    people crowd crowds mourners residents villagers""".split())

# Armed men and groups outside a state's forces: a country owning them is not who they are.
NONSTATE_HEADS = frozenset("""militia militias faction factions proxy proxies insurgents rebels gunmen jihadists
    groups""".split())

# Verbs of condemning: the condemned attack's author is whom the statement is against.
CONDEMN_VERBS = frozenset("""condemn condemned condemns condemning denounce denounced denounces denouncing
    decry decried decries""".split())

# Verbs a relative clause tells what an attack hit with ("the attack, which targeted X").
HITTING_VERBS = frozenset("""targeted targets hit hits struck strikes killed kills wounded injured destroyed
    damaged""".split())

# Verbs an outcome is told with ("the attack left five dead").
LEAVING_VERBS = frozenset({"left", "leave", "leaves", "leaving"})

# Participles by which an attack noun says what it hit ("an airstrike targeting a PMF convoy").
AIMING_PARTICIPLES = frozenset({"targeting", "targetting", "hitting", "striking"})

# Participles that name who performed a happening: "strikes carried out by X", "a drone launched by X".
DONE_BY = frozenset({"carried", "conducted", "launched", "fired", "staged", "mounted", "perpetrated",
                     "executed", "claimed", "ordered", "planned", "led", "waged", "committed", "flown"})

# A happening named after these is another one than the clause's ("arrested after the attack").
REFERENCE_PREPS = frozenset({"after", "before", "following", "since", "despite", "amid", "over"})

ANSWER_NOUNS = frozenset({"response", "reply", "retaliation", "revenge", "reprisal", "answer"})

# Happenings a deed is told "in" ("killed an ISIS leader in a raid"), and the deeds whose doer made
# them: not "died" or a passive ("were killed in a raid": the victims made nothing).
DEED_LABELS = frozenset({"raid", "air-strike", "rocket-attack", "attack-on-base", "ground-attack", "shooting",
                         "incursion", "explosive", "clash", "attack", "operation", "arrest", "grenade"})

DEED_VERBS = frozenset("""kill kills killed killing wound wounds wounded wounding injure injured injures injuring
    arrest arrests arrested arresting detain detains detained detaining capture captures captured capturing
    seize seized seizes seizing destroy destroys destroyed destroying target targets targeted targeting
    hit hits struck strikes""".split())

# Verbs of assaulting a place or a force, whose object an outcome told after them befell
# ("attacked a PMF position, killing one fighter").
ASSAULT_VERBS = frozenset("""attack attacked attacks stormed storm storms ambushed ambush ambushes raided raid
    raids targeted target targets assaulted assault overran overrun""".split())

# Acts a threat's "that" clause tells of, whose object is threatened ("warned that it would target X").
THREATENED_ACTS = frozenset("""target targeted attack attacked strike struck hit expel expelled kill killed bomb
    bombed punish punished""".split())

# Happenings of leaving a place: what follows their "from" is the land left, not who leaves.
LEAVING_LABELS = frozenset({"withdrawal", "evacuation"})

# Sites whose owner "its", "their", "the group's" or "his" names is hit through them ("struck its
# headquarters", "bombed the group's bases", "a drone hit his residence").
OWNED_TARGETS = frozenset("""headquarters base bases position positions convoy convoys vehicle vehicles office
    offices post posts checkpoint checkpoints depot depots camp camps residence home house car""".split())

# Verbs of a means coming down or going off somewhere ("rockets landed near the embassy", "an IED
# exploded near an army patrol"): a facility or a force it came down at was what it hit.
LANDING_VERBS = frozenset("""land lands landed landing fall falls fell fallen falling impact impacted
    explode explodes exploded exploding detonate detonated detonates went crashed struck hit""".split())
LANDING_PREPS = ("near", "inside", "in", "into", "on", "at", "beside", "next")

# What a subject "came under" or "was subjected to" when it was hit ("came under attack by X").
UNDERGONE_ATTACKS = frozenset("""attack attacks fire gunfire assault shelling bombardment""".split())
UNDERGO_VERBS = frozenset("""subjected exposed came come comes coming""".split())

# Verbs of taking part in a gathering someone else holds ("attended the funeral").
ATTEND_VERBS = frozenset("attend attended attends attending".split())

# Verbs that answer with a happening ("Washington responded with strikes on X", "retaliated with
# rocket fire"): the subject answers by doing it.
ANSWER_VERBS = frozenset("""respond responded responds responding retaliate retaliated retaliates retaliating
    reply replied replies replying react reacted reacts reacting answer answered answers""".split())

FALL_VERBS = frozenset({"fall", "falls", "fell", "fallen", "falling"})

# Words of a country's land a nationality adjective names the country by ("the Iraqi streets",
# "Syrian territory", "Iraqi airspace"); not a border, which has two sides.
LAND_NOUNS = frozenset("""street streets city cities town towns territory territories soil airspace land lands
    waters province provinces""".split())

# Words that tie someone to a backer ("factions backed by Iran", "gunmen loyal to Iran", "a group
# allied with the PKK"): the backer describes them, it is not where anything happened.
BACKING_WORDS = frozenset("""backed funded financed supported sponsored armed trained equipped directed
    controlled loyal linked close allied aligned affiliated tied connected beholden answerable""".split())

# Heads of a time of day an "at" phrase gives ("at 10 pm (Iraq time)"): no target.
TIME_HEADS = frozenset("""pm am p.m. a.m. time hours hour dawn dusk noon midnight night morning evening
    o'clock gmt utc""".split())

# Participles of suspicion that tie unnamed people to a group ("suspected of belonging to X"), and
# the words of the tie.
SUSPICION_WORDS = frozenset({"suspected", "accused", "believed", "thought", "alleged"})

TIE_WORDS = frozenset("""belonging belong belonged links link ties tie connections connection affiliation
    affiliated linked loyal allegiance""".split())

# Verbs whose subject lived through the attack that is their object ("survived an attempt on his life").
SURVIVE_VERBS = frozenset({"survived", "survive", "survives", "surviving", "escaped", "escapes", "escape"})

# Verbs of meeting someone.
MEET_VERBS = frozenset({"met", "meet", "meets", "meeting"})

# Verbs that carry on or begin another ("vowed to keep attacking", "threatened to resume striking").
ASPECT_VERBS = frozenset("""keep continue resume start begin step escalate""".split())

# Verbs that set fire to something ("set fire to", "put fire to").
FIRE_SETTERS = frozenset({"set", "sets", "setting", "put", "puts", "putting", "lit", "light"})

# Heads of armed means and forces a nationality adjective assigns to its state ("Israeli
# warplanes struck", "Turkish drones", "killed by American forces"); people ("Iraqi protesters")
# and civilians are not the state.
STATE_MEANS = frozenset("""warplane warplanes jet jets aircraft plane planes drone drones helicopter
    helicopters gunship gunships artillery tank tanks force forces troops military army navy airforce
    strike strikes airstrike airstrikes missile missiles rocket rockets soldiers soldier""".split())

# Nouns of an armed deed a nationality adjective makes its state's, as it does the means ("a
# Turkish drone attack", "Iranian shelling", "an Israeli raid").
STATE_DEEDS = STATE_MEANS | frozenset("""attack attacks raid raids assault assaults offensive offensives
    bombardment bombardments shelling bombing bombings incursion incursions barrage operation
    operations""".split())

# Participles that say what a means was aimed at ("a rocket aimed at the airport").
AIM_WORDS = frozenset({"aimed", "directed", "meant", "intended", "headed", "heading"})

# Nouns of an attack a verb can take as its object ("launched a drone attack on X").
ATTACK_NOUNS = frozenset("""attack attacks strike strikes airstrike airstrikes assault assaults raid raids
    offensive operation operations barrage bombardment""".split())

# Armed means a verb launches or fires at someone ("launched drones against X", "fired rockets at X").
FIRED_MEANS = STATE_MEANS | frozenset("""shell shells mortar mortars round rounds projectile projectiles
    bomb bombs explosive explosives grenade grenades""".split())

# Fire whose shooters a "from" phrase names ("killed by sniper fire from ISIS militants").
SHOT_MEANS = frozenset("""fire gunfire shots shot bullets bullet sniper shelling""".split())

# Means a verb sends at something: not people ("targeted US forces at Harir base": where the
# forces are, not what they were sent at).
LAUNCHED_MEANS = FIRED_MEANS - frozenset("force forces troops soldier soldiers military army navy".split())

# What an attack hits that a nationality adjective makes its state's ("killed two Israeli soldiers",
# "an Israeli target", "American forces"); not its civilians ("an American contractor").
STATE_TARGETS = frozenset("""force forces troops soldier soldiers military army personnel servicemen
    servicemembers target targets interests base bases position positions convoy convoys patrol patrols
    advisers advisors officers outpost outposts post posts checkpoint checkpoints camp camps policemen
    policeman guards""".split())

# Participles that tie unnamed people to a group ("gunmen linked to X", "militants loyal to X").
AFFILIATION_PARTICIPLES = frozenset({"linked", "affiliated", "tied", "aligned", "connected", "allied", "loyal",
                                     "belonging", "attached"})

# Verbs of belief a subject's affiliation is told with ("gunmen believed to belong to X").
BELIEF_WORDS = frozenset({"believed", "thought", "suspected", "said", "reported", "understood", "known"})
