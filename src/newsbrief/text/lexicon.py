"""Words that say who a name is: titles, roles, collective nouns, verbs of saying.

Lower-cased, one home for the word lists that `ner`, `collectives`, `roles` and `actors` read.
"""

from __future__ import annotations

# Title words that end a title written before a personal name ("Chief Superintendent",
# "Foreign Minister", "Lt. Col."), lower-cased, and the words that only qualify one
# ("foreign", "deputy", "state" in "Secretary of State"). A title may also hold a nationality
# or a place ("US Ambassador to Germany"), which the parser marks as an entity of its own.
TITLE_HEADS = frozenset(
    (
        "president minister secretary chancellor king queen prince princess governor mayor "
        "senator sen. representative rep. congressman congresswoman ambassador spokesperson "
        "spokesman spokeswoman general gen. commander chief director chairman chairwoman chair "
        "speaker leader pope bishop archbishop cardinal father rev. reverend judge justice "
        "officer head ceo envoy deputy colonel col. captain capt. sheikh emir sultan "
        "superintendent admiral commandant sergeant sgt. lieutenant lt. major maj. inspector "
        "mr. mrs. ms. dr. mr mrs ms dr sir dame lord lady professor prof. attorney prosecutor "
        "detective constable commissioner administrator premier marshal corporal brigadier "
        "imam rabbi ayatollah whip advisor adviser senators ruler dictator emperor empress"
    ).split()
)
TITLE_WORDS = TITLE_HEADS | frozenset(
    "vice prime crown foreign interior defence defense home state former acting interim first "
    "late affairs security national strategic".split()
)
# Common nouns that name what a person is ("the foreign minister", "a fire service spokesman",
# "a former boyfriend"): an appositive or a title with one of these marks a person.
ROLE_NOUNS = frozenset(
    (
        "president minister secretary chancellor king queen prince princess governor mayor "
        "senator representative congressman congresswoman ambassador spokesperson spokesman "
        "spokeswoman general commander chief director chairman chairwoman chair speaker leader "
        "pope bishop judge officer head ceo envoy deputy colonel captain admiral commandant "
        "lieutenant inspector attorney prosecutor detective commissioner administrator premier "
        "founder editor reporter correspondent journalist columnist rapporteur analyst expert "
        "official diplomat advisor adviser aide counterpart candidate nominee activist "
        "protester student victim suspect gunman attacker driver pilot doctor nurse teacher "
        "resident witness survivor friend boyfriend girlfriend wife husband son daughter "
        "mother father brother sister fiancée fiancee fiance widow employee worker owner "
        "manager member lawyer businessman businesswoman historian professor astronaut "
        "scientist researcher author writer actor actress singer player coach footballer "
        "chairperson moderator host presenter anchor producer killer man woman boy girl "
        "national citizen veteran soldier sergeant marine firefighter policeman "
        "policewoman constable spokesman-for negotiator mediator lawmaker legislator "
        "politician councillor councilor superintendent executive economist pseudonym alias "
        "nickname emperor empress collector coordinator surgeon composer"
    ).split()
)
# Prepositions whose object is where something happens, not who acts.
PLACE_PREPOSITIONS = frozenset(
    "in at near to from into inside outside across throughout around through within onto "
    "toward towards via off along beyond".split()
)
# Prepositions that put something at a place ('in Paris', 'at the cathedral'); the other
# place prepositions ('to', 'from') also take parties ('ties to the Guard').
AT_PLACE = frozenset("in at near inside outside within throughout around".split())
# Abbreviations that end a name with a stop ('Holdings Ltd.'), when the tokenizer splits it off.
NAME_ABBREVIATIONS = frozenset("inc ltd co corp jr sr bros plc llc".split())
# Lower-case words that belong inside a personal name ("Arnel dela Vega", "bin Salman").
NAME_CONNECTORS = frozenset(
    "de dela del della di da dos das du van von der den al bin ibn la le".split()
)

# Verbs of saying and stating: their subject speaks ('X said', 'X warned', 'X called for').
SPEECH_VERBS = frozenset(
    (
        "say tell state announce warn urge call claim add note insist argue express deny "
        "reject demand inform accuse vow pledge promise respond reply write tweet declare "
        "confirm explain describe acknowledge admit suggest ask threaten criticise criticize "
        "praise welcome condemn allege indicate stress report"
    ).split()
)
# Words that make a name an organisation's ('Amnesty International'), never a person's.
ORG_NAME_WORDS = frozenset(
    (
        "international organisation organization council committee party union association "
        "foundation institute university group company corporation agency ministry department "
        "police army command office news times service court government commission bank fund "
        "league image photo"
    ).split()
)
# Nouns of dealings between parties: 'talks with X', 'an agreement between X and Y'.
INTERACTION_NOUNS = frozenset(
    (
        "meeting talks agreement deal relations relation war conflict dispute tension "
        "negotiation summit call cooperation tie treaty memorandum accord turmoil alliance "
        "fight fighting clash ceasefire truce partnership trade rivalry standoff sanction "
        "embargo tariff blockade offensive campaign protest lawsuit case complaint"
    ).split()
)

