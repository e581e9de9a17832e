"""Inventory: how English wire copy states ties between two parties, one sentence per way, and what extraction reads.

Written in the sixth round of #17 from the language, not from a batch of paragraphs: the common
ways agency copy (AP/Reuters/AFP), analysis (ICG, ACLED) and ministry statements express alliance,
support, hostility, fighting, rapprochement and rupture between two parties, each as one short
sentence over generic actors (Pax, Quor and Yel are states, Xan and Zed armed groups; in the
"force nouns" class Yel is the only state). ``need`` is what a careful reader must get (sign only:
ally/friendly +, enemy/rival -); ``may`` pairs are implied and not wrong either way. A sentence is a
hit when every needed pair is proposed with its sign and nothing else is proposed (so a wrong sign
or a false pair is a miss, and "abstain" sentences need nothing at all).

Run: ``.venv/bin/python benchmarks/extract_inventory.py [--misses]`` prints the hit rate per class.
The figures before and after the sixth round are in the README's extraction section.
"""

from __future__ import annotations

import sys
from collections import defaultdict

from alliances import Actor
from alliances.extract import extract_relations

__all__ = ["INVENTORY", "score"]

ACTORS = [Actor("p", "Pax", "state"), Actor("q", "Quor", "state"), Actor("x", "Xan", "armed_group"),
          Actor("y", "Yel", "state"), Actor("z", "Zed", "armed_group")]
GOVERNMENT = [Actor("y", "Yel government", "state", aliases=("Yel forces",)), Actor("p", "Pax", "state"),
              Actor("x", "Xan", "armed_group")]
GENERALS = [Actor("y", "Yel", "state"), Actor("p", "Pax", "armed_group"), Actor("q", "Quor", "state")]
MILITARY = [Actor("j", "Yel military", "state", aliases=("military government",)),
            Actor("n", "Pax", "state", aliases=("shadow government",)), Actor("x", "Xan", "armed_group")]
# a country whose name is no actor's: one state's names hold it (round 11 B)
COUNTRY = [Actor("s", "Sudanese Armed Forces", "state", aliases=("Sudanese army", "Port Sudan government")),
           Actor("r", "Rapid Support Forces", "armed_group", aliases=("RSF",)),
           Actor("u", "United Arab Emirates", "state", aliases=("UAE",)), Actor("j", "Joint Forces", "armed_group")]
# states named by countries, for places inside them (round 11 B)
COUNTRIES = [Actor("r", "Russia", "state", aliases=("Moscow",)), Actor("u", "Ukraine", "state", aliases=("Kyiv",)),
             Actor("s", "Syria", "state"), Actor("x", "Xan", "armed_group"), Actor("w", "Washington", "state")]
# states called by their country's name (and an army of a country, which need not hold its cities): round 13 A
CITIES = [Actor("r", "Russia", "state", aliases=("Moscow",)), Actor("u", "Ukraine", "state", aliases=("Kyiv",)),
          Actor("i", "Israel", "state"), Actor("h", "Houthis", "armed_group"), Actor("l", "Lebanese army", "state"),
          Actor("z", "Hezbollah", "armed_group"), Actor("q", "Qatar", "state")]
SAHEL = [Actor("m", "Mali", "state"), Actor("b", "Burkina Faso", "state"), Actor("f", "France", "state"),
         Actor("r", "Russia", "state"), Actor("e", "ECOWAS", "international_org")]
ONE_STATE = [Actor("y", "Yel", "state"), Actor("x", "Xan", "armed_group"), Actor("z", "Zed", "armed_group"),
             Actor("q", "Quor", "international_org")]
# a state, an armed group and an organisation states join (round 13 C)
ORG = [Actor("p", "Pax", "state"), Actor("y", "Yel", "state"), Actor("q", "Quor", "international_org"),
       Actor("x", "Xan", "armed_group")]
# a force two states send contingents to (round 13 C)
FORCE = [Actor("p", "Pax", "state"), Actor("y", "Yel", "state"), Actor("x", "Xan", "armed_group"),
         Actor("q", "Quor", "international_org", aliases=("Quor force", "Quor mission"))]
# a group with its leader's name as an alias (round 14)
LED = [Actor("p", "Pax", "state", aliases=("the Kremlin",)), Actor("y", "Yel", "state"),
       Actor("x", "Xan", "armed_group", aliases=("Zor Amet",)), Actor("z", "Zed", "armed_group")]

# peoples named by their plural (round 14 A): Xanian forces and Zedi mercenaries are groups; Quorians are two
# actors' people (the Quorian army and the Quorian militia)
PEOPLES = [Actor("y", "Yel", "state"), Actor("x", "Xan", "armed_group", aliases=("Xanian forces",)),
           Actor("z", "Zed", "armed_group", aliases=("Zedi mercenaries",)), Actor("p", "Pax", "state"),
           Actor("q", "Quor", "state", aliases=("Quorian army",)), Actor("m", "Mil", "armed_group",
                                                                        aliases=("Quorian militia",))]