# Nouns that can name a meeting ('talks', 'summit', 'a round'); the meetings step decides.
# Words a name is joined to that make an adjective of it ('a Biden-led effort'), where a
# lower-case part after a hyphen is otherwise the end of a name ('Moon Jae-in').
NAME_COMPOUNDING = frozenset(
    "led backed based era style born owned run linked allied aligned appointed brokered "
    "funded sponsored controlled inspired like type".split()
)
MEETING_NOUNS = frozenset(
    "meeting meet talks summit conference convention debate call conversation negotiations "
    "discussions "
    "consultations videoconference teleconference hall assembly congress session audience "
    "gathering forum roundtable dinner lunch luncheon breakfast banquet round dialogue "
    "review".split()
)
# Verbs whose place is where people met ('sat down in Moscow', 'met in Reykjavik').
MEETING_VERBS = frozenset("meet sit gather convene confer negotiate".split())

# Common nouns that name a collective actor when a name modifies them ('the German
# government', 'the Biden administration', 'Texas state prosecutors', 'government of Samoa').
COLLECTIVE_HEADS = frozenset(
    (
        "government administration authorities police army military cabinet parliament "
        "campaign council prosecutors forces navy ministry regime junta coalition mission "
        "delegation"
    ).split()
)

# Collective nouns that act on their own ('police said', 'the army confirmed').
BARE_HEADS = frozenset(
    "police authorities army military government prosecutors cabinet parliament ministry "
    "coastguard service brigade agency department".split()
)
# Bare collectives that name an actor only with the kind of body written before them ('the
# fire service said', 'the health department said'; not 'the service said'): head -> kinds.
QUALIFIED_BODIES: dict[str, frozenset[str]] = {
    "service": frozenset(
        "fire ambulance weather meteorological prison border emergency rescue health "
        "immigration forest park coast".split()
    ),
    "brigade": frozenset({"fire"}),
    "agency": frozenset(
        "disaster emergency relief health meteorological weather environment environmental "
        "refugee".split()
    ),
    "department": frozenset("health fire police forestry weather meteorological emergency".split()),
}
# What a ministry is of, written before it ('the interior ministry said'): its portfolio.
PORTFOLIOS = frozenset(
    (
        "interior foreign health defence defense finance home justice education emergencies "
        "emergency energy economy trade transport agriculture environment labour labor "
        "information culture tourism fisheries water mining communications housing security "
        "immigration"
    ).split()
)
# Words of a minister's portfolio as written after "Minister of" ('Minister of Mines and
# Energy', 'Minister of Natural Resources and Environment'): the tagger often runs them into
# the minister's name.
PORTFOLIO_WORDS = PORTFOLIOS | frozenset(
    (
        "and of for the state affairs resources natural development planning works services "
        "relations protection management meteorology public mines energy logistics "
        "infrastructure equipment humanitarian disaster disasters social welfare human rights "
        "science technology industry industries commerce investment urban rural local "
        "government youth sport sports women family children veterans civil service aviation "
        "post posts telecommunications digital climate change forests forestry land lands "
        "irrigation power oil gas petroleum railways roads highways ports shipping maritime "
        "national unity reconciliation peace religious solidarity higher primary basic "
        "internal external home overseas cooperation integration regional territorial "
        "administration reform reforms budget treasury economic finances health-care "
        "healthcare medical research innovation heritage arts media broadcasting sanitation "
        "electricity hydrocarbons environmental"
    ).split()
)
# Titles after which 'of'/'for' opens a portfolio ('Minister of State for Health').
PORTFOLIO_TITLES = frozenset("minister secretary commissioner".split())
# Levels of government written before a collective noun ('state police', 'federal
# authorities', 'local officials'): they qualify it without naming anyone.
GOVERNMENT_LEVELS = frozenset(
    (
        "state federal local regional provincial national municipal city county central "
        "district metropolitan territorial"
    ).split()
)

# Religions and creeds: an organisation tag on one names a belief, not a party ('converted
# to Islam').
BELIEFS = frozenset(
    (
        "islam christianity judaism buddhism hinduism sikhism jainism taoism shinto "
        "zoroastrianism catholicism protestantism orthodoxy anglicanism mormonism "
        "confucianism bahaism atheism wahhabism salafism sufism shia shiism sunni sunnism"
    ).split()
)

# Words that end the name of a hazard, not an actor ('the North Complex Fire', 'the Great
# Flood'): such a name neither takes part nor owns the place after it.
NAMED_HAZARDS = frozenset("fire wildfire bushfire blaze earthquake quake flood floods".split())

# Members of a political party, written for the party itself ('Democrats said', 'the Tories
# voted'): the party each names.
PARTY_MEMBERS = {
    "democrats": "Democratic Party",
    "republicans": "Republican Party",
    "gop": "Republican Party",
    "conservatives": "Conservative Party",
    "tories": "Conservative Party",
    "labour": "Labour Party",
    "liberals": "Liberal Party",
    "socialists": "Socialist Party",
    "greens": "Green Party",
}