# (class, sentence, needed {pair: sign}, pairs that may be proposed with their sign [, actors])
INVENTORY: list[tuple] = [
    # --- active verb frames
    ("active verb", "Xan attacked Yel on Monday.", {"xy": "-"}, {}),
    ("active verb", "Pax is arming Xan.", {"px": "+"}, {}),
    ("active verb", "Quor condemned Pax over the strikes.", {"pq": "-"}, {}),
    ("active verb", "Xan ambushed a Yel convoy near the border.", {"xy": "-"}, {}),
    ("active verb", "Pax supplied drones and artillery shells to Xan.", {"px": "+"}, {}),
    ("active verb", "Xan fighters shelled Yel positions overnight.", {"xy": "-"}, {}),
    ("active verb", "Pax has been funding and training Xan for years.", {"px": "+"}, {}),
    ("active verb", "Xan overran a Yel army base on Tuesday.", {"xy": "-"}, {}),
    ("active verb", "Pax killed at least 30 Xan fighters on Sunday.", {"px": "-"}, {}),
    ("active verb", "Xan fighters killed more than 200 Yel soldiers in the assault.", {"xy": "-"}, {}),
    ("active verb", "Pax, backed by Quor air strikes, killed nearly 40 Xan militants.", {"pq": "+", "px": "-"},
     {"qx": "-"}),
    ("active verb", "Pax gives Xan jets and cover at the UN.", {"px": "+"}, {}),
    ("active verb", "Pax has agreed to sell Yel howitzers and radars.", {"py": "+"}, {}),
    ("active verb", "Quor sent Xan weapons last year.", {"qx": "+"}, {}),
    ("active verb", "Pax gave Xan a final warning.", {}, {"px": "-"}),
    ("active verb", "Pax never sold Yel drones.", {}, {}),
    ("active verb", "Xan took control of large parts of the northern region from Yel.", {"xy": "-"}, {}),
    ("active verb", "Xan and Zed, which have seized much of the north and the eastern hill state from Yel, met.",
     {"xy": "-", "yz": "-"}, {"xz": "+"}),
    ("active verb", "Xan took the decision to withdraw its troops from Yel.", {}, {}),
    ("active verb", "Xan attacked a base used by Yel peacekeepers.", {"xy": "-"}, {}),
    ("active verb", "Xan shelled an airfield operated by Pax.", {"px": "-"}, {}),
    # --- passives and agent phrases
    ("passive", "Yel was attacked by Xan.", {"xy": "-"}, {}),
    ("passive", "Xan is backed by Pax.", {"px": "+"}, {}),
    ("passive", "Xan has been armed and trained by Pax.", {"px": "+"}, {}),
    ("passive", "Yel positions were shelled by Xan fighters.", {"xy": "-"}, {}),
    ("passive", "Two Yel soldiers were killed in an ambush by Xan.", {"xy": "-"}, {}),
    # --- participles and compound modifiers
    ("participle", "The Pax-backed Xan attacked Yel.", {"px": "+", "xy": "-"}, {"py": "-"}),
    ("participle", "Xan, backed by Pax, attacked Yel.", {"px": "+", "xy": "-"}, {"py": "-"}),
    ("participle", "Pax-aligned Xan fighters clashed with Zed.", {"px": "+", "xz": "-"}, {"pz": "-"}),
    ("participle", "Yel accused Pax-allied Xan of the attack.", {"px": "+", "xy": "-"}, {"py": "-"}),
    ("participle", "Xan, armed by Pax, has seized three towns from Yel.", {"px": "+", "xy": "-"}, {"py": "-"}),
    # --- nominalised events and relations
    ("nominal", "Xan's offensive against Yel has stalled.", {"xy": "-"}, {}),
    ("nominal", "An attack by Xan on Yel killed ten soldiers.", {"xy": "-"}, {}),
    ("nominal", "Pax's backing of Xan has drawn criticism.", {"px": "+"}, {}),
    ("nominal", "Pax's support for Xan is no secret.", {"px": "+"}, {}),
    ("nominal", "The Pax-Yel alliance has held for a decade.", {"py": "+"}, {}),
    ("nominal", "The alliance between Pax and Yel is under strain.", {"py": "+"}, {}),
    ("nominal", "Fighting between Xan and Zed resumed on Sunday.", {"xz": "-"}, {}),
    ("nominal", "Xan and Zed fighters clashed near the river.", {"xz": "-"}, {}),
    ("nominal", "The war between Pax and Yel entered its third year.", {"py": "-"}, {}),
    ("nominal", "Pax's military aid to Yel doubled last year.", {"py": "+"}, {}),
    ("nominal", "The Xan siege of the Yel garrison continued.", {"xy": "-"}, {}),
    # an event noun the subject only reacts to: whose act it is is not said (round 7; was proposed as the subject's)
    ("nominal", "Quor sanctioned Xan leaders over the attack on Yel.", {"qx": "-"}, {}),
    ("nominal", "Pax mourned the victims of the attack on Yel.", {}, {}),
    ("nominal", "Pax visited the site of the attack on Yel.", {}, {}),
    ("nominal", "Pax carried out a series of deadly air strikes on Yel.", {"py": "-"}, {}),
    ("nominal", "Pax launched hundreds of drones in attacks on Yel.", {"py": "-"}, {}),
    # --- relative clauses
    ("relative clause", "Xan, which is backed by Pax, attacked Yel.", {"px": "+", "xy": "-"}, {"py": "-"}),
    ("relative clause", "Xan, which Pax arms, attacked Yel.", {"px": "+", "xy": "-"}, {"py": "-"}),
    ("relative clause", "Yel shot down the drones Pax has used against it.", {"py": "-"}, {}),
    ("relative clause", "Investigators found the drones Pax has used against Yel.", {"py": "-"}, {}),
    ("relative clause", "Xan, whose fighters have battled Yel for years, joined the talks.", {"xy": "-"}, {}),
    ("relative clause", "Zed, which has fought Xan since 2019, signed a deal with Yel.", {"xz": "-"}, {}),
    # "which" and "a move X condemned" after a clause: the act's, not its object's (round 7; the object was judged)
    ("relative clause", "Xan attacked Yel, which Pax condemned.", {"xy": "-"}, {"px": "-"}),
    ("relative clause", "Xan struck near Yel, which Pax condemned.", {}, {"px": "-"}),
    ("relative clause", "Pax deployed troops to Yel, a move Quor condemned.", {"py": "+", "pq": "-"}, {}),
    ("relative clause", "Pax has agreed to sell Yel howitzers, a decision Quor denounced as reckless.",
     {"py": "+", "pq": "-"}, {}),
    ("relative clause", "Pax deployed troops to Yel, a move Quor did not condemn.", {"py": "+"}, {}),
    # a relative clause after a list closed by a name that is no actor, "whose juntas" (round 7)
    ("relative clause", "Pax, Yel and Niger, whose juntas expelled Quor forces, met on Monday.",
     {"pq": "-", "qy": "-"}, {"py": "+"}),
    ("relative clause", "Pax, whose leaders backed Xan for years, met Yel.", {"px": "+"}, {}),
    ("relative clause", "Pax attacked Yel and fled, which angered Quor.", {"py": "-"}, {}),
    # enabling in a relative clause and "use ... to" (round 7)
    ("relative clause", "Pax, which let Xan fighters use its territory to attack Yel, denied the report.",
     {"px": "+", "xy": "-"}, {"py": "-"}),
    ("relative clause", "The Pax leader, who let Xan troops use his country to invade Yel, met Quor.",
     {"px": "+", "xy": "-"}, {"py": "-"}),
    ("relative clause", "Pax, which allowed Xan to attack Yel, said nothing.", {"px": "+", "xy": "-"}, {"py": "-"}),
    ("relative clause", "Pax let Xan fighters use its territory to attack Yel.", {"px": "+", "xy": "-"}, {"py": "-"}),
    ("relative clause", "Pax, which did not let Xan use its bases to attack Yel, said nothing.", {}, {}),
    ("relative clause", "Pax let Xan use its ports to ship grain to Yel.", {}, {}),
    # a restrictive relative is said of its head noun, not of the subject or a possessor (round 11, part D)
    ("relative clause", "Xan's siege of the city has drawn in militias that now fight alongside Yel.", {}, {}),
    ("relative clause", "Pax armed militias who later attacked Yel.", {}, {}),
    ("relative clause", "Pax funds local groups that are loyal to Yel.", {}, {}),
    ("relative clause", "Xan's offensive has drawn in Zed fighters that now fight alongside Yel.", {"yz": "+"}, {}),
    ("relative clause", "Xan fighters who fight alongside Yel took the town.", {"xy": "+"}, {}),
    ("coordination", "Pax pledged humanitarian aid to Yel and Quor offered its condolences.", {"py": "+"}, {}),
    ("coordination", "Pax sent weapons to Yel and Quor later condemned the deliveries.", {"py": "+"}, {}),
    ("coordination", "Pax armed Yel and Quor trained Xan.", {"py": "+", "qx": "+"}, {}),
    ("nominal", "Xan calls Mahmoud Abbas's security cooperation with Yel collaboration.", {}, {}),
    ("nominal", "Pax criticised the minister's growing military ties with Yel.", {}, {"py": "-"}),
    ("nominal", "Pax calls Quor's security cooperation with Yel collaboration.", {"qy": "+"}, {}),
    ("nominal", "Pax stepped up its security cooperation with Yel.", {"py": "+"}, {}),
    ("nominal", "After Pax ordered Quor troops out, the Alliance of Sahel States it formed with Yel left the bloc.",
     {}, {"py": "+", "pq": "-"}),
    ("nominal", "Pax signs Alliance With Yel.", {"py": "+"}, {}),
    # --- relation nouns and appositions
    ("relation noun", "Xan's ally Zed attacked Yel.", {"xz": "+", "yz": "-"}, {"xy": "-"}),
    ("relation noun", "Pax's rival Yel condemned the move.", {"py": "-"}, {}),
    ("relation noun", "Yel, a close ally of Pax, condemned Xan.", {"py": "+", "xy": "-"}, {"px": "-"}),
    ("relation noun", "Pax and its allies, Quor and Yel, condemned Xan.",
     {"pq": "+", "py": "+", "px": "-", "qx": "-", "xy": "-"}, {"qy": "+"}),
    ("relation noun", "Yel, Xan's main foreign backer, denied the report.", {"xy": "+"}, {}),
    ("relation noun", "Pax's ally Yel attacked Xan.", {"py": "+", "xy": "-"}, {"px": "-"}),
    ("relation noun", "Xan said its ally Zed had attacked Yel.", {"xz": "+", "yz": "-"}, {"xy": "-"}),
    ("relation noun", "Pax's proxy Xan shelled Yel positions.", {"px": "+", "xy": "-"}, {"py": "-"}),
    ("relation noun", "Pax's main rival Yel has attacked Xan.", {"py": "-", "xy": "-"}, {"px": "+"}),
    ("relation noun", "Xan ambushed Pax's ally Yel.", {"py": "+", "xy": "-"}, {"px": "-"}),
    ("relation noun", "Pax's former ally Yel attacked Xan.", {"xy": "-"}, {}),
    ("relation noun", "Pax's ally attacked Xan.", {}, {}),  # the ally is not named: not Pax
    # --- alignment, rapprochement, rupture
    ("alignment/rupture", "Pax sided with Xan in the dispute.", {"px": "+"}, {}),
    ("alignment/rupture", "Pax broke with Quor over the war.", {"pq": "-"}, {}),
    ("alignment/rupture", "Pax normalised ties with Yel in March.", {"py": "+"}, {}),
    ("alignment/rupture", "Pax restored diplomatic relations with Yel.", {"py": "+"}, {}),
    ("alignment/rupture", "Pax cut diplomatic ties with Yel.", {"py": "-"}, {}),
    ("alignment/rupture", "Pax expelled Yel's ambassador.", {"py": "-"}, {}),
    ("alignment/rupture", "Pax has turned away from Quor, its former patron.", {"pq": "-"}, {}),
    ("alignment/rupture", "Relations between Pax and Yel have rarely been worse.", {"py": "-"}, {}),
    ("alignment/rupture", "Pax and Yel have grown closer since the war began.", {"py": "+"}, {}),
    ("alignment/rupture", "Pax recalled its ambassador from Yel.", {"py": "-"}, {}),
    ("alignment/rupture", "Pax has distanced itself from Quor.", {"pq": "-"}, {}),
    ("alignment/rupture", "Pax has drawn closer to Yel.", {"py": "+"}, {}),
    ("alignment/rupture", "Pax aligned itself with Yel.", {"py": "+"}, {}),
    # round 10: v-karabakh-1's "has frozen its membership of", "buys its artillery from"; u-somalia-2's defence pact
    ("alignment/rupture", "Pax has frozen its membership of Quor.", {"pq": "-"}, {}),
    ("alignment/rupture", "Pax suspended its membership of Quor last year.", {"pq": "-"}, {}),
    ("alignment/rupture", "Pax has not frozen its membership of Quor.", {}, {}),
    ("alignment/rupture", "Pax signed a defence pact with Yel and flew in arms.", {"py": "+"}, {}),
    ("alignment/rupture", "Pax refused to sign a defence pact with Yel.", {}, {}),
    ("active verb", "Pax now buys its artillery from Yel and Quor.", {"py": "+", "pq": "+"}, {}),
    ("active verb", "Pax would never buy drones from Yel.", {}, {}),
    ("active verb", "Xan, which has traded fire with Yel since October, said it would respect any deal.",
     {"xy": "-"}, {}),
    ("active verb", "Xan fighters traded fire with Yel troops overnight.", {"xy": "-"}, {}),
    ("active verb", "Pax said it would not trade fire with Yel.", {}, {}),
    ("active verb", "Pax still supplies shells to Yel.", {"py": "+"}, {}),
    ("active verb", "Pax will supply artillery and radars to Xan.", {"px": "+"}, {}),
    ("active verb", "Pax sends arms to Xan through Quor.", {"px": "+"}, {"pq": "+"}),
    ("active verb", "Xan has attacked shipping to Yel for months.", {}, {"xy": "-"}),
    # --- mediation: no tie for the mediator, none between the parties it mediates between
    ("mediation", "Quor mediated between Pax and Yel.", {}, {"py": "-"}),
    ("mediation", "Quor brokered a ceasefire between Xan and Zed.", {}, {"xz": "-"}),
    ("mediation", "Pax hosted talks between Xan and Zed.", {}, {}),
    ("mediation", "Quor is mediating between Xan and Yel.", {}, {"xy": "-"}),
    # "emerged as", "made X Y's friend", "X's rupture with Y" (round 7)
    ("relation noun", "Pax has emerged as Yel's most important security partner.", {"py": "+"}, {}),
    ("relation noun", "Quor's stance has made Pax Yel's most reliable friend.", {"py": "+"}, {}),
    ("relation noun", "Pax served as Yel's main supplier of arms.", {"py": "+"}, {}),
    ("relation noun", "Yel's decision made Pax a pariah.", {}, {}),
    ("alignment/rupture", "Pax's rupture with Yel over the border question has left Pax isolated.", {"py": "-"}, {}),
    ("alignment/rupture", "The rupture between Pax and Quor deepened.", {"pq": "-"}, {}),
    ("relation noun", '"Xan remains a threat to our people," a Yel minister said.', {"xy": "-"}, {}),
    ("relation noun", "Pax said Xan remains a threat to Yel.", {"xy": "-"}, {}),
    ("relation noun", 'Yel said: "Pax is an ally of our country."', {"py": "+"}, {}),
    ("relation noun", "Pax's threat to attack Yel has faded.", {}, {"py": "-"}),
    ("alignment/rupture", 'Yel said: "We reject Pax\'s deployment of troops to Quor."', {"py": "-"}, {"pq": "+"}),
    ("alignment/rupture", "Yel never opposed Pax's presence.", {}, {}),
    ("alignment/rupture", "Yel has frozen its participation in the Pax-led bloc.", {}, {"py": "-"}),
    # partners in a fight: the phrase says what they share, not where they are (round 7)
    ("relation noun", '"Xan remains our closest partner in the fight against Zed," a Pax minister said.',
     {"px": "+", "xz": "-"}, {"pz": "-"}),
    ("relation noun", "Xan, Pax's partner in the war on Zed, attacked Yel.", {"px": "+", "xy": "-", "xz": "-"},
     {"pz": "-", "py": "-"}),
    ("relation noun", "Xan is Pax's main ally in the fight against Zed.", {"px": "+", "xz": "-"}, {"pz": "-"}),
    ("relation noun", "Pax's allies in the fight, Xan and Zed, met on Monday.", {"px": "+", "pz": "+"}, {"xz": "+"}),
    # --- lists of allies after the noun (eleventh round): each member is the owner's ally, not each other's
    ("ally list", "Pax's network of allies, Xan in the north, Zed in the south and militias in the east, was built "
     "to deter Yel.", {"px": "+", "pz": "+"}, {"py": "-"}),
    ("ally list", "Pax's allies, Xan in the north and the Zed in the south, met on Monday.", {"px": "+", "pz": "+"}, {}),
    ("ally list", "Pax's web of proxies, Xan, Zed and armed groups in the east, has been weakened.",
     {"px": "+", "pz": "+"}, {}),
    ("ally list", "Pax's regional partners, Quor and Yel, met on Monday.", {"pq": "+", "py": "+"}, {}),
    ("ally list", "Pax's former allies, Xan in the north and Zed in the south, met.", {}, {}),
    ("ally list", "The war's sides, Xan in the north and Zed in the south, agreed to talk.", {}, {}),
    ("ally list", "Pax's allies fought against Xan, Zed and Yel.", {}, {}),
    ("ally list", "The juntas in Pax, Yel and Niamey, which left Zed in January, have turned to Quor for security.",
     {"pq": "+", "qy": "+"}, {"py": "+"}),
    ("ally list", "The juntas of Pax and Yel have expelled Quor forces.", {"pq": "-", "qy": "-"}, {"py": "+"}),
    ("ally list", "Troops in Pax and Yel have expelled Quor forces.", {}, {}),
    # --- co-fighters (eleventh round): co-agents of one hostile act, the objects of one "alongside"
    ("co-fighters", "Pax troops and Xan fighters killed dozens of civilians in a raid on a village.", {"px": "+"}, {}),
    ("co-fighters", "Pax and Xan jointly shelled the town.", {"px": "+"}, {}),
    ("co-fighters", "Pax and Xan launched a joint offensive on the town.", {"px": "+"}, {}),
    ("co-fighters", "Pax and Xan jointly attacked Zed.", {"px": "+", "pz": "-", "xz": "-"}, {}),
    ("co-fighters", "Pax and Xan attacked Zed.", {"pz": "-", "xz": "-"}, {}),
    ("co-fighters", "Quor troops remain in the south alongside Pax forces and Xan fighters.",
     {"pq": "+", "qx": "+"}, {"px": "+"}),
    ("co-fighters", "Quor said its Xan units would keep fighting alongside Zed.", {"qx": "+", "xz": "+"}, {"qz": "+"}),
    ("co-fighters", "Pax and Xan fought each other in a raid.", {"px": "-"}, {}),
    ("co-fighters", "Clashes between Pax and Xan killed ten in an attack.", {"px": "-"}, {}),
    ("co-fighters", "Pax and Xan have both attacked Zed.", {"pz": "-", "xz": "-"}, {}),
    ("co-fighters", "Pax and Xan were killed in a raid by Zed.", {"pz": "-", "xz": "-"}, {}),
    ("co-fighters", "Pax and Xan fought near the town in an offensive.", {}, {}),
    ("co-fighters", "Pax and Xan killed dozens of civilians.", {}, {}),
    ("co-fighters", "Pax, Xan and Zed are the parties to the war.", {}, {}),
    # --- coordination and lists
    ("coordination", "Xan and Zed attacked Yel.", {"xy": "-", "yz": "-"}, {"xz": "+"}),
    ("coordination", "Pax and Quor are backing Xan.", {"px": "+", "qx": "+"}, {"pq": "+"}),
    ("coordination", "Xan attacked Yel and Pax.", {"xy": "-", "px": "-"}, {"py": "+"}),
    ("coordination", "Pax condemned Xan and Zed.", {"px": "-", "pz": "-"}, {"xz": "+"}),
    ("coordination", "Pax, Quor and Yel signed a defence pact.", {"pq": "+", "py": "+", "qy": "+"}, {}),
    ("coordination", "Pax is to end its support for Xan and Yel is to disarm Zed.", {"yz": "-"}, {}),
    ("coordination", "Pax backs Xan and Yel has attacked Zed.", {"px": "+", "yz": "-"}, {}),
    ("coordination", "Pax armed Xan and Zed fighters attacked Yel.", {"px": "+", "yz": "-"}, {}),
    ("coordination", "Pax will cut its aid to Xan, while Yel will keep arming Zed.", {"yz": "+"}, {}),
    # forming an alliance; "X, along with Y," as part of the subject (round 7)
    ("coordination", "Xan, along with Zed and Quor, forms the Three Brotherhood Alliance.",
     {"xz": "+", "qx": "+", "qz": "+"}, {}),
    ("coordination", "Pax shelled Yel; Xan, along with Zed, attacked Quor.", {"py": "-", "qx": "-", "qz": "-"},
     {"xz": "+"}),
    ("coordination", "Xan and Zed formed a joint front last year.", {"xz": "+"}, {}),
    ("coordination", "Xan formed an alliance with Zed.", {"xz": "+"}, {}),
    ("coordination", "Xan and Zed could form an alliance if talks succeed.", {}, {}),
    ("coordination", "Xan and Zed created rifts in the alliance.", {}, {"xz": "-"}),
    ("coordination", "Pax attacked Xan, along with Zed, on Monday.", {"px": "-"}, {"pz": "-"}),
    # --- reported speech and accusations
    ("reported speech", "Pax said Yel had attacked it.", {"py": "-"}, {}),
    ("reported speech", "Pax accused Yel of arming Xan.", {"py": "-"}, {"xy": "+"}),
    ("reported speech", "Pax said its Xan rivals had attacked Yel.", {"xy": "-"}, {"px": "-"}),
    ("reported speech", "Xan said Pax was supplying it with weapons.", {"px": "+"}, {}),
    ("reported speech", "Yel blamed Xan for the bombing.", {"xy": "-"}, {}),
    ("reported speech", "Yel said Xan fighters had attacked its troops.", {"xy": "-"}, {}),
    ("reported speech", "Pax says Yel attacked it on Monday.", {"py": "-"}, {}),
    ("reported speech", "Pax said on Monday that Yel had been arming it.", {"py": "+"}, {}),
    ("reported speech", "Pax said Yel and Xan had attacked it.", {"py": "-", "px": "-"}, {"xy": "+"}),
    ("reported speech", "Zed said Xan had shelled its positions.", {"xz": "-"}, {}),
    # --- force nouns (Yel is the only state here)
    ("force noun", "Government troops clashed with Xan fighters.", {"xy": "-"}, {}, ONE_STATE),
    ("force noun", "The army shelled Xan positions.", {"xy": "-"}, {}, ONE_STATE),
    ("force noun", "Security forces killed ten Xan fighters.", {"xy": "-"}, {}, ONE_STATE),
    ("force noun", "Xan's fighters attacked Zed.", {"xz": "-"}, {}, ONE_STATE),
    ("force noun", "Government forces retook the town from Zed.", {"yz": "-"}, {}, ONE_STATE),
    ("force noun", "Soldiers and Xan fighters fought side by side against Zed.", {"xz": "-"}, {"xy": "+", "yz": "-"},
     ONE_STATE),
    ("force noun", "Government troops clashed with Xan fighters.", {}, {}),  # several states: whose?
    ("force noun", "Regime forces bombed Xan strongholds.", {"xy": "-"}, {}, ONE_STATE),
    ("force noun", "The military launched an offensive against Zed.", {"yz": "-"}, {}, ONE_STATE),
    ("force noun", "Xan fighters ambushed a convoy of government soldiers.", {"xy": "-"}, {}, ONE_STATE),
    ("force noun", "Xan-backed militias attacked Zed.", {}, {"xz": "-"}),  # the militias attacked, not Xan
    ("force noun", "Pro-Pax militias attacked Yel.", {}, {"py": "-"}),
    ("force noun", "Security forces and Xan fighters fought Zed.", {"xz": "-", "yz": "-"}, {"xy": "+"}, ONE_STATE),
    ("force noun", "KHARTOUM (Wire) - Government troops shelled Xan positions.", {"xy": "-"}, {}, ONE_STATE),
    ("force noun", "GOMA, May 3 (Wire) -- Security forces killed ten Zed fighters.", {"yz": "-"}, {}, ONE_STATE),
    ("force noun", "BAMAKO (Wire) — The army repelled a Xan attack on Tuesday.", {"xy": "-"}, {}, ONE_STATE),
    # round 10: "the army" for a junta named "... military" when two states are called governments (v-myanmar-1)
    ("force noun", "Xan kept fighting the army in the north.", {"jx": "-"}, {}, MILITARY),
    ("force noun", "Xan said the military had bombed its positions.", {"jx": "-"}, {}, MILITARY),
    ("force noun", "Xan stormed a military base near the border.", {}, {"jx": "-"}, MILITARY),  # the junta's, likely
    # --- headlines without a full stop, and datelines with a long dash only (round 7)
    ("headline", "Xan attacks Yel town\nBAMAKO, Pax \u2014 Zed fighters said they had clashed with Quor.", {"xy": "-", "qz": "-"},
     {}),
    ("headline", "Pax arms Xan as war widens\nGOMA (Wire) - Xan said it had attacked Yel.", {"px": "+", "xy": "-"}, {}),
    ("headline", "Xan, Zed reject truce GOMA, May 3 (Wire) - Xan said its fighters had attacked Yel.",
     {"xy": "-"}, {"xz": "+"}),
    ("headline", "KYIV \u2014 Xan fighters shelled Yel positions on Sunday.", {"xy": "-"}, {}),
    ("headline", "EL FASHER, Yel, May 2 (Wire) - Xan, backed by Pax, shelled Yel.", {"px": "+", "xy": "-"}, {}),
    ("headline", "Xan shells camp EL FASHER, May 2 (Wire) - Zed fighters said they had clashed with Quor.",
     {"qz": "-"}, {}),
    ("headline", "Yel says Xan attacked convoy\nGOMA \u2014 Xan fighters ambushed a Yel convoy.", {"xy": "-"}, {}),
    # --- unnamed groups: a phrase cue after "fighters", "militias" is said of them, not of the subject (round 7)
    ("unnamed group", "Pax shelled Quor after rebels loyal to Yel seized the border post.", {"pq": "-"}, {}),
    ("unnamed group", "Yel bombed villages after militias allied with Xan attacked a convoy.", {}, {}),
    ("unnamed group", "Pax condemned gunmen backed by Xan.", {}, {}),
    ("unnamed group", "Yel struck Zed positions as local fighters aligned with Pax fled.", {"yz": "-"}, {}),
    ("unnamed group", "Pax armed Xan before militiamen loyal to Quor attacked Yel.", {"px": "+"}, {"qy": "-"}),
    ("unnamed group", "Xan fighters loyal to Pax attacked Yel.", {"px": "+", "xy": "-"}, {"py": "-"}),
    ("unnamed group", "Quor accused Pax of deploying 3,000 of its own soldiers alongside Xan.", {"pq": "-"},
     {"px": "+"}),
    ("anaphora", "Pax shelled Yel, and Quor, long the generals' main backer, said nothing.", {"py": "-", "qy": "+"}, {},
     GENERALS),
    ("anaphora", "Xan fighters overran the rebels' last stronghold.", {}, {}),
    # --- anaphora
    ("anaphora", "Yel forces, backed by Pax air strikes, killed ten Xan fighters, the government said.",
     {"py": "+", "xy": "-"}, {}, GOVERNMENT),
    ("anaphora", "Pax jets struck Xan positions near the border, the government said on Monday.", {"px": "-"}, {},
     GOVERNMENT),
    ("anaphora", "Xan seized the town. The group later attacked Yel.", {"xy": "-"}, {}),
    ("anaphora", "Pax backs Xan. It also arms Zed.", {"px": "+", "pz": "+"}, {"xz": "+"}),
    ("anaphora", "Xan and Zed fought Yel. The group then attacked Pax.", {"xy": "-", "yz": "-"}, {"xz": "+"}),
    ("anaphora", "Yel is fighting Xan. The country also accuses Pax of arming the group.",
     {"xy": "-", "py": "-"}, {"px": "+"}),
    ("anaphora", "Xan has lost ground to Yel. The militia says Pax arms it.", {"xy": "-", "px": "+"}, {}),
    ("anaphora", "Zed took the port in May, and the movement has since clashed with Xan.", {"xz": "-"}, {}),
    # "it" with several candidates: the teller after "assured him", the accuser, else nothing (round 9)
    ("anaphora", "Yel said Pax had armed Yel and that Quor had assured him it would attack Xan.",
     {"py": "+", "qx": "-"}, {}),
    ("anaphora", "Pax told Yel it would keep arming Xan.", {"px": "+"}, {}),
    ("anaphora", "Quor denied Yel claims that it arms Xan.", {}, {}),
    ("anaphora", "Pax accused Yel of sending militias against it.", {"py": "-"}, {}),
    ("anaphora", "Pax condemned Yel and Quor praised it.", {"py": "-"}, {}),
    ("anaphora", "Yel said on Tuesday it had repelled an attack by Xan.", {"xy": "-"}, {}),
    ("reported speech", "Yel said Quor had assured it that Pax would attack Xan.", {"px": "-"}, {}),
    ("reported speech", "Quor promised it would attack Xan.", {"qx": "-"}, {}),
    # --- negation, hedge, denial
    ("negation/hedge", "Pax has not attacked Yel.", {}, {}),
    ("negation/hedge", "Pax denied arming Xan.", {}, {}),
    ("negation/hedge", "Pax reportedly armed Xan.", {"px": "+"}, {}),
    ("negation/hedge", "Pax is alleged to have supplied weapons to Xan.", {"px": "+"}, {}),
    ("negation/hedge", "Pax refused to back Xan.", {}, {}),
    ("negation/hedge", "Pax has never supported Xan.", {}, {}),
    ("negation/hedge", "Pax stopped short of condemning Yel.", {}, {}),
    ("negation/hedge", "Yel had trained Xan defectors, an accusation Pax denied.", {}, {}),  # defectors are not Xan
    ("negation/hedge", "Xan deserters attacked Yel.", {}, {}),
    ("negation/hedge", "Yel deployed trained Xan fighters.", {}, {}),  # who trained them is not said
    # hypotheticals, averted wars and relations that once were (round 7: nothing, or only what still holds)
    ("negation/hedge", "Pax could arm Xan, analysts warned.", {}, {}),
    ("negation/hedge", "Pax might send troops to help Yel.", {}, {}),
    ("negation/hedge", "Pax wants to avoid a war with Yel.", {}, {}),
    ("negation/hedge", "Quor is working to avert a conflict between Pax and Yel.", {}, {}),
    ("negation/hedge", "Pax and Yel, once allies, have drifted apart.", {}, {"py": "-"}),
    ("negation/hedge", "Yel, once Pax's closest ally, now backs Xan.", {}, {"xy": "+"}),
    ("negation/hedge", "Pax could have armed Xan, a UN report said.", {}, {"px": "+"}),
    ("negation/hedge", "Xan said Pax had armed Zed, a claim Pax rejected.", {}, {"pz": "+"}),
    ("negation/hedge", "Pax backed Yel, then turned on it.", {}, {"py": "+-"}),
    ("negation/hedge", "Pax backed Yel before turning on it.", {}, {"py": "+-"}),
    # a third party's claim is the speaker's allegation (hedged, round 8); the reply's clause is its own
    ("reported claim", "Yel said Quor was arming Xan.", {"qx": "+"}, {}),
    ("reported claim", "Quor was arming Xan, Yel's foreign minister said.", {"qx": "+"}, {}),
    ("reported claim", "Pax's ambassador replied that Quor was arming Zed.", {"qz": "+"}, {}),
    ("reported claim", "Yel's envoy responded that Xan had attacked Pax.", {"px": "-"}, {}),
    ("reported claim", "Pax said Yel had attacked it.", {"py": "-"}, {}),
    ("reported claim", "Xan attacked Yel, the Yel defence ministry said.", {"xy": "-"}, {}),
    # a help phrase after a passive's agent is the agent's; a second verb after "accused Y of V-ing" is the
    # subject's again; a state after a compass word is a place (round 8: u-'s two wrong signs, one false pair)
    ("passive", "Xan fighters were killed in strikes carried out by Pax in support of Yel forces.",
     {"py": "+"}, {"px": "-", "xy": "-"}),
    ("passive", "Zed was attacked by Xan alongside Quor troops.", {"xz": "-", "qx": "+"}, {"qz": "-"}),
    ("negation/hedge", "Yel accused Pax of abandoning it and froze its participation in Zed.", {"py": "-", "yz": "-"}, {}),
    ("negation/hedge", "Yel accused Pax of arming Xan and recalled its envoy.", {"py": "-"}, {"px": "+"}),
    ("negation/hedge", "The Xan mission was ordered to withdraw from eastern Yel.", {}, {}),
    ("negation/hedge", "Pax withdrew from the Yel-led bloc and from northern Quor.", {}, {}),
    # a reversal's base form after a modal or "to" undoes its object too (round 9: v-'s wrong Hungary-Russia rival)
    ("negation/hedge", "Pax would veto any new sanctions on Yel.", {}, {}),
    ("negation/hedge", "Pax vowed to block sanctions against Yel.", {}, {}),
    ("negation/hedge", "Pax will impose sanctions on Yel.", {"py": "-"}, {}),
    # a tie the same sentence says has ended: an anaphoric rupture, an expulsion by the partner (round 9)
    ("negation/hedge", "Pax, which has cooperated with Yel for years, suspended that coordination.", {}, {}),
    ("negation/hedge", "Pax has armed Xan for years and ended that support in May.", {}, {}),
    ("negation/hedge", "Xan fighters, who had fought Zed alongside Yel troops, were ordered out of a base by Yel.",
     {"xz": "-"}, {"yz": "-"}),
    ("negation/hedge", "Pax, backed by Quor, was expelled from the town by Yel.", {"pq": "+", "py": "-"}, {}),
    ("negation/hedge", "Pax, which had backed Xan until 2020, now supports Zed.", {"pz": "+"}, {}),
    ("negation/hedge", "Pax armed Xan until last year.", {}, {}),
    ("negation/hedge", "Pax has backed Xan since 2019.", {"px": "+"}, {}),
    ("negation/hedge", "Pax used to arm Xan.", {}, {}),
    # a tie before a time (round 11, part D): "Before the war, the RSF and the army were partners"
    ("negation/hedge", "Before the war, Pax and Yel were partners.", {}, {}),
    ("negation/hedge", "Until the coup, Pax was Yel's main backer.", {}, {}),
    ("negation/hedge", "Pax and Yel were allies prior to the 2020 elections.", {}, {}),
    ("negation/hedge", "Before the war, Pax and Yel were partners; now Pax arms Xan.", {"px": "+"}, {}),
    ("negation/hedge", "Pax has backed Xan since before the war.", {"px": "+"}, {}),
    ("negation/hedge", "Before the ceasefire, Xan attacked Yel.", {"xy": "-"}, {}),
    ("negation/hedge", "Xan said it had received no weapons from Pax, as Yel claims.", {}, {}),
    ("negation/hedge", "Pax supplied no drones to Xan.", {}, {}),
    ("negation/hedge", "Xan has bought no arms from Pax since 2020.", {}, {}),
    # --- quotes
    ("quote", '"We will keep fighting Yel," a Xan commander said.', {"xy": "-"}, {}),
    ("quote", '"Pax is our closest partner," a Yel minister said.', {"py": "+"}, {}),
    ("quote", '"Pax remains our most important ally," Yel\'s foreign minister said.', {"py": "+"}, {}),
    ("quote", '"Our ally Pax has sent weapons," a Yel minister said.', {"py": "+"}, {}),
    ("quote", '"Pax is our enemy," a Xan commander said.', {"px": "-"}, {}),
    ("quote", '"We thank our partners in Pax," a Yel minister said.', {}, {}),  # people in Pax, not its state
    ("quote", 'Xan called Yel "an enemy of the people".', {"xy": "-"}, {}),
    ("quote", "Pax called Yel a terrorist organisation.", {"py": "-"}, {}),
    ("quote", "Yel described Pax as a strategic partner.", {"py": "+"}, {}),
    ("quote", "Pax has branded Xan a threat to the region.", {"px": "-"}, {}),
    ("quote", "Pax never called Yel an enemy.", {}, {}),
    ("quote", '"We will fight Yel to the end," said a Xan commander.', {"xy": "-"}, {}),
    # a quote in the next sentence goes on with the same speaker; a dash before a new subject ends a clause
    ("quote", '"We will fight Yel," a Xan commander said. "Zed are our comrades."', {"xy": "-", "xz": "+"}, {}),
    ("quote", '"We will fight Yel," a Xan commander said. Pax said nothing. "Zed are our comrades."', {"xy": "-"},
     {}),
    ("quote", "Pax is not our friend - it gives Xan jets, a Yel minister said.", {"px": "+"}, {}),
    # a colon quote after a long speaker phrase, a quote over several sentences, a third party after it (round 7)
    ("quote", "Xan's military spokesman, Abu Omar, said in a televised address: \"Our forces targeted a Yel warship.\"",
     {"xy": "-"}, {}),
    ("quote", 'Pax said in a statement: "Our forces will stay. We will not negotiate with Xan while it shells our towns."',
     {"px": "-"}, {}),
    ("quote", 'Xan said in a statement: "Our fighters captured three Yel camps. We fight alongside Zed."',
     {"xy": "-", "xz": "+"}, {}),
    ("quote", 'Pax and Quor said in a joint statement: "We condemn the attack on our embassy by Xan."', {},
     {"px": "-", "qx": "-"}),
    ("quote", 'Pax\'s envoy said: "Yel is arming our enemies," adding that Xan had been warned.', {"py": "-"}, {}),
    ("quote", 'Pax said: "Yel has attacked our border posts." Xan said it was not involved.', {"py": "-"}, {}),
    # a question states nothing unless a yes or no answers it (after round 10)
    ("question", "Q: Is Pax arming Xan? A: No.", {}, {}),
    ("question", "Q: Is Quor still arming Yel? A: Yes, every month.", {"qy": "+"}, {}),
    ("question", "Has Xan attacked Yel again? The ministry would not say.", {}, {}),
    ("question", "Will Pax break with Quor? Few diplomats think so.", {}, {}),
    ("question", 'Pax\'s envoy asked: "Why is Yel arming Zed?"', {}, {}),
    # a country's officials and regular troops are its one state actor's (round 11 B)
    ("official", "Sudan's foreign minister accused the UAE of arming the RSF.", {"su": "-"}, {"ru": "+"}, COUNTRY),
    ("official", "Sudan's top diplomat thanked the UAE for its support.", {"su": "+"}, {}, COUNTRY),
    ("official", "The Sudanese defence minister vowed to fight the RSF.", {"rs": "-"}, {}, COUNTRY),
    ("official", "Sudanese officials accused the RSF of shelling the camp.", {"rs": "-"}, {}, COUNTRY),
    ("official", "The foreign minister of Sudan condemned the UAE.", {"su": "-"}, {}, COUNTRY),
    ("official", "The RSF said it had attacked Sudanese government positions.", {"rs": "-"}, {}, COUNTRY),
    ("official", "Fighting in Sudan went on as the RSF attacked the Joint Forces.", {"jr": "-"}, {}, COUNTRY),
    ("official", "Talks on Sudan's future opened in the UAE.", {}, {}, COUNTRY),
    ("official", "Sudan's cities were shelled by the RSF.", {}, {}, COUNTRY),
    ("official", "South Sudan's president condemned the UAE.", {}, {}, COUNTRY),
    ("force noun", "The RSF attacked regular troops near the airport.", {"rs": "-"}, {}, COUNTRY),
    ("force noun", "Joint Forces fighters fought alongside regular troops.", {"js": "+"}, {}, COUNTRY),
    ("force noun", "The army repelled an assault by the RSF, a spokesman said, adding that the Joint Forces had "
     "fought alongside regular troops.", {"rs": "-", "js": "+"}, {}, COUNTRY),
    ("force noun", "The RSF attacked the camp, adding that regular troops had fled.", {}, {}, COUNTRY),
    ("force noun", "The RSF shelled the camp, a day after the army repelled a paramilitary assault.", {"rs": "-"}, {},
     COUNTRY),
    ("force noun", "The RSF shelled the camp. The Joint Forces repelled a paramilitary raid.", {"jr": "-"}, {}, COUNTRY),
    ("force noun", "The army repelled a paramilitary assault on the airport.", {}, {}, COUNTRY),
    ("force noun", "The Joint Forces repelled a paramilitary assault on the airport.", {}, {}, COUNTRY),
    # a strike on a place inside a state targets the state; where something happened does not (round 11 B)
    ("place target", "Ukrainian drones struck an oil refinery deep inside Russia.", {"ru": "-"}, {}, COUNTRIES),
    ("place target", "Russian missiles hit targets inside Ukraine.", {"ru": "-"}, {}, COUNTRIES),
    ("place target", "Russia bombed power plants across Ukraine overnight.", {"ru": "-"}, {}, COUNTRIES),
    ("place target", "Ukraine attacked an airfield in Russia.", {"ru": "-"}, {}, COUNTRIES),
    ("place target", "Russia launched strikes on Ukrainian cities.", {"ru": "-"}, {}, COUNTRIES),
    ("place target", "Without Iranian drones, Moscow could not sustain its strikes on Ukrainian cities.", {"ru": "-"},
     {}, COUNTRIES),
    ("place target", "Russia and Xan clashed in Ukraine.", {"rx": "-"}, {}, COUNTRIES),
    ("place target", "Talks in Moscow between Ukraine and Washington ended.", {}, {}, COUNTRIES),
    ("place target", "Washington sent aid to cities in Ukraine.", {}, {}, COUNTRIES),
    ("place target", "Xan attacked a refinery in Syria.", {}, {}, COUNTRIES),
    ("place target", "Russian jets bombed towns in Syria.", {}, {}, COUNTRIES),
    ("place target", "Ukrainian drones did not strike refineries inside Russia.", {}, {}, COUNTRIES),
    ("place target", "A refinery was struck deep inside Russia.", {}, {}, COUNTRIES),
    ("place target", "Russia did not launch strikes on Ukrainian cities.", {}, {}, COUNTRIES),
    # "X said (that) it ...": it is the speaker X, not the sentence's first actor (round 12)
    ("said it", "Xan attacked a Yel base, a day after Pax said it had struck the group in coordination with Quor.",
     {"pq": "+", "xy": "-"}, {"px": "-"}),
    ("said it", "Xan attacked Yel after Pax said that it would arm Quor.", {"pq": "+", "xy": "-"}, {}),
    ("said it", "Xan attacked Yel, and Pax's foreign ministry said on Tuesday it would back Quor.",
     {"pq": "+", "xy": "-"}, {}),
    ("said it", "Xan shelled Yel before Pax also said it had armed Zed.", {"pz": "+", "xy": "-"}, {}),
    ("said it", "Pax said it would back Quor against Xan.", {"pq": "+", "px": "-"}, {}),
    ("said it", "Xan shelled Yel, a day after Pax and Quor said it would arm Zed.", {"xy": "-"}, {}),
    ("said it", "Xan shelled Yel after the minister said it would arm Zed.", {"xy": "-"}, {}),
    ("said it", "Xan shelled Yel, and Pax said Quor had attacked it.", {"xy": "-"}, {"pq": "-"}),
    # what follows a quote's attribution is the speaker's, not the quote's last actor's (round 12)
    ("speaker's tail", '"Yel stood by us," the Pax minister told parliament in a speech that also thanked Quor.',
     {"py": "+", "pq": "+"}, {}),
    ("speaker's tail", '"Yel stood by us," Pax told parliament in a speech that also thanked Quor.',
     {"py": "+", "pq": "+"}, {}),
    ("speaker's tail", '"Yel stood by us," Pax said, thanking Quor.', {"py": "+", "pq": "+"}, {}),
    ("speaker's tail", '"Yel stood by us," Pax said in a statement that condemned Xan.', {"py": "+"}, {"px": "-"}),
    ("speaker's tail", '"Xan will fall," Pax said in a speech that also thanked Quor.', {}, {"pq": "+", "px": "-"}),
    ("speaker's tail", '"Yel stood by us," the minister said in a speech that also thanked Quor.', {}, {}),
    ("speaker's tail", '"Yel stood by us," Pax said, adding that Yel had also armed Xan.',
     {"py": "+", "xy": "+"}, {}),
    # a relation noun in a naming predicate is the named one's tie, the namer's claim (round 12)
    ("naming predicate", "Pax has called Yel Xan's main sponsor.", {"xy": "+"}, {}),
    ("naming predicate", "Quor, which has branded Yel Xan's chief backer, cut ties with Pax.",
     {"pq": "-", "xy": "+"}, {}),
    ("naming predicate", "Pax described Yel as Xan's main sponsor.", {}, {"xy": "+"}),
    ("naming predicate", "Pax calls Yel the main ally of Xan.", {}, {"xy": "+"}),
    ("naming predicate", "Pax called Yel its main ally.", {"py": "+"}, {}),
    ("naming predicate", "Pax called Yel a terrorist state.", {"py": "-"}, {}),
    ("naming predicate", "Pax has been Xan's main sponsor.", {"px": "+"}, {}),
    ("naming predicate", "Pax has made Yel Xan's main sponsor.", {"xy": "+"}, {}),
    # a report's claim, and its subject's rebuttal in the next sentence: alleged (and denied), the sign kept
    # (round 12; the hedges themselves are checked in tests/extract/test_constructions.py)
    ("report and rebuttal", "A UN report seen by the Wire says Pax soldiers fight alongside Xan. Pax and Yel "
     "rejected the findings.", {"px": "+"}, {}),
    ("report and rebuttal", "A report by UN experts found that Pax had armed Xan.", {"px": "+"}, {}),
    ("report and rebuttal", "Pax rejected what it called baseless allegations by Yel that its cargo flights had "
     "delivered weapons to Xan.", {"px": "+"}, {}),
    ("report and rebuttal", "Pax accused Yel of arming Xan. Yel rejected the accusation.", {"py": "-", "xy": "+"}, {}),
    ("report and rebuttal", "A report says Quor armed Xan. Pax rejected the findings.", {"qx": "+"}, {}),
    ("report and rebuttal", "Pax attacked Xan. Pax rejected the peace plan.", {"px": "-"}, {}),
    # --- thirteenth round, part B (i17s): ties stated as nouns and prepositional phrases
    ("tie as a noun", "Pax troops remain deployed in the north under a bilateral arrangement with Yel.", {"py": "+"}, {}),
    ("tie as a noun", "Pax kept thousands of soldiers deployed under a separate agreement with Yel.", {"py": "+"}, {}),
    ("tie as a noun", "Pax, which has soldiers in the north hunting Xan under an agreement with Yel, attacked Zed.",
     {"py": "+", "pz": "-"}, {"px": "-"}),
    ("tie as a noun", "Pax has a naval base on the coast under a 30-year lease agreement with Yel.", {"py": "+"}, {}),
    ("tie as a noun", "Pax's alliance with Yel has held for years.", {"py": "+"}, {}),
    ("tie as a noun", "Pax's partnership with Yel has deepened.", {"py": "+"}, {}),
    ("tie as a noun", "Pax's cooperation with Yel has grown.", {"py": "+"}, {}),
    ("tie as a noun", "Pax's rivalry with Yel has deepened.", {"py": "-"}, {}),
    ("tie as a noun", "Pax's quarrel with Yel over the port deal drew Quor in.", {"py": "-"}, {}),
    ("tie as a noun", "Pax's war with Xan has entered its third year.", {"px": "-"}, {}),
    ("tie as a noun", "The conflict between Pax and Xan has killed thousands.", {"px": "-"}, {}),
    ("tie as a noun", "Quor offered to mediate in the conflict between Pax and Xan.", {"px": "-"}, {}),
    ("tie as a noun", "Xan's main backer, Pax, condemned the strikes.", {"px": "+"}, {}),
    ("tie as a noun", "Pax struck Xan in coordination with Yel.", {"px": "-", "py": "+"}, {}),
    # traps: a deal between enemies, a presence that ends, a tie said to be over, talks
    ("tie as a noun", "Xan fighters were evacuated from the town under a deal with Yel.", {}, {}),
    ("tie as a noun", "Pax troops remain deployed under a ceasefire agreement with Xan.", {}, {}),
    ("tie as a noun", "Pax troops withdrew from the north under an agreement with Yel.", {}, {}),
    ("tie as a noun", "Pax attacked Xan but withdrew its soldiers under an agreement with Yel.", {"px": "-"}, {}),
    ("tie as a noun", "Pax's alliance with Yel has collapsed.", {}, {}),
    ("tie as a noun", "Pax said its alliance with Yel had ended.", {}, {}),
    ("tie as a noun", "Pax's former alliance with Yel has collapsed.", {}, {}),
    ("tie as a noun", "Pax's talks with Yel have stalled.", {}, {}),
    ("tie as a noun", "Pax said that Xan units under its command had captured a town.", {"px": "+"}, {}),
    ("tie as a noun", "Xan fighters under the command of Pax attacked Yel.", {"px": "+", "xy": "-"}, {}),
    ("tie as a noun", "Xan fighters under Pax fire retreated.", {}, {}),
    # --- thirteenth round, part B (i17s): first-person quotes with the speaker after them
    ("first-person quote", '"We support Yel," the Pax president said.', {"py": "+"}, {}),
    ("first-person quote", '"We fully support Yel," said the Pax foreign minister.', {"py": "+"}, {}),
    ("first-person quote", '"We back Yel fully," said the Pax foreign minister.', {"py": "+"}, {}),
    ("first-person quote", '"We thank Quor for its support," the Yel foreign ministry said.', {"qy": "+"}, {}),
    ("first-person quote", '"We will keep supporting Yel," the Pax president said.', {"py": "+"}, {}),
    ("first-person quote", '"Our forces repelled Xan," the Yel army said in a statement.', {"xy": "-"}, {}),
    ("first-person quote", '"Yel violated our airspace," Pax said.', {"py": "-"}, {}),
    ("first-person quote", '"Yel violated our sovereignty, and Quor stood by us," Pax\'s defence minister told '
     "parliament.", {"py": "-", "pq": "+"}, {}),
    ("first-person quote", '"We are not fighting for Yel, we fight alongside them," a Xan spokesman told the Wire.',
     {"xy": "+"}, {}),
    ("first-person quote", '"Quor is our closest ally," Yel\'s foreign minister said.', {"qy": "+"}, {}),
    ("first-person quote", "Pax and Quor back Xan.", {"px": "+", "qx": "+"}, {}),
    ("first-person quote", "Pax accused Yel of violating its sovereignty.", {"py": "-"}, {}),
    # traps: two speakers, a negation, a mediator's "we", "them" with two actors in reach, a noun
    ("first-person quote", '"We support Yel," Pax and Quor said.', {}, {}),
    ("first-person quote", '"We support Yel," the foreign ministers of Pax and Quor said.', {}, {}),
    ("first-person quote", '"We have no quarrel with Yel," said the Pax foreign minister.', {}, {}),
    ("first-person quote", '"We will never support Xan," Pax said.', {}, {}),
    ("first-person quote", '"We urge Pax and Yel to talk," Quor said.', {}, {}),
    ("first-person quote", '"We will punish them," Xan said.', {}, {}),
    ("first-person quote", "The Pax support package for Yel was approved.", {}, {}),
    # --- thirteenth round, part B (i17s): acts judged in a later phrase (and gapping, control maps: traps)
    ("judged act", "Pax sold Yel howitzers, a move Quor called a threat.", {"py": "+", "pq": "-"}, {}),
    ("judged act", "Pax troops are due to join the new mission, a move Yel opposes.", {"py": "-"}, {}),
    ("judged act", "Pax has pledged troops to the new mission, a move Yel sees as hostile.", {"py": "-"}, {}),
    ("judged act", "Pax has agreed to host Quor missiles, a step Yel called reckless.", {"py": "-"}, {}),
    ("judged act", "Pax and Xan held joint exercises near the border, a show of force that Yel called provocative.",
     {"px": "+", "py": "-", "xy": "-"}, {}),
    ("judged act", "Pax staged military exercises near the frontier that Yel denounced as provocative.", {"py": "-"},
     {}),
    ("judged act", "Pax signed a defence pact with Yel and flew in arms, a move Quor called a threat.",
     {"py": "+", "pq": "-"}, {}),
    ("judged act", "Yel has kept cooperating with Xan despite Pax's pledge to end ties with the group, a pledge Quor "
     "has called worthless.", {"xy": "+", "pq": "-"}, {}),
    ("judged act", "Pax sold Yel howitzers, a move that Quor condemned as treason.", {"py": "+", "pq": "-"}, {}),
    ("judged act", "Pax, along with Quor, attacked Xan.", {"px": "-", "qx": "-"}, {}),
    ("judged act", "Pax sold Yel howitzers, a move Quor called overdue.", {"py": "+"}, {}),
    ("judged act", "Pax sold Yel howitzers, a move Quor did not call a threat.", {"py": "+"}, {}),
    ("judged act", "Pax sold Yel howitzers, a move Xan's backers called a threat.", {"py": "+"}, {}),
    ("judged act", "Pax sold Yel howitzers, a move Quor sees as no threat.", {"py": "+"}, {}),
    ("judged act", "Pax did not intervene when Xan seized the town, an inaction Yel called a betrayal.", {},
     {"xy": "-"}),
    ("judged act", "Pax agreed to help Yel build its navy under a defence pact that angered Quor.", {"py": "+"},
     {"pq": "-"}),
    ("judged act", "Pax signed a political charter with Xan in Nairobi, a move that the Yel government condemned "
     "as treason.", {"px": "+", "py": "-"}, {}),
    ("judged act", "Pax signed a political charter with Xan, a move Yel officials called a threat.",
     {"px": "+", "py": "-"}, {}),
    ("judged act", "Pax sold Yel howitzers, a move Quor's foreign ministry called a threat.", {"py": "+", "pq": "-"},
     {}),
    ("judged act", "Pax sold Yel howitzers, a move Quor's allies called a threat.", {"py": "+"}, {}),
    ("judged act", "Pax controls the north, Yel the south.", {}, {}),
    ("judged act", "Xan holds the north, Zed the east, and Yel the capital.", {}, {}),
    # --- round 13 A (i17r): cities as targets (GeoNames); the state must be called by the country's name
    ("city target", "Russian forces pounded the city of Kharkiv with glide bombs overnight.", {"ru": "-"}, {}, CITIES),
    ("city target", "Moscow shelled Kharkiv and Odesa overnight.", {"ru": "-"}, {}, CITIES),
    ("city target", "Russian missiles struck a hospital in Kharkiv.", {"ru": "-"}, {}, CITIES),
    ("city target", "Russian drones hit an apartment block in Odesa.", {}, {"ru": "-"}, CITIES),
    ("city target", "Russia launched 200 drones at Kyiv and Lviv.", {"ru": "-"}, {}, CITIES),
    ("city target", "The Houthis fired a ballistic missile at Tel Aviv.", {"hi": "-"}, {}, CITIES),
    ("city target", "Hezbollah fired a salvo of rockets at Haifa.", {"iz": "-"}, {}, CITIES),
    ("city target", "The city of Odesa was shelled overnight by Russian forces.", {"ru": "-"}, {}, CITIES),
    ("city target", "Kharkiv was struck by Russian missiles on Monday.", {"ru": "-"}, {}, CITIES),
    ("city target", "A Russian missile strike on Odesa killed 12 people.", {"ru": "-"}, {}, CITIES),
    ("city target", "Russia's siege of Mariupol ended in May.", {"ru": "-"}, {}, CITIES),
    ("city target", "Ukrainian drones hit a refinery in Novorossiysk.", {"ru": "-"}, {}, CITIES),
    ("city target", "Ukraine struck Belgorod overnight.", {"ru": "-"}, {}, CITIES),
    ("city target", "Russian troops captured the regional military command in Pokrovsk.", {"ru": "-"}, {}, CITIES),
    ("city target", "Russia and Ukraine held talks in Doha.", {}, {}, CITIES),
    ("city target", "Ukrainian refugees fled to Moldova and Poland.", {}, {}, CITIES),
    ("city target", "Russian envoys arrived in Kharkiv on Monday.", {}, {}, CITIES),
    ("city target", "Russia attacked the governor of Kherson.", {}, {}, CITIES),
    ("city target", "Ukraine shelled Donetsk.", {}, {}, CITIES),
    ("city target", "Russia recaptured the town of Sudzha.", {}, {}, CITIES),
    ("city target", "Russian drones hit Police headquarters.", {}, {}, CITIES),
    ("city target", "Russian forces attacked Man.", {}, {}, CITIES),
    ("city target", "Russia did not strike Kharkiv.", {}, {}, CITIES),
    ("city target", "Israeli warplanes struck the southern suburbs of Beirut.", {}, {}, CITIES),
    ("city target", "Qatar hosted the talks in Doha after Israel struck Beirut.", {}, {}, CITIES),
    ("city target", "Fighting around Kharkiv intensified on Monday.", {}, {}, CITIES),
    # --- round 13 A (i17r): a description with its kind words; a number counts a list's countries
    ("kind description", "Xan seized the town. Yel struck the rebel group overnight.", {"xy": "-"}, {}),
    ("kind description", "Xan seized the town. Pax has long armed the Islamist militants.", {"px": "+"}, {}),
    ("kind description", "Xan seized the town. The jihadist group later attacked Yel.", {"xy": "-"}, {}),
    ("kind description", "Xan took the town on Monday. Quor condemned the armed group.", {"qx": "-"}, {}),
    ("kind description", "Xan seized the town. Yel shelled the separatist rebels' positions.", {"xy": "-"}, {}),
    ("kind description", "Xan and Zed seized the town. Yel struck the rebel group overnight.", {}, {}),
    ("kind description", "Xan seized the town. Yel struck the rebel group Zed overnight.", {"yz": "-"}, {}),
    ("kind description", "Xan seized the town. Yel struck the armed group of Zed.", {}, {"yz": "-"}),
    ("list count", "Mali, Niger and Burkina Faso left ECOWAS. The three juntas have all expelled French forces.",
     {"bf": "-", "fm": "-"}, {}, SAHEL),
    ("list count", "Burkina Faso, Mali and Niger left ECOWAS. All three have turned to Russia for security support.",
     {"br": "+", "mr": "+"}, {}, SAHEL),
    ("list count", "Mali, Burkina Faso and Niger met on Friday. The three governments condemned France.",
     {"bf": "-", "fm": "-"}, {}, SAHEL),
    ("list count", "Mali, Burkina Faso and Niger left the bloc. The two juntas have expelled French forces.", {}, {},
     SAHEL),
    ("list count", "Mali, Togo, Niger and Burkina Faso met. The three juntas have expelled French forces.", {}, {},
     SAHEL),
    ("list count", "Mali, the bloc and Burkina Faso met. The three have expelled French forces.", {}, {}, SAHEL),
    # --- round 13 A (i17r): fighters killed in an act whose author is named
    ("victims of an act", "At least 20 Xan fighters were killed in air strikes carried out by Pax.", {"px": "-"}, {}),
    ("victims of an act", "Yel soldiers were killed in a Xan ambush.", {"xy": "-"}, {}),
    ("victims of an act", "Ten Yel soldiers died in an attack by Xan.", {"xy": "-"}, {}),
    ("victims of an act", "Five Yel troops were wounded in a drone attack launched by Xan.", {"xy": "-"}, {}),
    ("victims of an act", "A drone strike by Pax killed ten Xan fighters.", {"px": "-"}, {}),
    ("victims of an act", "Dozens of Yel soldiers were killed in an ambush near the border claimed by both Xan and "
     "Zed.", {"xy": "-", "yz": "-"}, {}),
    ("victims of an act", "Fighters of Xan were killed in a raid carried out by Yel.", {"xy": "-"}, {}),
    ("victims of an act", "Ten civilians were killed in an attack by Xan.", {}, {}),
    ("victims of an act", "Ten Yel soldiers were wounded in an attack the army blamed on Xan.", {}, {}),
    ("victims of an act", "Yel soldiers were killed in an ambush near the border, Xan said.", {}, {}),
    ("victims of an act", "Xan fighters were killed in an operation by Xan.", {}, {}),
    ("victims of an act", "Ten Yel soldiers were killed in an attack near the Pax border.", {}, {}),
    ("victims of an act", "Xan fighters died in clashes on Monday, Yel said.", {}, {}),
    # --- round 13 C: precision on the blind batches' errors
    # a joining someone argues against, blocks or rules out states no tie (y-ukraine-3)
    ("opposed joining", "Pax again argued against inviting Yel to join Quor.", {}, {}, ORG),
    ("opposed joining", "Pax blocked Yel from joining Quor.", {}, {}, ORG),
    ("opposed joining", "Pax opposed Yel joining Quor.", {}, {}, ORG),
    ("opposed joining", "Pax ruled out Yel joining Quor, officials said.", {}, {}, ORG),
    ("opposed joining", "Pax vetoed Yel's bid to join Quor.", {}, {}, ORG),
    ("opposed joining", "Pax refused to consider admitting Yel to Quor.", {}, {}, ORG),
    ("opposed joining", "Pax objected to letting Yel join Quor.", {}, {}, ORG),
    ("opposed joining", "Yel joined Quor in 2023.", {"qy": "+"}, {}, ORG),
    ("opposed joining", "Yel is due to join Quor, a move Pax opposes.", {"qy": "+"}, {"py": "-"}, ORG),
    ("opposed joining", "Pax argued against sanctions, while Yel joined Quor.", {"qy": "+"}, {}, ORG),
    # contingents of one multinational force are not allies of each other (y-somalia-2); fighting keeps the tie
    ("force contingents", '"Pax troops will remain part of the Quor force, alongside Yel soldiers," Quor\'s envoy '
     'told reporters.', {"pq": "+"}, {}, FORCE),
    ("force contingents", "Pax soldiers serve in the UN mission together with Yel troops.", {}, {}, FORCE),
    ("force contingents", "Pax soldiers serve alongside Yel troops in the African Union mission.", {}, {}, FORCE),
    ("force contingents", "Pax troops, alongside Yel soldiers, make up the bulk of the Quor force.", {}, {"pq": "+"},
     FORCE),
    ("force contingents", "Pax troops, deployed with the Quor mission alongside Yel soldiers, guard the airport.", {},
     {"pq": "+"}, FORCE),
    ("force contingents", "Pax troops in the Quor mission fought Xan alongside Yel soldiers.",
     {"py": "+", "px": "-"}, {"xy": "-"}, FORCE),
    ("force contingents", "Pax troops have fought Xan alongside Yel soldiers as part of the Quor mission.",
     {"py": "+", "px": "-"}, {"xy": "-", "pq": "+"}, FORCE),
    ("force contingents", "Pax troops remain in the east alongside the Yel army.", {"py": "+"}, {}, FORCE),
    ("force contingents", "Pax troops fight alongside Yel soldiers.", {"py": "+"}, {}, FORCE),
    # what one party calls a tie is its claim (z-libya-8): alleged, the sign kept (hedges checked in
    # tests/extract/test_constructions.py)
    ("what X called", "Yel suspended security cooperation with Pax over what its interior ministry called Pax's "
     "support for Xan.", {"py": "-", "px": "+"}, {}),
    ("what X called", "Yel condemned what it described as Pax's arming of Xan.", {"px": "+"}, {"py": "-"}),
    ("what X called", "Xan fired rockets at Yel in what it called solidarity with Zed.", {"xy": "-", "xz": "+"},
     {"yz": "-"}),
    # --- round 14: a possessive before a named leader of the same group ("Its founder Zor Amet")
    ("titled owner", "Xan fought for Pax. Its founder Zor Amet later turned on the Kremlin.", {"px": "+-"}, {}, LED),
    ("titled owner", "Xan fought for Pax. The group's founder Zor Amet later turned on Pax.", {"px": "+-"}, {}, LED),
    ("titled owner", "Xan fought for Pax. Its veteran leader Zor Amet later rebelled against Pax.", {"px": "+-"}, {},
     LED),
    ("titled owner", "Xan armed Zed. Its commander Zor Amet met Yel's envoy.", {"xz": "+"}, {}, LED),
    ("titled owner", "Pax backed Xan. Its ally Zed attacked Yel.", {"px": "+", "yz": "-"}, {"pz": "+"}, LED),
    # round 14, part B: a hedge covers its own clause (the signs must survive the scoping; the hedges are tested
    # in tests/extract/test_constructions.py)
    ("hedge scope", "Xan, Pax's smaller ally, still holds a hostage, according to Yel officials.", {"px": "+"}, {}),
    ("hedge scope", "Pax has armed Quor, diplomats say, while Yel supplied Xan with missiles.",
     {"pq": "+", "xy": "+"}, {}),
    ("hedge scope", "Xan, which Pax reportedly arms, attacked Quor.", {"px": "+", "qx": "-"}, {}),
    ("hedge scope", "Pax armed Xan, UN experts say.", {"px": "+"}, {}),
    # traps: "experts" who say nothing, and a relative clause naming the source, are no scope of their own
    ("hedge scope", "UN experts visited Pax, which has armed Xan.", {"px": "+"}, {}),
    ("hedge scope", "According to Yel, which has long opposed Pax, Pax armed Xan.", {"px": "+"}, {"py": "-"}),
    ("goods pronoun", "Missiles found at a base abandoned by Xan's forces belonged to Pax, the Pax ministry said, "
     "saying they had been bought to protect Pax troops.", {}, {}),
    ("goods pronoun", "Pax sold rifles to Xan. They were later found in Zed's camps.", {"px": "+"}, {}),
    # traps: a group that is given something, or that seized something itself, is still the actor
    ("goods pronoun", "Pax said they were supplied with drones by Quor.", {"pq": "+"}, {}),
    ("goods pronoun", "Xan fighters entered the town. They had seized weapons from Pax.", {"px": "-"}, {}),
    ("explained away", "A UN report says Pax supplied missiles to Xan. Pax said the missiles had been bought to "
     "protect its own troops.", {"px": "+"}, {}),
    ("explained away", "Pax armed Xan and attacked Zed. Pax said the drones had been bought for its own army.",
     {"px": "+", "pz": "-"}, {}),
    ("explained away", "Pax supplied missiles to Xan. Pax said the missiles had been sold to Xan to fight Zed.",
     {"px": "+"}, {}),
    # --- round 14 A: relations carried by event nouns (y-ukraine-1, y-ukraine-3, y-levant-1)
    ("event noun", "Pax resumed deliveries of air-defence interceptors to Yel.", {"py": "+"}, {}),
    ("event noun", "Pax's shipments of artillery shells to Xan have grown.", {"px": "+"}, {}),
    ("event noun", "Pax's transfer of drones to Xan was confirmed.", {"px": "+"}, {}),
    ("event noun", "Pax approved the sale of fighter jets to Yel.", {"py": "+"}, {}),
    ("event noun", "Pax paused deliveries of interceptors to Yel.", {}, {}),
    ("event noun", "Pax condemned deliveries of tanks to Yel.", {}, {}),
    ("event noun", "Pax began exports of grain to Yel.", {}, {}),
    ("event noun", "Pax agreed to the transfer of prisoners to Xan.", {}, {}),
    ("event noun", "Pax troops have taken part in assaults on Yel positions.", {"py": "-"}, {}),
    ("event noun", "Xan's offensives against Yel have stalled.", {"xy": "-"}, {}),
    ("event noun", "A ceasefire between Pax and Xan took effect on Wednesday.", {"px": "-"}, {}),
    ("event noun", "Quor brokered a truce between Yel and Zed.", {"yz": "-"}, {}),
    ("event noun", "Talks between Pax and Yel resumed in Quor.", {}, {}),
    ("event noun", "Pax announced a new package of air-defence interceptors for Yel.", {"py": "+"}, {}),
    ("event noun", "Quor agreed a package of sanctions for Yel.", {}, {}),
    ("event noun", "Quor has brokered several ceasefires between Yel and Zed.", {"yz": "-"}, {}),
    ("event noun", "Quor mediated between Pax and Yel.", {}, {"py": "-"}),
    # --- round 14 A: a relative clause's later verb (y-levant-2); an "until" bound in the future keeps the tie
    ("relative's later verb", "Xan, which controls most of the north and receives weapons from Pax, attacked Yel.",
     {"px": "+", "xy": "-"}, {}),
    ("relative's later verb", "Xan, which has fought Yel for a decade and now backs Zed, held talks.",
     {"xy": "-", "xz": "+"}, {}),
    ("relative's later verb", "Zed, which controls the south but also receives money from Pax, stayed out.",
     {"pz": "+"}, {}),
    ("relative's later verb", "Xan, which Pax armed and Yel backs, held talks.", {"px": "+"}, {"xy": "+"}),
    ("relative's later verb", "Xan, which the government says controls the north and receives arms from Pax, "
     "held talks.", {}, {"px": "+"}),
    ("relative's later verb", "Xan, which controls the north, and Pax armed Zed.", {"pz": "+"}, {"xz": "+"}),
    ("relative's later verb", "Xan, who have kept firing rockets at Yel and were bombed by Pax in return, held "
     "out.", {"xy": "-", "px": "-"}, {}),
    ("relative's later verb", "Zed, which receives money from Pax and was attacked by Yel, held talks.",
     {"pz": "+", "yz": "-"}, {}),
    ("relative's later verb", "Zed, which Pax armed and was praised by Yel, held talks.", {"pz": "+"}, {}),
    ("relative's later verb", "Xan has vowed to keep attacking Yel until the war ends.", {"xy": "-"}, {}),
    ("relative's later verb", "Pax armed Xan until the war ended.", {}, {}),
    # --- round 14 A: a people's plural noun for its one actor (z-tigray-5, z-libya-4); a people is no side
    ("people noun", "Yel forces pushed the Xanians back towards their region.", {"xy": "-"}, {}, PEOPLES),
    ("people noun", "Pax called the Zedis terrorists.", {"pz": "-"}, {}, PEOPLES),
    ("people noun", "The Russians shelled the town and attacked Ukraine.", {"ru": "-"}, {}, CITIES),
    ("people noun", "Yel expelled Xanians from the area.", {}, {}, PEOPLES),
    ("people noun", "The Quorians attacked Yel.", {}, {}, PEOPLES),
    # --- round 14 A: a refusal to meet or talk (z-libya-7: "Sarraj and Haftar ... refused to meet each other")
    ("refusal to meet", "Pax and Yel both attended the summit but refused to meet each other.", {"py": "-"}, {}),
    ("refusal to meet", "Pax refused to negotiate with Xan.", {"px": "-"}, {}),
    ("refusal to meet", "Pax and Yel would not meet each other.", {"py": "-"}, {}),
    ("refusal to meet", "Pax refused to meet Yel's demands.", {}, {}),
    ("refusal to meet", "Pax has not refused to negotiate with Xan.", {}, {}),
    ("refusal to meet", "Pax and Yel met each other in Quor.", {}, {"py": "+"}),
    # --- round 14 A: "they" after a joint subject (z-tigray-4: "the TDF and the OLA said they had formed an alliance")
    ("joint they", "Xan and Zed said they had formed an alliance with smaller groups.", {"xz": "+"}, {}),
    ("joint they", "Pax and Quor said they would arm Xan.", {"px": "+", "qx": "+"}, {"pq": "+"}),
    ("joint they", "Pax, Quor and Yel said they would arm Xan.", {"px": "+", "qx": "+", "xy": "+"},
     {"pq": "+", "py": "+", "qy": "+"}),
    ("joint they", "Pax met Quor and they agreed to arm Xan.", {"px": "+"}, {"qx": "+", "pq": "+"}),
    ("joint they", "Pax attacked Xan, and they said they would fight back.", {"px": "-"}, {}),
    # --- round 14 A: allies after a colon, each a clause's subject (y-karabakh-2: "owed much to its allies: Turkey
    # trained its officers ..., and Israel supplied ...")
    ("colon allies", "Yel's victory owed much to its allies: Pax trained its officers, and Quor supplied drones.",
     {"py": "+", "qy": "+"}, {}),
    ("colon allies", "Yel's allies: Pax and Quor.", {"py": "+", "qy": "+"}, {}),
    ("colon allies", "Yel relied on its allies: Pax trained the pilots, and Quor sent money and fought Xan.",
     {"py": "+", "qy": "+", "qx": "-"}, {"xy": "-"}),
    ("colon allies", "Yel faced its rivals: Pax closed the border, and Quor cut aid.", {}, {"py": "-", "qy": "-"}),
    ("colon allies", "Yel thanked its allies: the war is not over, Pax said.", {}, {}),
    # --- round 14 D: co-signers of a text or hosts of a meeting are not allies by that act (aa-sudan-3)
    ("co-signers", "Pax's foreign minister, who had signed the plan alongside his Yel counterpart, flew to Quor.", {},
     {}),
    ("co-signers", "Pax co-sponsored the resolution together with Yel.", {}, {}),
    ("co-signers", "Alongside Yel, Pax signed a joint statement calling for a truce.", {}, {}),
    ("co-signers", "Pax endorsed the call for a ceasefire together with Yel.", {}, {}),
    ("co-signers", "Pax put forward the peace plan alongside Yel.", {}, {}),
    ("co-signers", "Pax backed Xan alongside Yel.", {"px": "+", "py": "+"}, {"xy": "+"}),
    ("co-signers", "Pax signed the plan and then fought Xan alongside Yel.", {"px": "-", "py": "+"}, {"xy": "-"}),
    ("co-signers", "Pax backed the government alongside Yel.", {"py": "+"}, {}),
    # --- round 14 D: a paused, frozen or withheld aid is no standing support (aa-ukraine-1)
    ("paused aid", "Pax has paused all military aid to Yel.", {}, {"py": "-"}),
    ("paused aid", "Pax withheld arms deliveries to Yel for two months.", {}, {"py": "-"}),
    ("paused aid", "Pax announced a pause in military aid to Yel.", {}, {"py": "-"}),
    ("paused aid", "Pax announced a freeze on weapons deliveries to Yel.", {}, {"py": "-"}),
    ("paused aid", "Pax resumed military aid to Yel after a two-week pause.", {"py": "+"}, {}),
    ("paused aid", "Pax's arms deliveries to Yel continued despite a pause in talks.", {"py": "+"}, {}),
    ("paused aid", "Pax has paused talks with Xan and stepped up military aid to Yel.", {"py": "+"}, {"px": "-"}),
    # --- round 14 D: "the country" after a sentence whose first actor stands in a reported clause (aa-karabakh-2)
    ("country topic", "Quor's parliament voted to join the bloc. The minister said, noting that Pax guards had left "
     "Quor's airport, that it was diversifying. Yel has become the country's main arms supplier.", {"qy": "+"}, {}),
    ("country topic", "Quor's parliament voted to join the bloc. \"We are diversifying,\" the minister said, noting "
     "that Pax guards had left Quor's airport. Yel has become the country's main arms supplier.", {"qy": "+"}, {}),
    ("country topic", "Officials said on Monday that Pax troops had left Quor's airport. Yel has become the country's "
     "main arms supplier.", {}, {}),
    ("country topic", "Pax troops left Quor's airport on Monday. Yel has become the country's main arms supplier.",
     {"py": "+"}, {}),
    ("country topic", "Pax voted to join the bloc. Officials said that Quor guards had left Pax's airport. Yel has "
     "become the country's main arms supplier.", {"py": "+"}, {}),
    # --- round 14 D: a verb whose own subject is a name of no actor binds nothing (aa-sahel-1: "Kyiv had helped")
    ("foreign subject", "Yel's transitional government severed diplomatic relations with Zed on Sunday, after a "
     "spokesman suggested Kyiv had helped the Xan rebels who killed dozens of Yel soldiers.", {"xy": "-", "yz": "-"},
     {}),
    ("foreign subject", "Yel broke off talks after Kyiv had helped the Xan rebels who attacked Yel troops.",
     {"xy": "-"}, {}),
    ("foreign subject", "Pax's leader Zor Amet attacked Yel.", {"py": "-"}, {}),
    ("foreign subject", "Pax troops stationed in Goma attacked Yel.", {"py": "-"}, {}),
    ("foreign subject", "Pax forces in March attacked Yel.", {"py": "-"}, {}),
    ("foreign subject", "Yel said Zed and Washington had armed Xan.", {"xz": "+"}, {}),
    ("foreign subject", "A Pax warship in the Mediterranean fired cruise missiles at Xan positions.", {"px": "-"}, {}),
    ("foreign subject", "Yel severed ties with Zed after Kyiv allowed Xan to attack Pax troops.",
     {"px": "-", "yz": "-"}, {}),
    ("foreign subject", "Yel's leader Zor Amet allowed Xan to attack Pax troops.", {"px": "-", "xy": "+"}, {}),
    # --- round 14 D: a helper among the victims is no helper, and co-victims are no foes (aa-sahel-1)
    ("co-victims", "Pax helped the Xan rebels who killed dozens of Pax soldiers and Yel fighters.",
     {"xy": "-", "px": "+-"}, {}),
    ("co-victims", "Yel cut ties with Quor after Pax had helped the Xan rebels who killed dozens of Pax soldiers and "
     "Zed fighters.", {"xz": "-", "px": "+-"}, {"qy": "-"}),
    ("co-victims", "Xan killed dozens of Pax soldiers and Yel fighters.", {"px": "-", "xy": "-"}, {}),
    ("co-victims", "Pax helped Xan fight Yel.", {"px": "+", "py": "-", "xy": "-"}, {}),
    ("co-victims", "Pax helped Xan attack Yel and Quor.", {"px": "+", "py": "-", "pq": "-", "xy": "-", "qx": "-"}, {}),
    # --- round 14 D: a warning given in advance of an act is a notice, not a threat (aa-levant-1)
    ("advance notice", "Pax had warned Yel and Quor in advance, according to officials of both countries.", {}, {}),
    ("advance notice", "Pax warned Yel hours before the strike.", {}, {}),
    ("advance notice", "Pax warned Yel of the planned strikes.", {}, {}),
    ("advance notice", "Pax warned Yel ahead of the launch.", {}, {}),
    ("advance notice", "Pax warned Yel of a crushing response.", {"py": "-"}, {}),
    ("advance notice", "Pax warned Yel of the consequences.", {"py": "-"}, {}),
    ("advance notice", "Pax warned Yel that it would retaliate.", {"py": "-"}, {}),
    ("advance notice", "Pax warned Yel on Monday.", {"py": "-"}, {}),
    # --- an object that belongs to the verb after "and" (round 14, noticed: "armed its army and fought Xan")
    ("second verb's object", "Pax trained its soldiers and fought Xan.", {"px": "-"}, {}),
    ("second verb's object", "Pax armed its army and then attacked Xan.", {"px": "-"}, {}),
    ("second verb's object", "Pax equipped local militias and shelled Xan positions.", {"px": "-"}, {}),
    ("second verb's object", "Pax backed and armed Xan.", {"px": "+"}, {}),
    ("second verb's object", "Pax armed Xan and attacked Yel.", {"px": "+", "py": "-"}, {}),
]





_SIGNS = {"ally": "+", "friendly": "+", "enemy": "-", "rival": "-", "ambivalent": "+-"}


def score(entry: tuple) -> tuple[bool, dict[str, str]]:
    """(hit, what was proposed as {pair: sign}) for one inventory sentence."""
    text, need, may = entry[1], entry[2], entry[3]
    actors = entry[4] if len(entry) > 4 else ACTORS
    got = {"".join(p.pair): _SIGNS[p.stance.value] for p in extract_relations(text, actors).proposals}
    hit = all(got.get(k) == v for k, v in need.items()) and all(
        k in need or may.get(k) == v for k, v in got.items())
    return hit, got


def main() -> None:
    per: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for entry in INVENTORY:
        hit, got = score(entry)
        per[entry[0]][0] += hit
        per[entry[0]][1] += 1
        if not hit and "--misses" in sys.argv:
            print(f"MISS [{entry[0]}] {entry[1]}\n     need {entry[2]} may {entry[3]} got {got}")
    total = [sum(v[0] for v in per.values()), sum(v[1] for v in per.values())]
    for name, (h, n) in per.items():
        print(f"{name:20s} {h:3d} / {n:3d}")
    print(f"{'all':20s} {total[0]:3d} / {total[1]:3d}  ({total[0] / total[1]:.2f})")


if __name__ == "__main__":
    main()
