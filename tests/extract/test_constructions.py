"""Construction classes of wire English built in the sixth round of #17, one sentence each (see
benchmarks/extract_inventory.py for the inventory they come from).

Pax, Quor and Yel are states, Xan and Zed armed groups; each test states what a careful reader
gets from the sentence, including what must *not* be proposed.
"""

from __future__ import annotations

from alliances import Actor
from alliances.extract import extract_relations
from tests.extract._helpers import stances

_P = [Actor("p", "Pax", "state"), Actor("q", "Quor", "state"), Actor("x", "Xan", "armed_group"),
      Actor("y", "Yel", "state"), Actor("z", "Zed", "armed_group")]


def test_rupture_and_rapprochement_phrases():
    assert stances("Pax has turned away from Quor.", _P) == {("p", "q"): "rival"}
    assert stances("Pax turned its back on Quor.", _P) == {("p", "q"): "rival"}
    assert stances("Pax restored diplomatic relations with Yel.", _P) == {("p", "y"): "friendly"}
    assert stances("Pax and Yel have grown closer since the war began.", _P) == {("p", "y"): "friendly"}
    assert stances("Pax has drawn closer to Yel.", _P) == {("p", "y"): "friendly"}
    assert stances("Pax aligned itself with Yel.", _P) == {("p", "y"): "friendly"}
    assert stances("Relations between Pax and Yel have rarely been worse.", _P) == {("p", "y"): "rival"}
    assert stances("Relations between Pax and Yel are strained.", _P) == {("p", "y"): "rival"}


def test_a_former_relation_is_no_relation_now():
    # "its former patron" says Quor was Pax's patron once: no tie now, and no sign from it
    assert stances("Pax has turned away from Quor, its former patron.", _P) == {("p", "q"): "rival"}
    ex = extract_relations("Yel, a former ally of Pax, stayed neutral.", _P)
    assert ex.proposals == () and [(n.a, n.b) for n in ex.negated] == [("p", "y")]
    assert stances("Yel, Pax's erstwhile backer, stayed neutral.", _P) == {}


def test_nominalised_events_bind_their_possessor_or_by_phrase():
    # the phrase is the subject of its own verb: the object still belongs to the noun
    assert stances("Xan's offensive against Yel has stalled.", _P) == {("x", "y"): "enemy"}
    assert stances("Pax's support for Xan is no secret.", _P) == {("p", "x"): "ally"}
    assert stances("An attack by Xan on Yel killed ten soldiers.", _P) == {("x", "y"): "enemy"}
    assert stances("The shelling by Xan of Yel positions continued.", _P) == {("x", "y"): "enemy"}
    assert stances("Pax's backing of Xan has drawn criticism.", _P) == {("p", "x"): "ally"}
    # a coordination that runs into a new clause is no object ("Yel is to ..." opens one)
    assert stances("Under the deal Pax is to end its support for Xan and Yel is to leave.", _P) == {}


def test_two_actors_joined_by_a_hyphen_before_a_relation_noun():
    assert stances("The Pax-Yel alliance has held for a decade.", _P) == {("p", "y"): "ally"}
    assert stances("The Xan-Zed war resumed in May.", _P) == {("x", "z"): "enemy"}
    # talks, a relation that ended or one only feared say nothing
    assert stances("The Pax-Yel talks resumed.", _P) == {}
    assert stances("The collapse of the Pax-Yel alliance shocked Quor.", _P) == {}
    assert stances("Fears of a Pax-Yel war grew.", _P) == {}


def test_a_description_resolves_only_when_one_actor_of_its_kind_is_in_reach():
    # two groups coordinated as the subject: "the group" could be either, so Pax is related to neither
    assert stances("Xan and Zed fought Yel. The group then attacked Pax.", _P) == {
        ("x", "y"): "enemy", ("y", "z"): "enemy"}
    # one group as the subject of the sentence before: that one
    assert stances("Xan fought Zed. The group then attacked Pax.", _P) == {("x", "z"): "enemy", ("p", "x"): "enemy"}
    # the subject of an earlier clause of the same sentence
    assert stances("Zed took the port in May, and the movement has since clashed with Xan.", _P) == {
        ("x", "z"): "enemy"}
    # "the country" is a state
    assert stances("Yel is fighting Xan. The country also accuses Pax of arming the group.", _P) == {
        ("x", "y"): "enemy", ("p", "y"): "rival", ("p", "x"): "ally"}


def test_losing_ground_to_someone_is_fighting_them():
    assert stances("Xan has lost ground to Yel.", _P) == {("x", "y"): "enemy"}
    assert stances("Xan lost the town to Yel in May.", _P) == {("x", "y"): "enemy"}


def test_the_speakers_rivals_are_the_agents_not_the_speaker():
    # was a WRONG Pax-Yel enemy: "its Xan rivals" is Xan, a rival of Pax
    assert stances("Pax said its Xan rivals had attacked Yel.", _P) == {("p", "x"): "rival", ("x", "y"): "enemy"}
    assert stances("Pax said its Xan allies had attacked Yel.", _P) == {("p", "x"): "ally", ("x", "y"): "enemy"}


_ONE_STATE = [Actor("y", "Yel", "state"), Actor("x", "Xan", "armed_group"), Actor("z", "Zed", "armed_group"),
              Actor("q", "Quor", "international_org")]


def test_government_forces_are_the_scenarios_one_government():
    # Yel is the only state: its troops, army, security forces and regime forces are Yel
    assert stances("Government troops clashed with Xan fighters.", _ONE_STATE) == {("x", "y"): "enemy"}
    assert stances("The army shelled Xan positions.", _ONE_STATE) == {("x", "y"): "enemy"}
    assert stances("Security forces killed ten Xan fighters.", _ONE_STATE) == {("x", "y"): "enemy"}
    assert stances("Regime forces bombed Xan.", _ONE_STATE) == {("x", "y"): "enemy"}
    assert stances("The military launched an offensive against Zed.", _ONE_STATE) == {("y", "z"): "enemy"}
    # several states, one of them called a government: that one
    named = [*_P[:3], Actor("y", "Yel", "state", aliases=("Yel federal government",)), _P[4]]
    assert stances("Government forces retook the town from Zed.", named) == {("y", "z"): "enemy"}


def test_government_forces_abstain_when_the_scenario_does_not_say_whose():
    ex = extract_relations("Government troops clashed with Xan fighters.", _P)  # three states
    assert ex.proposals == ()
    assert [u.reason for u in ex.unclear] == [
        "'Government troops': whose forces is not clear (several states, no one government)"]
    two = [*_P[:3], Actor("y", "Yel", "state", aliases=("military government",)),
           Actor("n", "Nova", "state", aliases=("shadow government",))]
    assert stances("Government troops attacked Xan.", two) == {}
    # a place is not a force: "a military base" stays nobody's
    assert stances("Xan stormed a military base held by Zed.", _ONE_STATE) == {("x", "z"): "enemy"}


def test_militias_backed_by_an_actor_are_not_that_actor():
    # were WRONG: "Xan-backed militias attacked Yel" gave Xan-Yel ally, "pro-Xan militias" ambivalent
    assert stances("Xan-backed militias attacked Yel.", _P) == {}
    assert stances("Pro-Xan militias attacked Yel.", _P) == {}
    assert stances("The anti-Xan coalition bombed Zed.", _P) == {}
    # an actor right after the modifier is still what it qualifies
    assert stances("The Pax-backed Xan attacked Yel.", _P) == {("p", "x"): "ally", ("x", "y"): "enemy"}
    assert stances("Pro-Pax Xan fighters attacked Yel.", _P) == {("p", "x"): "ally", ("x", "y"): "enemy"}


def test_a_resumptive_pronoun_in_reported_speech_is_the_speaker():
    # "it" is the object of the reported clause, whose subject is Yel: it is Pax, who said so
    assert stances("Pax said Yel had attacked it.", _P) == {("p", "y"): "enemy"}
    assert stances("Pax said on Monday that Yel had been arming it.", _P) == {("p", "y"): "ally"}
    assert stances("Pax said Yel and Xan had attacked it.", _P) == {("p", "y"): "enemy", ("p", "x"): "enemy"}
    # two actors named after the reporting verb and none before it but the speaker: nobody else is "it"
    assert stances("Quor and Pax said Yel had attacked them.", _P) == {}


def test_calling_someone_an_enemy_or_a_partner_is_a_view_of_them():
    assert stances("Pax called Yel an enemy.", _P) == {("p", "y"): "rival"}
    assert stances("Pax has repeatedly branded Xan a terrorist group.", _P) == {("p", "x"): "rival"}
    assert stances('Xan called Yel "an enemy of the people".', _P) == {("x", "y"): "rival"}
    assert stances("Yel described Pax as a strategic partner.", _P) == {("p", "y"): "friendly"}
    # not said, said once, or of a relation that is over: nothing
    assert stances("Pax never called Yel an enemy.", _P) == {}
    assert stances("Pax once called Yel a friend.", _P) == {}
    assert stances("Pax called Yel a former ally.", _P) == {}
    assert stances("Pax called on Yel to stop arming Xan.", _P) == {}


def test_a_coordinated_clause_with_its_own_subject_takes_that_subject():
    # was WRONG: "and Yel is to disarm Zed" gave Pax-Zed enemy (the clause read as Pax's)
    assert stances("Pax is to end its support for Xan and Yel is to disarm Zed.", _P) == {("y", "z"): "enemy"}
    assert stances("Pax will end its support for Xan and Yel will disarm Zed.", _P) == {("y", "z"): "enemy"}
    assert stances("Pax backs Xan and Yel has attacked Zed.", _P) == {("p", "x"): "ally", ("y", "z"): "enemy"}
    assert stances("Pax armed Xan and Zed fighters attacked Yel.", _P) == {("p", "x"): "ally", ("y", "z"): "enemy"}
    # coordinated subjects and objects stay one group
    assert stances("Xan and Zed attacked Yel.", _P) == {("x", "y"): "enemy", ("y", "z"): "enemy"}
    assert stances("Pax said Xan and Zed had attacked it.", _P) == {("p", "x"): "enemy", ("p", "z"): "enemy"}
    assert stances("Relations between Pax and Yel have collapsed.", _P) == {("p", "y"): "rival"}
    # a cut that is only announced still undoes the support: nothing between Pax and Xan
    assert stances("Pax is to end its support for Xan.", _P) == {}


def test_the_actor_named_after_a_relation_noun_is_the_phrase():
    # were: "Pax's ally Yel attacked Xan" read Pax as the attacker (Pax-Xan enemy, Yel-Xan nothing)
    assert stances("Pax's ally Yel attacked Xan.", _P) == {("p", "y"): "ally", ("x", "y"): "enemy"}
    assert stances("Pax's closest ally Yel attacked Xan.", _P) == {("p", "y"): "ally", ("x", "y"): "enemy"}
    assert stances("Pax's proxy Xan attacked Yel.", _P) == {("p", "x"): "ally", ("x", "y"): "enemy"}
    assert stances("Pax's rival Yel attacked Xan.", _P) == {("p", "y"): "rival", ("x", "y"): "enemy"}
    assert stances("Xan attacked Pax's ally Yel.", _P) == {("p", "y"): "ally", ("x", "y"): "enemy"}
    assert stances("Pax's ally, Yel, attacked Xan.", _P) == {("p", "y"): "ally", ("x", "y"): "enemy"}
    assert stances("Xan said its ally Zed had attacked Yel.", _P) == {("x", "z"): "ally", ("y", "z"): "enemy"}
    assert stances("Pax's allies Yel and Quor condemned Xan.", _P) == {
        ("p", "q"): "ally", ("p", "y"): "ally", ("q", "x"): "rival", ("x", "y"): "rival"}
    # a former ally is none now; an ally not named is not its owner
    assert stances("Pax's former ally Yel attacked Xan.", _P) == {("x", "y"): "enemy"}
    assert stances("Pax's ally attacked Xan.", _P) == {}
    assert stances("Xan attacked Pax's allies.", _P) == {}


def test_a_first_person_possessive_in_a_quote_is_the_speaker():
    # were nothing (unclear): "our" resolved to the speaker but was not read as a possessive
    assert stances('"Pax is our closest partner," a Yel minister said.', _P) == {("p", "y"): "friendly"}
    assert stances('"Pax remains our most important ally," Yel\'s foreign minister said.', _P) == {
        ("p", "y"): "ally"}
    assert stances('"Our ally Pax has sent weapons," a Yel minister said.', _P) == {("p", "y"): "ally"}
    assert stances('"Pax is our enemy," a Xan commander said.', _P) == {("p", "x"): "enemy"}
    # "our enemies" are not the speaker: was a WRONG Pax-Yel ally ("arming our enemies" read as arming Yel)
    assert stances('"Pax is arming our enemies," a Yel minister said.', _P).get(("p", "y")) in {None, "enemy", "rival"}
    # people in a country are not its state: nothing, listed as unclear
    ex = extract_relations('"We thank our partners in Pax," a Yel minister said.', _P)
    assert ex.proposals == () and ex.unclear


def test_a_dateline_dash_is_no_compound_modifier():
    # were nothing: syntok ended a sentence at "(Wire)" and the dash then read as "X-backed"'s hyphen
    assert stances("KHARTOUM (Wire) - Government troops shelled Xan positions.", _ONE_STATE) == {("x", "y"): "enemy"}
    assert stances("GOMA, May 3 (Wire) -- Security forces killed ten Zed fighters.", _ONE_STATE) == {
        ("y", "z"): "enemy"}
    assert stances("BAMAKO (Wire) \u2014 The army shelled Xan positions.", _ONE_STATE) == {("x", "y"): "enemy"}
    # a hyphen inside the sentence still makes a compound: the militias are not Xan
    assert stances("Xan-backed militias attacked Zed.", _ONE_STATE) == {}


def test_a_dateline_stays_with_its_sentence():
    from alliances.extract import split_sentences

    assert [s.text for s in split_sentences("KHARTOUM (Wire) - Xan attacked Yel. Zed said nothing.")] == [
        "KHARTOUM (Wire) - Xan attacked Yel.", "Zed said nothing."]


def test_defectors_are_not_their_group_and_a_participle_is_no_verb():
    # r-drc-2's false pair (found after r-'s first look): "Rwanda had also trained FDLR defectors" gave FDLR-Rwanda ally
    assert stances("Yel had also trained Xan defectors, an accusation Pax denied.", _P) == {}
    assert stances("Xan deserters attacked Yel.", _P) == {}
    assert stances("A Xan splinter group attacked Yel.", _P) == {}
    # "trained" after another verb describes the fighters: the text does not say who trained them
    assert stances("Yel deployed trained Xan fighters.", _P) == {}
    # a verb it still is after a comma, "and" or an auxiliary
    assert stances("Yel armed, trained and funded Xan.", _P) == {("x", "y"): "ally"}
    assert stances("Yel has trained Xan fighters.", _P) == {("x", "y"): "ally"}


def test_a_headline_without_a_full_stop_is_its_own_sentence():
    from alliances.extract import split_sentences

    # s-ukraine-1, t-sahel-1: the headline ran into the dateline's sentence, and "its fighters" became Mali's
    assert [s.text for s in split_sentences("Xan attacks Yel town\nBAMAKO, Pax \u2014 Zed said it had clashed with Quor.")] == [
        "Xan attacks Yel town", "BAMAKO, Pax \u2014 Zed said it had clashed with Quor."]
    assert [s.text for s in split_sentences("Xan, Zed reject truce GOMA, May 3 (Wire) - Xan said.")] == [
        "Xan, Zed reject truce", "GOMA, May 3 (Wire) - Xan said."]
    assert stances("Quor accuses Pax\nGOMA \u2014 Xan said its fighters had attacked Yel.", _P) == {
        ("x", "y"): "enemy", ("p", "q"): "rival"}
    # a long dash after a name in capitals inside a line is no dateline; before a lower-case word neither
    rsf = [*_P, Actor("r", "RSF", "armed_group")]
    assert len(split_sentences("Pax attacked the RSF \u2014 Yel said so.")) == 1
    assert len(split_sentences("Pax attacked Yel\nRSF \u2014 the militia said so.")) == 1
    assert stances("Pax attacked Yel\nRSF \u2014 the militia said so.", rsf) == {("p", "y"): "enemy"}


def test_a_dateline_with_a_long_dash_names_no_actor():
    # "KYIV —" is where the story was filed: Kyiv is no subject of the sentence
    actors = [Actor("k", "Kyiv", "state"), *_P]
    assert stances("KYIV \u2014 Xan fighters shelled Yel positions.", actors) == {("x", "y"): "enemy"}
    assert stances("Yel says Xan attacked\nGOMA, Pax \u2014 Xan fighters ambushed a Yel convoy.", _P) == {
        ("x", "y"): "enemy"}


def test_a_phrase_cue_after_an_unnamed_group_is_said_of_the_group():
    # t-myanmar-1's wrong sign: "the regime ... carried out air strikes ... after resistance fighters loyal to
    # the NUG overran a police station" gave regime-NUG ally
    assert stances("Yel bombed villages after resistance fighters loyal to Xan overran a police station.", _P) == {}
    assert stances("Pax shelled Quor after rebels loyal to Yel seized the border post.", _P) == {("p", "q"): "enemy"}
    ex = extract_relations("Pax condemned gunmen backed by Xan.", _P)
    assert ex.proposals == () and any("gunmen" in u.reason for u in ex.unclear)
    # an actor's own fighters are the actor (tuning paragraph drc-02: "its own soldiers alongside the M23")
    assert stances("Xan fighters loyal to Pax attacked Yel.", _P) == {("p", "x"): "ally", ("x", "y"): "enemy"}
    assert stances("Pax sent its own troops alongside Xan.", _P) == {("p", "x"): "ally"}
    assert stances("Pax shelled Quor after Yel militias loyal to Pax attacked.", _P) == {
        ("p", "q"): "enemy", ("p", "y"): "ally"}


def test_the_government_is_not_another_actor_when_the_subject_is_named_as_one():
    # t-somalia-1: "Somali special forces, backed by U.S. air strikes, killed ..., the government said" took
    # "the government" for the US (the subject, whose name has "government", is never its own antecedent)
    from alliances.extract import Gazetteer, find_mentions, split_sentences

    actors = [Actor("y", "Yel government", "state", aliases=("Yel forces",)), Actor("p", "Pax", "state"),
              Actor("x", "Xan", "armed_group")]
    sents = split_sentences("Yel forces, backed by Pax air strikes, killed ten Xan fighters, the government said.")
    found = [(m.actor, m.text) for m in find_mentions(sents, Gazetteer(actors))[0]]
    assert ("p", "the government") not in found
    assert stances("Yel forces, backed by Pax air strikes, killed ten Xan fighters, the government said.", actors) == {
        ("p", "y"): "ally", ("x", "y"): "enemy"}


def test_a_colon_quote_is_its_speakers_also_over_several_sentences():
    # t-levant-2: the speaker phrase is long; s-myanmar-2: the quote runs over two sentences
    assert stances("Xan's military spokesman, Abu Omar, said in a televised address: \"Our forces targeted a Yel "
                   "warship.\"", _P) == {("x", "y"): "enemy"}
    assert stances('Pax said in a statement: "Our forces will stay. We will not negotiate with Xan while it shells '
                   'our towns."', _P) == {("p", "x"): "enemy"}
    # two speakers: whose "we"? nothing
    assert stances('Pax and Quor said in a joint statement: "We condemn the attack on our embassy by Xan."', _P) == {}
    # a quote closed in its sentence does not run on
    assert stances('Pax said: "Yel has attacked our border posts." We thank Zed for its help.', _P) == {
        ("p", "y"): "enemy"}


def test_an_actor_after_a_quote_in_a_later_clause_is_not_its_speaker():
    # "adding that Xan had been warned": Xan is no speaker ("warned" is a reporting verb, but of another clause)
    assert stances('Pax\'s envoy said: "Yel is arming our enemies," adding that Xan had been warned.', _P) == {
        ("p", "y"): "enemy"}


def test_partners_in_a_fight_are_partners_not_people_in_a_place():
    # s-levant-1: "Hezbollah remains our closest partner in the fight against ..." read "in" as a place
    assert stances('"Xan remains our closest partner in the fight against Zed," a Pax minister said.', _P) == {
        ("p", "x"): "friendly", ("x", "z"): "enemy"}
    assert stances("Xan is Pax's main ally in the fight against Zed.", _P) == {("p", "x"): "ally", ("x", "z"): "enemy"}
    assert stances("Pax's allies in the fight, Xan and Zed, met on Monday.", _P) == {("p", "x"): "ally", ("p", "z"): "ally"}
    # people in a place are still no state
    assert stances('"We thank our partners in Pax," a Yel minister said.', _P) == {}


def test_members_that_form_an_alliance_are_allies_and_along_with_joins_the_subject():
    # s-myanmar-1: "the Kokang rebels, along with the TNLA and the Arakan Army, form the Three Brotherhood Alliance"
    assert stances("Pax shelled Yel; Xan, along with Zed and Quor, forms the Three Brotherhood Alliance.", _P) == {
        ("p", "y"): "enemy", ("q", "x"): "ally", ("q", "z"): "ally", ("x", "z"): "ally"}
    assert stances("Xan, along with Zed, attacked Yel.", _P) == {("x", "y"): "enemy", ("y", "z"): "enemy"}
    assert stances("Xan formed an alliance with Zed.", _P) == {("x", "z"): "ally"}
    # hypothetical, negated, or a rift: no alliance
    assert stances("Xan and Zed could form an alliance if talks succeed.", _P) == {}
    assert stances("Xan and Zed never formed an alliance.", _P) == {}
    assert stances("Xan and Zed created rifts in the alliance.", _P) == {}
    # an aside after an object is not the subject's
    assert stances("Pax attacked Xan, along with Zed, on Monday.", _P) == {("p", "x"): "enemy"}


def test_an_enabler_sides_with_the_one_it_lets_attack_also_in_a_relative_clause():
    # s-ukraine-3: "Lukashenko, who let Russian troops use his country to invade Ukraine in 2022, said ..."
    assert stances("Pax, which let Xan fighters use its territory to attack Yel, denied the report.", _P) == {
        ("p", "x"): "ally", ("x", "y"): "enemy"}
    assert stances("Pax, which allowed Xan to attack Yel, said nothing.", _P) == {("p", "x"): "ally", ("x", "y"): "enemy"}
    assert stances("Pax let Xan fighters use its territory to attack Yel.", _P) == {
        ("p", "x"): "ally", ("x", "y"): "enemy"}
    # negated, or nothing hostile: nothing
    assert stances("Pax, which did not let Xan use its bases to attack Yel, said nothing.", _P) == {}
    assert stances("Pax let Xan use its ports to ship grain to Yel.", _P) == {}


def test_a_quantifier_before_the_object_is_no_preposition():
    # t-somalia-1: "killed at least 30 al-Shabaab militants" ("at" was read as a preposition)
    assert stances("Pax killed at least 30 Xan fighters on Sunday.", _P) == {("p", "x"): "enemy"}
    assert stances("Xan fighters killed more than 200 Yel soldiers.", _P) == {("x", "y"): "enemy"}
    # "at" before no number is still a preposition: a place, no object
    assert stances("Pax struck at dawn near Xan.", _P) == {}


def test_a_double_object_with_materiel_is_support_for_the_first():
    # t-karabakh-2 "France has agreed to sell Armenia Caesar howitzers", t-myanmar-2 "it gives the junta jets"
    assert stances("Pax gives Xan jets and cover at the UN.", _P) == {("p", "x"): "ally"}
    assert stances("Pax has agreed to sell Yel howitzers and radars.", _P) == {("p", "y"): "ally"}
    # not materiel, or negated: nothing
    for text in ("Pax gave Xan a final warning.", "Pax never sold Yel drones.", "Pax sent Xan fighters to Yel."):
        assert stances(text, _P) == {}, text


def test_emerged_as_and_made_predicate_a_relation_noun_of_their_actor():
    # t-somalia-3 "Ankara has emerged as Mogadishu's most important security partner", t-ukraine-3 "a stance that
    # has made Hungary the Kremlin's most reliable friend", t-sahel-2 "Mali's rupture with Algeria"
    assert stances("Pax has emerged as Yel's most important security partner.", _P) == {("p", "y"): "friendly"}
    # made: the object, not the subject's possessor (was Quor-Yel)
    assert stances("Quor's stance has made Pax Yel's most reliable friend.", _P) == {("p", "y"): "friendly"}
    assert stances("Pax's rupture with Yel over the border question has left Pax isolated.", _P) == {("p", "y"): "rival"}


def test_hypotheticals_averted_wars_and_former_ties_propose_nothing():
    # "could arm" has not happened; "avoid a war" is no war; "once allies" are not allies now (gave Pax-Yel ally);
    # "Yel, once Pax's closest ally, now backs Xan" gave a false Pax-Xan ally
    for text in ("Pax could arm Xan, analysts warned.", "Pax wants to avoid a war with Yel.",
                 "Pax and Yel, once allies, have drifted apart.", "Yel, once Pax's closest ally, now backs Xan."):
        assert not {k: v for k, v in stances(text, _P).items() if k in {("p", "x"), ("p", "y")}}, text
    # "could have armed" is a hedge: still proposed, as an allegation
    p = extract_relations("Pax could have armed Xan, a UN report said.", _P).proposals
    assert [(x.pair, x.stance.value, x.alleged) for x in p] == [(("p", "x"), "ally", True)]


def test_a_claim_an_actor_rejected_is_an_allegation():
    # "a claim Pax rejected" was proposed with full confidence and no hedge ("rejected" alone is no denial)
    for text in ("Xan said Pax had armed Zed, a claim Pax rejected.", "Pax armed Xan, an accusation Pax dismissed."):
        assert [(p.stance.value, p.alleged) for p in extract_relations(text, _P).proposals] == [("ally", True)], text
    # a rejected proposal is no denial of what follows
    assert [p.alleged for p in extract_relations("Pax rejected a truce and attacked Yel.", _P).proposals] == [False]


def test_a_threat_to_us_and_rejecting_a_deployment_are_hostile():
    # s-somalia-2: "while al-Shabaab remains a threat to our people, and we reject Egypt's deployment of forces"
    assert stances('"Xan remains a threat to our people," a Yel minister said.', _P) == {("x", "y"): "rival"}
    assert stances('Yel said: "We reject Pax\'s deployment of troops."', _P) == {("p", "y"): "rival"}
    assert stances("Yel said Xan remains a threat to its people.", _P) == {("x", "y"): "rival"}
    # a pronoun before an actor's name is a determiner, not the owner
    assert stances("Yel said Pax is an ally of their enemy Xan.", _P) == {("p", "x"): "ally", ("x", "y"): "enemy"}
    assert stances("Yel never opposed Pax's presence.", _P) == {}


def test_seized_from_after_a_long_object():
    # t-myanmar-3: "which have seized much of Rakhine and northern Shan state from the military"
    assert stances("Xan and Zed, which have seized much of the north and the eastern hill state from Yel, met.",
                   _P) == {("x", "y"): "enemy", ("y", "z"): "enemy"}
    # an infinitive or a pronoun in between: another verb's "from"
    assert stances("Xan took the decision to withdraw its troops from Yel.", _P) == {}


def test_an_asset_used_by_an_actor_is_its():
    # t-somalia-1: "attacked a base used by African Union peacekeepers"
    assert stances("Xan attacked a base used by Yel peacekeepers.", _P) == {("x", "y"): "enemy"}
    assert stances("Xan shelled an airfield operated by Pax.", _P) == {("p", "x"): "enemy"}
    # weapons used by an actor are no place of theirs
    assert stances("Xan seized weapons used by Yel.", _P) == {}


def test_a_relative_clause_after_a_list_closed_by_a_name_and_whose_rulers():
    # s-sahel-2: "Burkina Faso, Mali and Niger, whose juntas expelled French forces, have turned to Russia"
    assert stances("Pax, Yel and Niger, whose juntas expelled Quor forces, met on Monday.", _P) == {
        ("p", "q"): "enemy", ("q", "y"): "enemy"}
    assert stances("Pax, whose leaders backed Xan for years, met Yel.", _P) == {("p", "x"): "ally"}
    # after a verb, "and" with a word is no list: "which" is the act's
    assert stances("Pax attacked Yel and fled, which angered Quor.", _P) == {("p", "y"): "enemy"}


def test_an_event_the_subject_reacts_to_is_not_its_act():
    # "sanctioned Xan leaders over the attack on Yel" gave Pax-Yel enemy (a wrong sign for a Yel ally)
    assert stances("Quor sanctioned Xan leaders over the attack on Yel.", _P) == {("q", "x"): "rival"}
    for text in ("Pax mourned the victims of the attack on Yel.", "Pax visited the site of the attack on Yel."):
        ex = extract_relations(text, _P)
        assert ex.proposals == () and any("whose act" in u.reason for u in ex.unclear), text
    # launched, carried out, in: the subject's own
    assert stances("Pax carried out a series of deadly air strikes on Yel.", _P) == {("p", "y"): "enemy"}
    assert stances("Pax launched hundreds of drones in attacks on Yel.", _P) == {("p", "y"): "enemy"}


def test_both_signs_in_one_sentence_through_a_pronoun_propose_neither():
    # "Pax backed Yel, then turned on it" was proposed as an ally tie: the hostile reading went through "it"
    # and lost to the direct one; the text says both, so neither sign is proposed
    for text in ("Pax backed Yel, then turned on it.", "Pax backed Yel before turning on it."):
        ex = extract_relations(text, _P)
        assert ex.proposals == () and any("both signs" in u.reason for u in ex.unclear), text
    # named twice, both stated plainly: ambivalent
    assert stances("Pax fought alongside Yel before turning on Yel.", _P) == {("p", "y"): "ambivalent"}


def test_a_plural_possessive_owns_what_follows():
    # t-myanmar-1: "Beijing, long the generals' main backer" (the apostrophe after the s was a token of its own)
    actors = [Actor("y", "Yel", "state"), Actor("p", "Pax", "armed_group"), Actor("q", "Quor", "state")]
    assert stances("Pax shelled Yel, and Quor, long the generals' main backer, said nothing.", actors) == {
        ("p", "y"): "enemy", ("q", "y"): "ally"}


def test_a_quote_in_the_next_sentence_goes_on_with_its_speaker():
    # t-myanmar-2: '"... we fight alongside them," a KIA spokesman told Wire. "The Arakan Army are our comrades, but
    # China is not our friend - it gives the junta jets."'
    assert stances('"We will fight Yel," a Xan commander said. "Zed are our comrades."', _P) == {
        ("x", "y"): "enemy", ("x", "z"): "ally"}
    # only the very next sentence: a sentence between ends it
    assert stances('"We will fight Yel," a Xan commander said. Pax said nothing. "Zed are our comrades."', _P) == {
        ("x", "y"): "enemy"}
    # a negation does not reach past a dash before a new subject
    assert stances("Pax is not our friend - it gives Xan jets, a Yel minister said.", _P) == {("p", "x"): "ally"}


def test_a_reaction_after_a_clause_judges_its_act_not_its_object():
    # "Xan attacked Yel, which Pax condemned" gave Pax-Yel rival (a wrong sign: Pax sided with Yel)
    assert stances("Xan attacked Yel, which Pax condemned.", _P) == {("x", "y"): "enemy"}
    # t-karabakh-2: "France has agreed to sell Armenia Caesar howitzers, a decision Baku denounced as ..."
    assert stances("Pax has agreed to sell Yel howitzers, a decision Quor denounced as reckless.", _P) == {
        ("p", "y"): "ally", ("p", "q"): "rival"}
    assert stances("Pax deployed troops to Yel, a move Quor welcomed.", _P) == {("p", "y"): "ally", ("p", "q"): "friendly"}
    assert stances("Pax deployed troops to Yel, a move Quor did not condemn.", _P) == {("p", "y"): "ally"}


def _alleged(text: str) -> dict[tuple[str, str], bool]:
    return {p.pair: p.alleged for p in extract_relations(text, _P).proposals}


def test_a_third_partys_claim_is_an_allegation_the_speakers_own_word_is_not():
    # u-ukraine-1: "Kyiv's top diplomat also said North Korean soldiers were still fighting alongside Russian troops"
    # was proposed at full confidence, as if the text established it
    assert _alleged("Yel said Quor was arming Xan.") == {("q", "x"): True}
    assert _alleged("Yel's foreign minister said on Tuesday that Quor had supplied Xan with drones.") == {("q", "x"): True}
    assert _alleged("Quor was arming Xan, Yel's foreign minister said.") == {("q", "x"): True}
    assert _alleged('"Quor is arming Xan," a Yel minister said.') == {("q", "x"): True}
    # the speaker is one of the pair: its own word about itself
    assert _alleged("Pax said Yel had attacked it.") == {("p", "y"): False}
    assert _alleged("Xan attacked Yel, the Yel defence ministry said.") == {("x", "y"): False}
    # an unnamed source is the ordinary attribution of agency copy
    assert _alleged("Xan attacked Yel, officials said.") == {("x", "y"): False}
    ex = extract_relations("Yel said Quor was arming Xan.", _P)
    assert ex.proposals[0].evidence[0].hedge == "claimed by y (said)"


def test_a_reply_opens_the_reported_clause():
    # u-drc-1: "Rwanda's ambassador replied that Kinshasa was arming the FDLR" gave a WRONG Rwanda-FDLR ally
    assert _alleged("Pax's ambassador replied that Quor was arming Zed.") == {("q", "z"): True}
    assert stances("Yel's envoy responded that Xan had attacked Pax.", _P) == {("p", "x"): "enemy"}


def test_a_help_phrase_after_a_passives_agent_is_the_agents():
    # u-somalia-1: "At least 20 al-Shabaab fighters were killed in air strikes carried out by US Africa Command in
    # support of Somali forces" gave a WRONG al-Shabaab-Somalia ally (the passive's subject took the phrase)
    got = stances("Xan fighters were killed in strikes carried out by Pax in support of Yel forces.", _P)
    assert got.get(("p", "y")) == "ally"
    assert got.get(("x", "y"), "enemy") == "enemy" and got.get(("p", "x"), "enemy") == "enemy"
    assert stances("Zed was attacked by Xan alongside Quor troops.", _P).get(("q", "x")) == "ally"


def test_a_verb_coordinated_after_an_accusations_complement_is_the_accusers():
    # u-karabakh-1: "Yerevan ... accused Moscow of abandoning Armenia and froze its participation in the CSTO" gave
    # a false Russia-CSTO rival (as part of the allegation) and missed Armenia-CSTO
    assert stances("Yel accused Pax of abandoning it and froze its participation in Zed.", _P) == {
        ("p", "y"): "rival", ("y", "z"): "rival"}
    ex = extract_relations("Yel accused Pax of arming Xan and recalled its envoy.", _P)
    assert {p.pair: p.alleged for p in ex.proposals} == {("p", "y"): False, ("p", "x"): True}


def test_a_state_after_a_compass_word_is_a_place_for_a_rupture():
    # u-drc-2: "The SADC mission ... was ordered to withdraw from eastern Congo" gave a WRONG DRC-SADC rival
    assert stances("The Xan mission was ordered to withdraw from eastern Yel.", _P) == {}
    assert stances("Pax withdrew from Yel.", _P) == {("p", "y"): "rival"}
    # a deployment to a region of a state still supports it
    assert stances("Pax deployed troops to eastern Yel to support the government.", _P) == {("p", "y"): "ally"}


def test_a_reversal_in_its_base_form_after_a_modal_undoes_its_object():
    # v-ukraine-1: "Hungary would veto any new sanctions on Russia" gave a WRONG Hungary-Russia rival
    assert stances("Pax would veto any new sanctions on Yel.", _P) == {}
    assert stances("Pax vowed to block sanctions against Yel.", _P) == {}
    assert stances("Quor said it would oppose any attack on Yel.", _P) == {}
    # the sanction itself, in any tense, stays a sanction
    assert stances("Pax will impose sanctions on Yel.", _P) == {("p", "y"): "rival"}


def test_a_tie_the_sentence_says_has_ended_is_not_proposed():
    # v-levant-2: "which has cooperated with Israel ... for decades, suspended that coordination" gave a WRONG
    # Israel-PA friendly; v-somalia-1: "Ethiopian troops, who had fought al-Shabaab alongside the Somali army for
    # years, were ordered out of two bases by Mogadishu" a WRONG Ethiopia-Somalia ally
    ex = extract_relations("Pax, which has cooperated with Yel for years, suspended that coordination.", _P)
    assert ex.proposals == () and [(n.a, n.b) for n in ex.negated] == [("p", "y")]
    assert stances("Pax has armed Xan for years and ended that support in May.", _P) == {}
    assert ("x", "y") not in stances(
        "Xan fighters, who had fought Zed alongside Yel troops for years, were ordered out of two bases by Yel.", _P)
    # a rupture with an actor of its own, or an expulsion by a third actor, leaves the other ties standing
    assert stances("Pax, which has cooperated with Yel for years, suspended cooperation with Quor.", _P) == {
        ("p", "y"): "friendly", ("p", "q"): "rival"}
    assert stances("Pax, backed by Quor, was expelled from the town by Yel.", _P)[("p", "q")] == "ally"


def test_a_dateline_whose_place_has_several_words_in_capitals_is_one_sentence():
    # u-sudan-2, v-sudan-1: "EL FASHER, Sudan, May 2 (Wire) -" was split after "EL"
    from alliances.extract import split_sentences

    assert [s.text for s in split_sentences("EL FASHER, Sudan, May 2 (Wire) - Xan shelled Yel.")] == [
        "EL FASHER, Sudan, May 2 (Wire) - Xan shelled Yel."]
    assert [s.text for s in split_sentences("Xan shells camp EL FASHER, May 2 (Wire) - Xan shelled Yel.")] == [
        "Xan shells camp", "EL FASHER, May 2 (Wire) - Xan shelled Yel."]
    assert stances("EL FASHER, Yel, May 2 (Wire) - Xan, backed by Pax, shelled Yel.", _P) == {
        ("p", "x"): "ally", ("x", "y"): "enemy"}


def test_it_after_several_candidates_is_the_one_that_must_be_meant_or_none():
    # u-karabakh-2: "Armenia's prime minister said France had agreed to supply Yerevan ... and that Paris had
    # assured him it would oppose ..." read "it" as Armenia
    from alliances.extract import Gazetteer, find_mentions, split_sentences

    def it(text: str) -> list[str]:
        sents = split_sentences(text)
        return [m.actor for ms in find_mentions(sents, Gazetteer(_P)) for m in ms if m.text == "it"]

    assert it("Yel's envoy said Pax had armed Yel and that Quor had assured him it would stay.") == ["q"]
    assert it("Yel said Quor had promised him it would send weapons.") == ["q"]
    assert it("Pax told Yel it would keep arming Xan.") == ["p"]
    assert it("Xan, which fought Yel, said it would respect any deal.") == ["x"]
    # an accusation's complement: "it" is the accuser, the other one named
    assert it("Pax accused Yel of arming militias against it.") == ["p"]
    # two candidates and nothing to choose between them: none, and the sentence is listed as unclear
    assert it("Quor denied Yel claims that it arms Xan.") == []
    ex = extract_relations("Quor denied Yel claims that it arms Xan.", _P)
    assert ex.proposals == () and "'it'" in ex.unclear[0].reason
    # one candidate: it
    assert stances("Xan said it had attacked Yel.", _P) == {("x", "y"): "enemy"}


def test_a_telling_verbs_reported_clause_opens_after_its_addressee():
    # "Quor had assured it that Pax would attack Xan" gave a false Quor-Xan enemy: the teller is not the attacker
    assert stances("Yel said Quor had assured it that Pax would attack Xan.", _P) == {("p", "x"): "enemy"}
    # that "it" is the addressee: the speaker, Yel (an object, never "not clear")
    from alliances.extract import Gazetteer, find_mentions, split_sentences

    sents = split_sentences("Yel said Quor had assured it that Pax would attack Xan.")
    assert [m.actor for m in find_mentions(sents, Gazetteer(_P))[0] if m.text == "it"] == ["y"]
    assert stances("Quor had assured Yel that Pax would attack Xan.", _P) == {("p", "x"): "enemy"}
    # no addressee: the promise is the subject's own
    assert stances("Quor promised it would attack Xan.", _P) == {("q", "x"): "enemy"}
    assert stances("Pax has promised Xan weapons.", _P) == {("p", "x"): "ally"}


def test_a_tie_until_a_time_has_ended():
    assert stances("Pax, which had backed Xan until 2020, now supports Zed.", _P) == {("p", "z"): "ally"}
    assert stances("Pax armed Xan until last year.", _P) == {}
    assert stances("Pax, which fought alongside Yel for years, was expelled by Yel.", _P) == {("p", "y"): "enemy"}
    # "since" a time, or "until" no time, leaves the tie standing
    assert stances("Pax has backed Xan since 2019.", _P) == {("p", "x"): "ally"}
    assert stances("Pax will back Xan until the end.", _P) == {("p", "x"): "ally"}
    # a habit that was
    assert stances("Pax used to arm Xan.", _P) == {}
    assert stances("Pax, which used to back Xan, now attacks it.", _P) == {("p", "x"): "enemy"}


def test_an_object_it_with_several_candidates_and_no_reported_subject_is_none():
    # "Pax condemned Yel and Quor praised it": Pax, Yel or the condemnation? (it was read as Pax: a false Pax-Quor tie)
    assert stances("Pax condemned Yel and Quor praised it.", _P) == {("p", "y"): "rival"}
    # the speaker's own "it" after a reported subject, and a subject "it" after "said on Tuesday", stay read
    assert stances("Xan said Pax was supplying it with weapons.", _P) == {("p", "x"): "ally"}
    assert stances("Yel said on Tuesday it had repelled an attack by Xan.", _P) == {("x", "y"): "enemy"}


def test_wire_phrases_of_round_ten_read_with_their_sign():
    # v-levant-1 "Hezbollah, which has traded fire with Israel since October": only "traded fire" (reciprocal) was
    # known, and with one subject it related nothing
    assert stances("Xan, which has traded fire with Yel since October, said it would respect any deal.", _P) == {
        ("x", "y"): "enemy"}
    assert stances("Xan fighters traded fire with Yel troops overnight.", _P) == {("x", "y"): "enemy"}
    # v-karabakh-1 "has frozen its membership of the CSTO": a rupture with the organisation
    assert stances("Pax has frozen its membership of Quor.", _P) == {("p", "q"): "rival"}
    assert stances("Pax suspended its membership of Quor.", _P) == {("p", "q"): "rival"}
    # v-karabakh-1 "now buys its artillery from France": the buyer and the seller
    assert stances("Pax now buys its artillery from Yel.", _P) == {("p", "y"): "ally"}
    # u-somalia-2 "Egypt signed a defence pact with Somalia"
    assert stances("Pax signed a defence pact with Yel.", _P) == {("p", "y"): "ally"}
    # negated or refused: nothing
    assert stances("Pax has not frozen its membership of Quor.", _P) == {}
    assert stances("Pax would never buy drones from Yel.", _P) == {}
    assert stances("Pax refused to sign a defence pact with Yel.", _P) == {}


def test_the_army_is_the_one_state_called_military_and_the_reverse():
    # v-myanmar-1 "the TNLA kept fighting the army": the junta is "Myanmar military", and two states are called
    # governments ("military government", "shadow government"), so no one government answered "the army"
    actors = [Actor("j", "Yel military", "state", aliases=("military government",)),
              Actor("n", "Pax", "state", aliases=("shadow government",)), Actor("x", "Xan", "armed_group")]
    assert stances("Xan kept fighting the army in the north.", actors) == {("j", "x"): "enemy"}
    assert stances("Xan attacked the army.", actors) == {("j", "x"): "enemy"}
    armies = [Actor("y", "Yel", "state", aliases=("Yel army",)), Actor("p", "Pax", "state"),
              Actor("x", "Xan", "armed_group")]
    assert stances("Xan fought the military.", armies) == {("x", "y"): "enemy"}
    # a place is nobody's: "a military base" stays a base, not the army's
    assert stances("Xan stormed a military base.", armies) == {}
    # two states so named: none
    both = [Actor("y", "Yel military", "state"), Actor("p", "Pax military", "state"), Actor("x", "Xan", "armed_group")]
    assert stances("Xan attacked the army.", both) == {}


def test_present_tense_transfer_verbs_with_an_object_before_to():
    # v-ukraine-2 "Does North Korea still supply shells to Russia?": "supplied ... to" was read, "supplies ... to" not
    assert stances("Pax supplies shells to Yel.", _P) == {("p", "y"): "ally"}
    assert stances("Pax will supply artillery to Yel.", _P) == {("p", "y"): "ally"}
    assert stances("Pax sends arms to Xan.", _P) == {("p", "x"): "ally"}
    assert stances("Pax is delivering drones to Yel.", _P) == {("p", "y"): "ally"}
    assert stances("Pax does not supply weapons to Yel.", _P) == {}
    # "shipping" is a noun too: attacks on shipping bound for a state are no transfer to it
    assert stances("Xan has attacked shipping to Yel for months.", _P) == {}


def test_a_question_states_nothing_unless_a_yes_or_no_answers_it():
    # "Is Pax arming Xan?" had been proposed as an ally tie, even before "A: No."
    ex = extract_relations("Q: Is Pax arming Xan? A: No, and we have seen no evidence of it.", _P)
    assert ex.proposals == () and [(n.a, n.b, n.cue) for n in ex.negated] == [("p", "x", "arming")]
    assert stances("Q: Does Pax still supply shells to Yel? A: Yes. It sent more last week.", _P) == {
        ("p", "y"): "ally"}
    ex = extract_relations("Did Xan attack Yel again last night? Officials would not say.", _P)
    assert ex.proposals == () and ex.negated == ()
    assert [u.reason for u in ex.unclear] == ["'attack': a question, not a statement"]
    assert stances('Pax asked: "Why is Yel arming Xan?"', _P) == {}
    assert "Is" not in extract_relations("Is Pax arming Xan?", _P).unmatched
    # statements around a question are read as before
    assert stances("Pax attacked Xan. Will Yel join? Nobody knows.", _P) == {("p", "x"): "enemy"}


# eleventh round, part B: a country's officials and forces for its one state actor
_SUDAN = [Actor("saf", "Sudanese Armed Forces", "state", aliases=("Sudanese army", "Port Sudan government")),
          Actor("rsf", "Rapid Support Forces", "armed_group", aliases=("RSF",)),
          Actor("uae", "United Arab Emirates", "state", aliases=("UAE", "Abu Dhabi")),
          Actor("jf", "Joint Forces", "armed_group", aliases=("Darfur Joint Forces",)),
          Actor("splm", "Sudan People's Liberation Movement-North", "armed_group", aliases=("SPLM-N",))]


def test_a_countrys_official_speaks_for_its_one_state_actor():
    # u-sudan-3 "Sudan's foreign minister accused Abu Dhabi ...": Sudan is no actor's name, but one state's names
    # hold it ("Sudanese army", "Port Sudan government"); an armed group's name ("Sudan People's ...") does not count
    want = {("rsf", "uae"): "ally", ("saf", "uae"): "rival"}
    assert stances("Sudan's foreign minister accused Abu Dhabi of arming the RSF.", _SUDAN) == want
    assert stances("The Sudanese foreign minister accused Abu Dhabi of arming the RSF.", _SUDAN) == want
    assert stances("The foreign minister of Sudan accused Abu Dhabi of arming the RSF.", _SUDAN) == want
    assert stances("Sudanese officials accused the RSF of shelling the camp.", _SUDAN) == {("rsf", "saf"): "rival"}
    # a place is not its government, nor is another country whose name holds it
    assert stances("Fighting in Sudan went on as the RSF attacked the Joint Forces.", _SUDAN) == {
        ("jf", "rsf"): "enemy"}
    assert stances("Sudan's cities were shelled by the RSF.", _SUDAN) == {}
    assert stances("South Sudan's foreign minister accused Abu Dhabi of arming the RSF.", _SUDAN) == {
        ("rsf", "uae"): "ally"}
    # two states whose names hold the country: whose official it is is not clear
    two = [*_SUDAN, Actor("civ", "Sudanese civilian government", "state")]
    assert stances("Sudan's foreign minister accused Abu Dhabi of arming the RSF.", two) == {("rsf", "uae"): "ally"}


def test_regular_troops_are_the_one_government_and_a_by_phrase_is_the_nearest_agent_only():
    # t-sudan-1: "regular troops" is the scenario's one government (here the one called "... government")
    assert stances("The RSF attacked regular troops in El Fasher.", _SUDAN) == {("rsf", "saf"): "enemy"}
    assert stances("Fighters of the Joint Forces fought alongside regular troops.", _SUDAN) == {("jf", "saf"): "ally"}
    # an earlier "by the RSF" is not the agent of "alongside" when another actor stands between (it gave the
    # RSF and the SAF both signs), and "adding that" opens what is reported
    text = ("The army beat back an assault by the Rapid Support Forces on Monday, a spokesman said, adding that "
            "fighters of the Darfur Joint Forces had fought alongside regular troops.")
    assert stances(text, _SUDAN) == {("rsf", "saf"): "enemy", ("jf", "saf"): "ally"}


_UKR = [Actor("ru", "Russia", "state", aliases=("Moscow", "Kremlin")), Actor("ua", "Ukraine", "state", aliases=("Kyiv",)),
        Actor("us", "United States", "state", aliases=("Washington",)), Actor("x", "Xan", "armed_group"),
        Actor("sy", "Syria", "state")]


def test_a_strike_on_a_place_inside_a_state_targets_the_state():
    # t-ukraine-1 "Ukrainian drones struck an oil refinery deep inside Russia": the place named nobody
    assert stances("Ukrainian drones struck an oil refinery deep inside Russia.", _UKR) == {("ru", "ua"): "enemy"}
    assert stances("Russian missiles hit targets deep inside Ukraine.", _UKR) == {("ru", "ua"): "enemy"}
    assert stances("Russia bombed power plants across Ukraine.", _UKR) == {("ru", "ua"): "enemy"}
    # where something happened is no target; nor is a place a non-state attacks "in" a country, nor one held by
    # someone, nor a cooperative act, a negated or a passive one
    assert stances("Russia and Xan clashed in Ukraine.", _UKR) == {("ru", "x"): "enemy"}
    assert stances("Talks in Moscow between Ukraine and the United States ended.", _UKR) == {}
    assert stances("Xan attacked a refinery in Syria.", _UKR) == {}
    assert stances("Russian jets bombed towns in Syria.", _UKR) == {}
    assert stances("Russian jets struck a depot in Syria held by Xan.", _UKR) == {("ru", "x"): "enemy"}
    assert stances("Washington sent aid to cities in Ukraine.", _UKR) == {}
    assert stances("Ukrainian drones did not strike a refinery inside Russia.", _UKR) == {}
    assert stances("A refinery was struck deep inside Russia.", _UKR) == {}


def test_a_possessed_act_stands_under_a_negated_verb():
    # t-ukraine-2 "Without them, the Kremlin could not sustain its strikes on Ukrainian cities": the strikes are
    # taken for granted ("its" is the Kremlin, not "them" in the opening phrase)
    text = "Pax sends Xan shells. Without them, the Kremlin could not sustain its strikes on Ukrainian cities."
    assert stances(text, [*_UKR, Actor("p", "Pax", "state")])[("ru", "ua")] == "enemy"
    assert stances("The Kremlin did not launch strikes on Ukrainian cities.", _UKR) == {}


def test_a_paramilitary_assault_is_the_one_armed_group_not_its_own_subject():
    # v-sudan-1 "a day after the army and the Darfur Joint Forces repelled a paramilitary assault": the RSF's
    text = ("The RSF shelled the hospital on Sunday, officials said, a day after the army and the Darfur Joint Forces "
            "repelled a paramilitary assault on the airport.")
    assert stances(text, _SUDAN) == {("rsf", "saf"): "enemy", ("jf", "rsf"): "enemy"}
    assert stances("The RSF shelled the camp. The army repelled a paramilitary assault.", _SUDAN) == {
        ("rsf", "saf"): "enemy"}
    # no armed group in reach, or two: nobody
    assert stances("The army repelled a paramilitary assault on the airport.", _SUDAN) == {}
    assert stances("The RSF and the Joint Forces met. The army repelled a paramilitary assault.", _SUDAN) == {}


def test_a_list_of_allies_after_the_noun_relates_each_to_the_owner():
    # u-levant-1 "Iran's network of allies, Hezbollah in Lebanon, the Houthis in Yemen and armed groups in Iraq,"
    text = "Pax's network of allies, Xan in the north, the Zed in the south and militias in the east, was built."
    assert stances(text, _P) == {("p", "x"): "ally", ("p", "z"): "ally"}  # and nothing between Xan and Zed
    assert stances("Pax's allies, Xan in the north and Zed in the south, met on Monday.", _P) == {
        ("p", "x"): "ally", ("p", "z"): "ally"}
    assert stances("Pax's web of proxies, Xan, Zed and armed groups in the east, has been weakened.", _P) == {
        ("p", "x"): "ally", ("p", "z"): "ally"}
    # a former tie, a list of sides, a list after "against": no ally
    assert stances("Pax's former allies, Xan in the north and Zed in the south, met.", _P) == {}
    assert stances("The war's sides, Xan in the north and Zed in the south, agreed to talk.", _P) == {}
    assert stances("Pax's allies fought against Xan, Zed and Yel.", _P) == {}


def test_the_juntas_in_a_list_of_capitals_are_the_subject():
    # u-sahel-2 "The juntas in Bamako, Ouagadougou and Niamey, which left ECOWAS ..., have turned to Russia"
    text = "The juntas in Pax, Yel and Niamey, which left Zed in January, have turned to Quor for security."
    assert stances(text, _P) == {("p", "q"): "ally", ("q", "y"): "ally"}
    assert stances("The juntas of Pax and Yel have turned to Quor for security.", _P) == {
        ("p", "q"): "ally", ("q", "y"): "ally"}
    # troops in a place are people there, not its state
    assert stances("Troops in Pax and Yel have expelled Quor forces.", _P) == {}


def test_co_agents_of_one_hostile_act_are_allies():
    # u-sahel-1 "Malian troops and Africa Corps fighters killed dozens of civilians in a raid on a village"
    assert stances("Pax troops and Xan fighters killed dozens of civilians in a raid on a village.", _P) == {
        ("p", "x"): "ally"}
    assert stances("Pax and Xan jointly shelled the town.", _P) == {("p", "x"): "ally"}
    assert stances("Pax and Xan jointly attacked Zed.", _P) == {
        ("p", "x"): "ally", ("p", "z"): "enemy", ("x", "z"): "enemy"}
    # parties to one fight, separate acts, victims, no common act: no tie between them
    assert stances("Pax and Xan attacked Zed.", _P) == {("p", "z"): "enemy", ("x", "z"): "enemy"}  # maybe two attacks
    assert stances("Pax and Xan fought each other in a raid.", _P) == {("p", "x"): "enemy"}
    assert stances("Clashes between Pax and Xan killed ten in an attack.", _P) == {("p", "x"): "enemy"}
    assert stances("Pax and Xan have both attacked Zed.", _P) == {("p", "z"): "enemy", ("x", "z"): "enemy"}
    assert stances("Pax and Xan were killed in a raid by Zed.", _P) == {("p", "z"): "enemy", ("x", "z"): "enemy"}
    assert stances("Pax and Xan fought near the town in an offensive.", _P) == {}
    assert stances("Pax and Xan killed dozens of civilians.", _P) == {}
    assert stances("Pax and Xan did not attack Zed in a joint raid.", _P) == {}


def test_the_actors_one_fights_alongside_are_on_one_side():
    # u-drc-2 "Burundian troops ... remain in South Kivu alongside the Congolese army and Wazalendo militias"
    assert stances("Quor troops remain in the south alongside Pax forces and Xan fighters.", _P) == {
        ("p", "q"): "ally", ("q", "x"): "ally", ("p", "x"): "ally"}
    # v-myanmar-2 "its People's Defence Forces would keep fighting alongside the Kachin Independence Army"
    actors = [Actor("n", "Pax", "state"), Actor("d", "Xan Defence Forces", "armed_group"),
              Actor("k", "Zed", "armed_group")]
    assert stances("Pax said its Xan Defence Forces would keep fighting alongside Zed.", actors) == {
        ("d", "k"): "ally", ("d", "n"): "ally"}
    # fighting alongside one against another: still one side each
    assert stances("Quor fought alongside Pax against Xan.", _P) == {
        ("p", "q"): "ally", ("q", "x"): "enemy", ("p", "x"): "enemy"}


def test_a_tie_before_a_time_has_ended():
    # w-sudan-3 "Before the war, the RSF and the army were partners: together they ...": a former tie read as standing
    ex = extract_relations("Before the war, Pax and Yel were partners: together they ousted the president.", _P)
    assert ex.proposals == () and [(n.a, n.b, n.cue) for n in ex.negated] == [("p", "y", "partners")]
    assert stances("Until 2021, Pax and Yel were allies.", _P) == {}
    assert stances("Prior to the coup, Pax was Yel's closest ally.", _P) == {}
    assert stances("Pax and Yel were partners before the war.", _P) == {}
    assert stances("Pax armed Xan before the 2020 war.", _P) == {}
    # the clause it opens only: a later clause in the present stands; hostile acts before a time still happened
    assert stances("Before the war, Pax and Yel were partners; now Pax arms Xan.", _P) == {("p", "x"): "ally"}
    assert stances("Before the ceasefire, Xan attacked Yel.", _P) == {("x", "y"): "enemy"}
    # "since before the war" goes on; "before joining" is no time
    assert stances("Pax has backed Xan since before the war.", _P) == {("p", "x"): "ally"}
    assert stances("Before joining the coalition, Pax armed Xan.", _P) == {("p", "x"): "ally"}


def test_a_restrictive_relative_is_said_of_its_head_noun():
    # x-sudan-2 "The RSF's siege of El Fasher ... has drawn in the Darfur armed movements that ... now fight alongside
    # the army": the owner of the siege was read as the subject of "fight alongside" (RSF-SAF ally)
    assert stances("Xan's siege of the city has drawn in Zed fighters that had stayed neutral for months and now fight "
                   "alongside Yel.", _P) == {("y", "z"): "ally"}
    ex = extract_relations("Xan's siege of the city has drawn in militias that now fight alongside Yel.", _P)
    assert ex.proposals == () and any("'alongside': said of the militias that ..., who are no actor" in u.reason
                                      for u in ex.unclear)
    assert stances("Pax armed militias who later attacked Yel.", _P) == {}
    assert stances("Pax backed groups that are allied with Yel.", _P) == {}
    # the subject's own relative, its own troops, a complement after "told": read as before
    assert stances("Xan fighters who fight alongside Yel took the town.", _P) == {("x", "y"): "ally"}
    assert stances("Pax deployed its troops that fight alongside Yel.", _P) == {("p", "y"): "ally"}
    assert stances("Pax told Yel that Zed fighters had attacked Xan.", _P) == {("x", "z"): "enemy"}
    # an apposition's relative is the named actor's
    assert stances("Pax fought against Zed, a militia that fights alongside Yel.", _P) == {
        ("p", "z"): "enemy", ("y", "z"): "ally"}


def test_a_possessed_act_is_its_possessors():
    # w-levant-3 "Hamas calls Mahmoud Abbas's security cooperation with Israel collaboration": the cooperation is
    # Abbas's, not the subject's (Hamas-Israel friendly)
    ex = extract_relations("Xan calls Mahmoud Abbas's security cooperation with Yel collaboration.", _P)
    assert ex.proposals == () and any("said of Abbas's cooperation with" in u.reason for u in ex.unclear)
    assert stances("Pax praised the president's growing support for Xan.", _P) == {}
    # an actor as possessor is the agent
    assert stances("Pax calls Quor's security cooperation with Yel collaboration.", _P) == {("q", "y"): "friendly"}
    assert stances("Pax welcomed Quor's support for Xan.", _P) == {("p", "q"): "friendly", ("q", "x"): "ally"}
    # the subject's own possessive, or its pronoun: as before
    assert stances("Pax stepped up its cooperation with Yel.", _P) == {("p", "y"): "friendly"}
    assert stances("Pax's forces attacked Yel.", _P) == {("p", "y"): "enemy"}


def test_a_transfer_of_no_goods_is_negated():
    # x-sahel-3 "they had received no weapons from Algeria, as Mali's government claims": "no" inside the cue's gap
    ex = extract_relations("Xan said they had received no weapons from Pax, as Yel's government claims.", _P)
    assert ex.proposals == () and [(n.a, n.b) for n in ex.negated] == [("p", "x")]
    assert stances("Pax supplied no drones to Xan.", _P) == {}
    assert stances("Pax received weapons from Quor.", _P) == {("p", "q"): "ally"}


def test_an_actor_after_and_that_a_verb_follows_opens_its_own_clause():
    # x-karabakh-3 "France pledged humanitarian aid to Yerevan and Iran offered its condolences": Iran is no recipient
    assert stances("Pax pledged humanitarian aid to Yel and Quor offered its condolences.", _P) == {("p", "y"): "ally"}
    assert stances("Pax sent weapons to Yel and Quor later condemned the deliveries.", _P) == {("p", "y"): "ally"}
    assert stances("Pax armed Yel and Quor trained Xan.", _P) == {("p", "y"): "ally", ("q", "x"): "ally"}
    # a group of two is still one group: "between X and Y resumed", two objects with no verb after
    assert stances("Fighting between Xan and Zed resumed on Sunday.", _P) == {("x", "z"): "enemy"}
    assert stances("Pax armed Yel and Quor.", _P) == {("p", "q"): "ally", ("p", "y"): "ally"}


def test_a_cue_inside_a_bodys_name_is_no_tie():
    # w-sahel-2 "Three years after Mali's junta ordered French troops out, the Alliance of Sahel States it formed
    # with Burkina Faso and Niger": "Alliance of" bound France and Mali
    ex = extract_relations("Three years after Pax ordered Quor troops out, the Alliance of Sahel States it formed "
                           "with Yel has left the bloc.", _P)
    assert ("p", "q") not in {p.pair for p in ex.proposals}
    assert any("part of a name" in u.reason for u in ex.unclear)
    # a headline in title case still reads its actors' tie
    assert stances("Pax signs Alliance With Yel.", _P) == {("p", "y"): "ally"}


def test_it_after_a_saying_verb_is_its_speaker():
    # "X said it ...": it is the saying verb's subject, not the sentence's first actor (w-somalia-1)
    assert stances("Xan attacked a Yel base, a day after Pax said it had struck the group in coordination with "
                   "Quor.", _P) == {("p", "q"): "friendly", ("x", "y"): "enemy"}
    assert stances("Xan attacked Yel, and Pax's foreign ministry said on Tuesday it would back Quor.", _P) == {
        ("p", "q"): "ally", ("x", "y"): "enemy"}
    assert stances("Xan shelled Yel before Pax also said it had armed Zed.", _P) == {
        ("p", "z"): "ally", ("x", "y"): "enemy"}
    # two speakers, or a speaker that is no actor: which one is not clear, so nothing is bound to it
    assert stances("Xan shelled Yel, a day after Pax and Quor said it would arm Zed.", _P) == {("x", "y"): "enemy"}
    assert stances("Xan shelled Yel after the minister said it would arm Zed.", _P) == {("x", "y"): "enemy"}


def test_what_follows_a_quotes_attribution_is_the_speakers():
    # x-somalia-2: the thanks in the speaker's tail were given to the quote's last actor (Yel-Quor)
    assert stances('"Yel stood by us," the Pax minister told parliament in a speech that also thanked Quor.', _P) == {
        ("p", "q"): "friendly", ("p", "y"): "ally"}
    assert stances('"Yel stood by us," Pax said, thanking Quor.', _P) == {("p", "q"): "friendly", ("p", "y"): "ally"}
    # no one speaker: the tail is nobody's, and an actor the tail names again keeps its own act
    assert stances('"Yel stood by us," the minister said in a speech that also thanked Quor.', _P) == {}
    assert stances('"Yel stood by us," Pax said, adding that Yel had also armed Xan.', _P) == {
        ("p", "y"): "ally", ("x", "y"): "ally"}


def test_a_relation_noun_in_a_naming_predicate_is_the_named_ones():
    # w-sudan-2: "Burhan, who has called the Emirates the paramilitary's main sponsor" gave the army-RSF tie
    # the noun states (the named one, its possessor), as the namer's claim; never the namer's own tie
    ex = extract_relations("Pax has called Yel Xan's main sponsor.", _P)
    assert [(p.a, p.b, p.stance.value) for p in ex.proposals] == [("x", "y", "ally")]
    assert ex.proposals[0].evidence[0].hedge == "claimed by p (called)"
    assert stances("Quor, which has branded Yel Xan's chief backer, cut ties with Pax.", _P) == {
        ("p", "q"): "rival", ("x", "y"): "ally"}
    assert stances("Pax calls Yel the main ally of Xan.", _P) == {}
    # the namer's own view stays: "its ally" is the namer's, "a threat" is how the namer sees Yel
    assert stances("Pax called Yel a terrorist state.", _P) == {("p", "y"): "rival"}
    assert stances("Pax called Xan's ally Yel a threat.", _P) == {("p", "y"): "rival", ("x", "y"): "ally"}
    # a copula still says it of the subject
    assert stances("Pax has been Xan's main sponsor.", _P) == {("p", "x"): "ally"}


def test_a_reports_claim_and_its_rebuttal_are_allegations():
    # x-drc-2, w-sudan-2: a report's claim and a rejection of "what it called baseless allegations" were proposed
    # as established
    def hedges(text: str) -> dict[tuple[str, str], list[str | None]]:
        return {p.pair: [e.hedge for e in p.evidence] for p in extract_relations(text, _P).proposals}

    assert hedges("A UN report seen by the Wire says Pax soldiers fight alongside Xan. Pax and Yel rejected the "
                  "findings.") == {("p", "x"): ["report seen by the wire says; denied by p (rejected the findings)"]}
    assert hedges("A report by UN experts found that Pax had armed Xan.") == {("p", "x"): ["report by un experts found"]}
    assert hedges("Pax rejected what it called baseless allegations by Yel that its cargo flights had delivered "
                  "weapons to Xan.") == {("p", "x"): ["rejected what it called"]}
    # what the sentence states as fact is not what the next one rejects, nor are other pairs
    assert hedges("Pax accused Yel of arming Xan. Yel rejected the accusation.") == {
        ("p", "y"): [None], ("x", "y"): ["accused ... of; denied by y (rejected the accusation)"]}
    assert hedges("A report says Quor armed Xan. Pax rejected the findings.") == {("q", "x"): ["report says"]}
    # a rejection of something else denies nothing
    assert hedges("Pax attacked Xan. Pax rejected the peace plan.") == {("p", "x"): [None]}


# --- thirteenth round, part B (i17s): ties stated as nouns and prepositional phrases


def test_forces_present_under_an_agreement_cooperate_with_its_other_party():
    # w-drc-3, l-drc-2, k-somalia-2: a consented military presence, stated with "under an agreement with"
    assert stances("Pax troops remain deployed in the north under a bilateral arrangement with Yel.", _P) == {
        ("p", "y"): "friendly"}
    assert stances("Pax, which has thousands of soldiers in the north under an agreement with Yel, attacked Zed.",
                   _P) == {("p", "y"): "friendly", ("p", "z"): "enemy"}
    assert stances("Pax pulled its troops out of the north, citing costs, but kept thousands of soldiers deployed "
                   "under a separate agreement with Yel.", _P) == {("p", "y"): "friendly"}
    # no presence, an agreement between enemies, or a presence that ends: nothing
    assert stances("Xan fighters were evacuated from the town under a deal with Yel.", _P) == {}
    assert stances("Pax troops remain deployed under a ceasefire agreement with Xan.", _P) == {}
    assert stances("Pax attacked Xan but withdrew its soldiers under an agreement with Yel.", _P) == {
        ("p", "x"): "enemy"}


def test_a_possessed_relation_noun_is_the_subject_of_its_own_verb():
    # u-somalia-2: "Mogadishu's quarrel with Addis Ababa ... drew Cairo in"
    assert stances("Pax's quarrel with Yel over the port deal drew Quor in.", _P) == {("p", "y"): "rival"}
    assert stances("Pax's alliance with Yel has held for years.", _P) == {("p", "y"): "ally"}
    assert stances("Pax's partnership with Yel has deepened.", _P) == {("p", "y"): "friendly"}
    assert stances("The conflict between Pax and Xan has killed thousands.", _P) == {("p", "x"): "enemy"}
    # said to be over: nothing
    assert stances("Pax's alliance with Yel has collapsed.", _P) == {}
    assert stances("Pax said its alliance with Yel had ended.", _P) == {}


def test_forces_under_an_actors_command_are_its_allies():
    # w-myanmar-2: "People's Defence Force units under its command"
    assert stances("Pax said that Xan units under its command had captured a town.", _P) == {("p", "x"): "ally"}
    assert stances("Xan fighters under the command of Pax attacked Yel.", _P) == {
        ("p", "x"): "ally", ("x", "y"): "enemy"}
    # control is of places; fire is no command
    assert stances("Xan fighters under Pax fire retreated.", _P) == {}


# --- thirteenth round, part B (i17s): first-person quotes with the speaker after them


def test_a_first_person_quote_is_its_one_speakers_word():
    # x-somalia-2, t-myanmar-2: "our sovereignty" is the speaker's; "them" the one other actor the quote named
    assert stances('"Yel violated our sovereignty, and Quor stood by us," Pax\'s defence minister told parliament.',
                   _P) == {("p", "q"): "ally", ("p", "y"): "rival"}
    assert stances('"We are not fighting for Yel, we fight alongside them," a Xan spokesman told the Wire.', _P) == {
        ("x", "y"): "ally"}
    # a base form after its subject: "we support", "we thank"
    assert stances('"We fully support Yel," said the Pax foreign minister.', _P) == {("p", "y"): "ally"}
    assert stances('"We thank Quor for its support," the Yel foreign ministry said.', _P) == {("q", "y"): "friendly"}
    assert stances("Pax and Quor back Xan.", _P) == {("p", "x"): "ally", ("q", "x"): "ally"}
    # two speakers: no one "we"; a negation; "them" with two actors in reach; no actor after the verb
    assert stances('"We support Yel," Pax and Quor said.', _P) == {}
    assert stances('"We will never support Xan," Pax said.', _P) == {}
    assert stances('"We will punish them," Xan said.', _P) == {}
    assert stances("The Pax support package for Yel was approved.", _P) == {}


# --- thirteenth round, part B (i17s): acts judged in a later phrase


def test_a_hostile_verdict_on_an_act_is_against_whose_act_it_is():
    # e-somalia-3, o-somalia-2, u-somalia-2, h-karabakh-1, w-karabakh-2, x-drc-2
    assert stances("Pax troops are due to join the new mission, a move Yel opposes.", _P) == {("p", "y"): "rival"}
    assert stances("Pax has pledged troops to the new mission, a move Yel sees as hostile.", _P) == {
        ("p", "y"): "rival"}
    assert stances("Pax and Xan held joint exercises near the border, a show of force that Yel called provocative.",
                   _P) == {("p", "x"): "ally", ("p", "y"): "rival", ("x", "y"): "rival"}
    assert stances("Pax staged military exercises near the frontier that Yel denounced as provocative.", _P) == {
        ("p", "y"): "rival"}
    # the noun the phrase repeats is its owner's act, not the subject's
    assert stances("Yel has kept cooperating with Xan despite Pax's pledge to end ties with the group, a pledge "
                   "Quor has called worthless.", _P) == {("p", "q"): "rival", ("x", "y"): "friendly"}
    # no hostile verdict, a negation, a possessor as the judge, an act whose doer is not clear: nothing more
    assert stances("Pax sold Yel howitzers, a move Quor called overdue.", _P) == {("p", "y"): "ally"}
    assert stances("Pax sold Yel howitzers, a move Quor did not call a threat.", _P) == {("p", "y"): "ally"}
    assert stances("Pax sold Yel howitzers, a move Xan's backers called a threat.", _P) == {("p", "y"): "ally"}
    # d-sudan-3: the judge after "the", with its government's or ministry's noun
    assert stances("Pax signed a political charter with Xan in Nairobi, a move that the Yel government condemned as "
                   "treason.", _P) == {("p", "x"): "ally", ("p", "y"): "rival"}
    assert stances("Pax sold Yel howitzers, a move Quor's foreign ministry called a threat.", _P) == {
        ("p", "y"): "ally", ("p", "q"): "rival"}
    assert stances("Pax did not intervene when Xan seized the town, an inaction Yel called a betrayal.", _P) == {}
    assert stances("Pax agreed to help Yel build its navy under a defence pact that angered Quor.", _P) == {
        ("p", "y"): "ally"}


# --- round 13 A (i17r): places and descriptions as targets

_CITIES = [Actor("r", "Russia", "state", aliases=("Moscow",)), Actor("u", "Ukraine", "state", aliases=("Kyiv",)),
           Actor("i", "Israel", "state"), Actor("h", "Houthis", "armed_group"),
           Actor("l", "Lebanese army", "state"), Actor("z", "Hezbollah", "armed_group"), Actor("q", "Qatar", "state")]


def test_a_hostile_act_against_a_city_is_against_its_countrys_state():
    # w-ukraine-1, d-levant-2, e-ukraine-1: actor files hold no cities; GeoNames' cities name their country
    assert stances("Russian forces pounded the city of Kharkiv with glide bombs overnight.", _CITIES) == {
        ("r", "u"): "enemy"}
    assert stances("The Houthis fired a ballistic missile at Tel Aviv.", _CITIES) == {("h", "i"): "enemy"}
    assert stances("Russian missiles struck a hospital in Kharkiv.", _CITIES) == {("r", "u"): "enemy"}
    assert stances("The city of Odesa was shelled overnight by Russian forces.", _CITIES) == {("r", "u"): "enemy"}
    assert stances("A Russian missile strike on Odesa killed 12 people.", _CITIES) == {("r", "u"): "enemy"}
    assert stances("Ukrainian drones hit a refinery in Novorossiysk.", _CITIES) == {("r", "u"): "enemy"}


def test_a_city_that_is_no_target_names_no_one():
    # a venue, a flight, a title, a state's own city, an ordinary word, a city held by another
    assert stances("Russia and Ukraine held talks in Doha.", _CITIES) == {}
    assert stances("Russian envoys arrived in Kharkiv.", _CITIES) == {}
    assert stances("Russia attacked the governor of Kherson.", _CITIES) == {}
    assert stances("Ukraine shelled Donetsk.", _CITIES) == {}
    assert stances("Russia recaptured the town of Sudzha.", _CITIES) == {}
    assert stances("Russian drones hit Police headquarters.", _CITIES) == {}
    assert stances("Russia did not strike Kharkiv.", _CITIES) == {}
    # a state that is an army of the country need not hold its cities (Hezbollah's suburbs of Beirut)
    assert stances("Israeli warplanes struck the southern suburbs of Beirut.", _CITIES) == {}


_SAHEL = [Actor("m", "Mali", "state"), Actor("b", "Burkina Faso", "state"), Actor("f", "France", "state"),
          Actor("r", "Russia", "state"), Actor("e", "ECOWAS", "international_org")]


def test_a_description_with_its_kind_words_refers_back_to_the_one_group():
    # "the rebel group", "the Islamist militants": like "the group", to the one armed group before
    assert stances("Xan seized the town. Yel struck the rebel group overnight.", _P) == {("x", "y"): "enemy"}
    assert stances("Xan seized the town. Pax has long armed the Islamist militants.", _P) == {("p", "x"): "ally"}
    assert stances("Xan seized the town. The jihadist group later attacked Yel.", _P) == {("x", "y"): "enemy"}
    # two candidates, or a name after the description: not a reference back
    assert stances("Xan and Zed seized the town. Yel struck the rebel group overnight.", _P) == {}
    assert stances("Xan seized the town. Yel struck the rebel group Zed overnight.", _P) == {("y", "z"): "enemy"}


def test_a_number_counts_the_countries_of_a_list_that_are_no_actors():
    # e-sahel-1, o-sahel-2, p-sahel-1: Niger is no actor, yet "the three juntas" are the list's three countries
    assert stances("Mali, Niger and Burkina Faso left ECOWAS. The three juntas have all expelled French forces.",
                   _SAHEL) == {("b", "f"): "enemy", ("f", "m"): "enemy"}
    assert stances("Burkina Faso, Mali and Niger left ECOWAS. All three have turned to Russia for security support.",
                   _SAHEL) == {("b", "r"): "ally", ("m", "r"): "ally"}
    # the count does not fit the list: nobody
    assert stances("Mali, Burkina Faso and Niger left the bloc. The two juntas have expelled French forces.",
                   _SAHEL) == {}
    assert stances("Mali, Togo, Niger and Burkina Faso met. The three juntas have expelled French forces.",
                   _SAHEL) == {}


def test_fighters_killed_in_an_act_whose_author_is_named():
    # u-somalia-1, w-sahel-1: the victims are the subject of a passive verb, the act a noun with its author
    assert stances("At least 20 Xan fighters were killed in air strikes carried out by Pax.", _P) == {
        ("p", "x"): "enemy"}
    assert stances("Yel soldiers were killed in a Xan ambush.", _P) == {("x", "y"): "enemy"}
    assert stances("Ten Yel soldiers died in an attack by Xan.", _P) == {("x", "y"): "enemy"}
    assert stances("A drone strike by Pax killed ten Xan fighters.", _P) == {("p", "x"): "enemy"}
    assert stances("Yel soldiers and fighters of Zed were killed in an ambush near the border claimed by both Xan "
                   "and Quor.", _P) == {("q", "y"): "enemy", ("q", "z"): "enemy", ("x", "y"): "enemy",
                                        ("x", "z"): "enemy"}
    # civilians are nobody's side; an author only blamed, a speaker, or the victims' own side is no author
    assert stances("Ten civilians were killed in an attack by Xan.", _P) == {}
    assert stances("Ten Yel soldiers were wounded in an attack the army blamed on Xan.", _P) == {}
    assert stances("Yel soldiers were killed in an ambush near the border, Xan said.", _P) == {}
    assert stances("Xan fighters were killed in an operation by Xan.", _P) == {}


# --- round 13 C: precision on the blind batches' errors
_ORG = [Actor("p", "Pax", "state"), Actor("y", "Yel", "state"), Actor("q", "Quor", "international_org"),
        Actor("x", "Xan", "armed_group")]


def test_a_joining_someone_opposes_states_no_tie():
    # y-ukraine-3: "Orban again argued against inviting Ukraine to join the alliance" gave a NATO-Ukraine ally
    for text in ("Pax again argued against inviting Yel to join Quor.", "Pax blocked Yel from joining Quor.",
                 "Pax opposed Yel joining Quor.", "Pax ruled out Yel joining Quor.",
                 "Pax objected to letting Yel join Quor."):
        ex = extract_relations(text, _ORG)
        assert ex.proposals == (), text
        assert [n.cue for n in ex.negated] and all("join" in n.cue for n in ex.negated), text
    # a joining stated, or opposed only after it is told, keeps its tie
    assert stances("Yel joined Quor.", _ORG) == {("q", "y"): "ally"}
    # the opposing comes after the joining: the joining stands (and the move judged is Pax's rival's)
    assert stances("Yel is due to join Quor, a move Pax opposes.", _ORG) == {("q", "y"): "ally", ("p", "y"): "rival"}


def test_contingents_of_one_force_are_not_allies_of_each_other():
    # y-somalia-2: "Ethiopian troops will remain part of the African Union force, alongside Egyptian soldiers"
    # gave an Egypt-Ethiopia ally
    force = [Actor("p", "Pax", "state"), Actor("y", "Yel", "state"), Actor("x", "Xan", "armed_group"),
             Actor("q", "Quor", "international_org", aliases=("Quor force", "Quor mission"))]
    assert stances('"Pax troops will remain part of the Quor force, alongside Yel soldiers," Quor\'s envoy told '
                   'reporters.', force) == {("p", "q"): "ally"}
    for text in ("Pax soldiers serve in the UN mission together with Yel troops.",
                 "Pax soldiers serve alongside Yel troops in the African Union mission.",
                 "Pax troops, alongside Yel soldiers, make up the bulk of the Quor force."):
        assert ("p", "y") not in stances(text, force), text
    # fighting side by side keeps its tie, in a force or not; so does a deployment no force is named for
    assert stances("Pax troops in the Quor mission fought Xan alongside Yel soldiers.", force)[("p", "y")] == "ally"
    assert stances("Pax troops remain in the east alongside the Yel army.", force) == {("p", "y"): "ally"}


def test_what_one_party_called_a_tie_is_its_claim():
    # z-libya-8: "over what its interior ministry called French support for 'the criminal Haftar'" was proposed
    # as established
    def hedges(text: str) -> dict[tuple[str, str], list[str | None]]:
        return {p.pair: [e.hedge for e in p.evidence] for p in extract_relations(text, _P).proposals}

    assert hedges("Yel suspended security cooperation with Pax over what its interior ministry called Pax's "
                  "support for Xan.") == {("p", "x"): ["claimed by y (what ... called)"], ("p", "y"): [None]}
    assert hedges("Yel condemned what it described as Pax's arming of Xan.")[("p", "x")] == [
        "claimed by y (what ... called)"]
    assert hedges("Pax's troops left in what critics called a betrayal of Xan's support for Yel.")[("x", "y")] == [
        "what ... called"]
    # the namer's own word about itself stays, and so does a hedge the link already had
    assert hedges("Xan fired rockets at Yel in what it called solidarity with Zed.")[("x", "z")] == [None]
    assert hedges("Pax rejected what it called baseless allegations by Yel that its cargo flights had delivered "
                  "weapons to Xan.") == {("p", "x"): ["rejected what it called"]}


# --- round 14: a possessive before a named leader of the same group (ukraine-05, moved to the tuning half)

_LED = [Actor("p", "Pax", "state", aliases=("the Kremlin",)), Actor("y", "Yel", "state"),
        Actor("x", "Xan", "armed_group", aliases=("Zor Amet",)), Actor("z", "Zed", "armed_group")]


def test_a_possessive_before_a_named_leader_is_the_leaders_own_group():
    # the second sentence names the group through its leader: a direct statement, so both signs stand
    text = "Xan fought for Pax at Bakhmut. Its founder Zor Amet later turned on the Kremlin."
    assert stances(text, _LED) == {("p", "x"): "ambivalent"}
    assert stances("Xan fought for Pax. The group's veteran leader Zor Amet later turned on Pax.", _LED) == {
        ("p", "x"): "ambivalent"}
    # a possessive of another actor is a relation of its own and stays
    assert stances("Pax backed Xan. Its ally Zed attacked Yel.", _LED)[("y", "z")] == "enemy"
    # without a title between, the pronoun is not the name's introduction
    assert stances("Xan fought for Pax. Its fighters later turned on the Kremlin.", _LED) == {("p", "x"): "ally"}


# --- round 14, part B: a hedge covers the clause it is attached to (hedge scope)


def _hedges(text: str) -> dict[tuple[str, str], list[str | None]]:
    return {p.pair: [e.hedge for e in p.evidence] for p in extract_relations(text, _P).proposals}


def test_a_hedge_covers_its_own_clause_not_an_apposition_or_another_clause():
    # an apposition's tie is stated in passing, not what the closing attribution vouches for
    assert _hedges("Xan, Pax's smaller ally, still holds a hostage, according to Yel officials.") == {
        ("p", "x"): [None]}
    # a relative clause of its own, and a main clause after "while", are not the attributed clause
    assert _hedges("Xan and Zed, which have fought each other since 2020, both claimed attacks on Quor.")[
        ("x", "z")] == [None]
    assert _hedges("Pax has armed Quor, diplomats say, while Yel supplied Xan with missiles.") == {
        ("p", "q"): ["diplomats say"], ("x", "y"): [None]}
    # a hedge inside a relative clause covers that clause only ("experts say" is a hedge now)
    assert _hedges("Xan, which Pax reportedly arms, attacked Quor.") == {("p", "x"): ["reportedly"], ("q", "x"): [None]}
    assert _hedges("Pax armed Xan, UN experts say.") == {("p", "x"): ["experts say"]}
    # the clause it stands in, and its reported complements, stay hedged
    assert _hedges("Pax reportedly armed Xan.") == {("p", "x"): ["reportedly"]}
    assert _hedges("According to Yel officials, Pax armed Xan and Xan attacked Quor.") == {
        ("p", "x"): ["according to"], ("q", "x"): ["according to"]}
    assert _hedges("A report says Pax has armed Xan, and that Quor has kept cooperating with Zed.") == {
        ("p", "x"): ["report says"], ("q", "z"): ["report says"]}


def test_a_pronoun_standing_for_goods_is_not_an_actor():
    # z-libya-8: "they" are the missiles, not Xan's forces, so Pax's protecting binds nobody to Xan
    text = ("Missiles found at a base abandoned by Xan's forces belonged to Pax, the Pax ministry said, saying they "
            "had been bought to protect Pax troops.")
    assert ("p", "x") not in stances(text, _P)
    # an actor that is given something, or that seized something itself, is still the actor
    assert stances("Pax said they were supplied with drones by Quor.", _P) == {("p", "q"): "ally"}


def test_a_finding_its_subject_explains_away_is_disputed():
    def hedges(text: str) -> dict[tuple[str, str], list[str | None]]:
        return {p.pair: [e.hedge for e in p.evidence] for p in extract_relations(text, _P).proposals}

    # the goods given a purpose of the subject's own: its support in the sentence before is disputed
    assert hedges("A UN report says Pax supplied missiles to Xan. Pax said the missiles had been bought to protect "
                  "its own troops.") == {("p", "x"): ["report says; denied by p (said ... bought)"]}
    assert hedges("Pax armed Xan and attacked Zed. Pax said the drones had been bought for its own army.") == {
        ("p", "x"): ["denied by p (said ... bought)"], ("p", "z"): [None]}
    # a recipient, no purpose, or another actor's explanation dispute nothing
    assert hedges("Pax supplied missiles to Xan. Pax said the missiles had been sold to Xan to fight Zed.") == {
        ("p", "x"): [None]}
    assert hedges("Pax supplied missiles to Xan. Pax said the missiles were delivered last week.") == {
        ("p", "x"): [None]}
    assert hedges("Pax supplied missiles to Xan. Quor said the missiles had been bought to protect its troops.") == {
        ("p", "x"): [None]}


# --- round 14 A: relations carried by event nouns (y-ukraine-1, y-ukraine-3, y-levant-1)


def test_event_nouns_of_delivery_assault_and_ceasefire_carry_the_relation():
    # "Washington resumed deliveries of Patriot interceptors to Kyiv": the goods between noun and recipient
    assert stances("Pax resumed deliveries of air-defence interceptors to Yel.", _P) == {("p", "y"): "ally"}
    assert stances("Pax approved the sale of fighter jets to Yel.", _P) == {("p", "y"): "ally"}
    # a paused or condemned delivery, trade and prisoners handed over are no support
    assert stances("Pax paused deliveries of interceptors to Yel.", _P) == {}
    assert stances("Pax began exports of grain to Yel.", _P) == {}
    assert stances("Pax agreed to the transfer of prisoners to Xan.", _P) == {}
    # "have since taken part in assaults on Ukrainian positions"
    assert stances("Pax troops have taken part in assaults on Yel positions.", _P) == {("p", "y"): "enemy"}
    # "A ceasefire between Israel and Hezbollah took effect": a ceasefire is between parties at war
    assert stances("A ceasefire between Pax and Xan took effect on Wednesday.", _P) == {("p", "x"): "enemy"}
    assert stances("Quor brokered a truce between Yel and Zed.", _P) == {("y", "z"): "enemy"}
    assert stances("Talks between Pax and Yel resumed in Quor.", _P) == {}
    # "announced a new package of Patriot interceptors for Kyiv" (p-ukraine-3); sanctions are no goods
    assert stances("Pax announced a new package of air-defence interceptors for Yel.", _P) == {("p", "y"): "ally"}
    assert stances("Quor agreed a package of sanctions for Yel.", _P) == {}


def test_the_later_verb_of_a_relative_clause_is_said_of_its_head():
    # y-levant-2: "The group, which controls most of northern Yemen and receives weapons and training from Tehran,"
    text = "Xan attacked Yel. The group, which controls most of the north and receives weapons from Pax, vowed to fight."
    assert stances(text, _P) == {("p", "x"): "ally", ("x", "y"): "enemy"}
    assert stances("Xan, which has fought Yel for a decade and now backs Zed, held talks.", _P) == {
        ("x", "y"): "enemy", ("x", "z"): "ally"}
    # a relative clause with a subject of its own, or said by someone, binds no later verb to its head
    assert ("p", "x") not in stances("Xan, which the government says controls the north and receives arms from "
                                     "Pax, held talks.", _P)
    assert stances("Xan, which Pax armed and Yel backs, held talks.", _P)[("p", "x")] == "ally"
    assert stances("Xan, which controls the north, and Pax armed Zed.", _P)[("p", "z")] == "ally"
    # x-levant-2: "the Houthis, who have kept firing missiles at Israel and were bombed by US ... aircraft"
    assert stances("Xan, who have kept firing rockets at Yel and were bombed by Pax in return, held out.", _P) == {
        ("p", "x"): "enemy", ("x", "y"): "enemy"}


def test_a_tie_until_a_war_ends_goes_on():
    # "has vowed to keep attacking Israel until the war in Gaza ends": a bound in the future negates nothing
    assert stances("Xan, which receives weapons from Pax, vowed to fight Yel until the war ends.", _P) == {
        ("p", "x"): "ally", ("x", "y"): "enemy"}
    assert stances("Pax armed Xan until the war ended.", _P) == {}
    assert stances("Pax armed Xan until 2020.", _P) == {}


_PEOPLES = [Actor("y", "Yel", "state"), Actor("x", "Xan", "armed_group", aliases=("Xanian forces",)),
            Actor("z", "Zed", "armed_group", aliases=("Zedi mercenaries",)), Actor("p", "Pax", "state"),
            Actor("q", "Quor", "state", aliases=("Quorian army",)),
            Actor("m", "Mil", "armed_group", aliases=("Quorian militia",)), Actor("r", "Russia", "state")]


def test_a_peoples_plural_noun_is_its_one_actor():
    # z-tigray-5: "government forces ... pushed the Tigrayans back" (the actor aliased "Tigrayan forces")
    assert stances("Yel forces pushed the Xanians back towards their region.", _PEOPLES) == {("x", "y"): "enemy"}
    # z-libya-4: "called the Syrians terrorist mercenaries" (an actor after "the" is named too)
    assert stances("Pax called the Zedis terrorists.", _PEOPLES) == {("p", "z"): "rival"}
    # the demonym table's actor: "the Russians"
    assert stances("The Russians attacked Yel.", _PEOPLES) == {("r", "y"): "enemy"}
    # a people without "the" is people, and a people of two actors is nobody's side
    assert stances("Yel expelled Xanians from the area.", _PEOPLES) == {}
    assert stances("The Quorians attacked Yel.", _PEOPLES) == {}


def test_a_refusal_to_meet_is_a_rivalry():
    # z-libya-7: "Sarraj and Haftar both attended the conference but refused to meet each other"
    assert stances("Pax and Yel both attended the summit but refused to meet each other.", _P) == {
        ("p", "y"): "rival"}
    assert stances("Pax refused to negotiate with Xan.", _P) == {("p", "x"): "rival"}
    # another sense of "meet", and a refusal denied, bind nothing
    assert stances("Pax refused to meet Yel's demands.", _P) == {}
    assert stances("Pax has not refused to negotiate with Xan.", _P) == {}


def test_they_after_a_joint_subject_is_all_of_it():
    # z-tigray-4: "the Tigray Defense Forces and the Oromo Liberation Army said they had formed an alliance"
    assert stances("Xan and Zed said they had formed an alliance with smaller groups.", _P) == {("x", "z"): "ally"}
    got = stances("Pax, Quor and Yel said they would arm Xan.", _P)
    assert {got[("p", "x")], got[("q", "x")], got[("x", "y")]} == {"ally"}
    # an object is no part of the subject, and "their" keeps to the first actor
    assert ("q", "x") not in stances("Pax met Quor and they agreed to fight Xan.", _P)
    # (o-sahel-2: "left ECOWAS ... and formed their own confederation, deepening a rift with the bloc")
    assert stances("Pax and Yel left Quor and formed their own confederation, deepening a rift with the bloc.",
                   _P) == {}


def test_allies_after_a_colon_open_their_clauses():
    # y-karabakh-2: "Azerbaijan's victory owed much to its allies: Turkey trained its officers and sold it Bayraktar
    # drones, and Israel supplied loitering munitions"
    text = "Yel's victory owed much to its allies: Pax trained its officers, and Quor supplied drones."
    assert stances(text, _P) == {("p", "y"): "ally", ("q", "y"): "ally"}
    assert stances("Yel's allies: Pax and Quor.", _P) == {("p", "y"): "ally", ("q", "y"): "ally"}
    # rivals after a colon are no allies, and a clause that opens with no actor lists nobody
    assert all(s == "rival" for s in stances("Yel faced its rivals: Pax closed the border, and Quor cut aid.",
                                              _P).values())
    assert stances("Yel thanked its allies: the war is not over, Pax said.", _P) == {}


# --- round 14 D: co-signers of a text (aa-sudan-3: "who had signed the plan alongside his Emirati counterpart")


def test_co_signers_of_a_text_are_not_allies_by_that_act():
    for text in ("Pax's foreign minister, who had signed the plan alongside his Yel counterpart, flew to Quor.",
                 "Pax co-sponsored the resolution together with Yel.",
                 "Alongside Yel, Pax signed a joint statement calling for a truce.",
                 "Pax put forward the peace plan alongside Yel."):
        assert ("p", "y") not in stances(text, _P), text
    # an actor backed side by side, or fighting after the signing, keeps the tie
    assert stances("Pax backed Xan alongside Yel.", _P)[("p", "y")] == "ally"
    assert stances("Pax signed the plan and then fought Xan alongside Yel.", _P)[("p", "y")] == "ally"


# --- round 14 D: a paused aid (aa-ukraine-1: "The United States has paused all military aid to Ukraine")


def test_a_paused_or_withheld_aid_is_no_standing_support():
    for text in ("Pax has paused all military aid to Yel.", "Pax withheld arms deliveries to Yel for two months.",
                 "Pax announced a pause in military aid to Yel."):
        assert ("p", "y") not in stances(text, _P), text
    # an aid resumed after a pause, or a pause of something else, is support
    assert stances("Pax resumed military aid to Yel after a two-week pause.", _P) == {("p", "y"): "ally"}
    assert stances("Pax's arms deliveries to Yel continued despite a pause in talks.", _P) == {("p", "y"): "ally"}


# --- round 14 D: "the country" (aa-karabakh-2: "noting that Russian border guards had left Yerevan's airport ...
# France has become the country's second-largest arms supplier", the country resolved to Russia)


def test_the_country_after_a_reported_clause_is_the_paragraphs_topic_or_nobody():
    text = ("Quor's parliament voted to join the bloc. The minister said, noting that Pax guards had left Quor's "
            "airport, that it was diversifying. Yel has become the country's main arms supplier.")
    assert stances(text, _P) == {("q", "y"): "ally"}
    # two countries in a reported clause and no earlier topic: unresolved
    assert stances("Officials said on Monday that Pax troops had left Quor's airport. Yel has become the country's "
                   "main arms supplier.", _P) == {}
    # a sentence that opens on its actor keeps the usual choice
    assert stances("Pax troops left Quor's airport on Monday. Yel has become the country's main arms supplier.",
                   _P) == {("p", "y"): "ally"}


# --- round 14 D: a name of no actor as a verb's subject (aa-sahel-1: "suggested Kyiv had helped the Tuareg rebels",
# the help given to the main clause's subject, Mali)


def test_a_verb_whose_subject_is_no_actor_binds_nothing():
    text = ("Yel's transitional government severed diplomatic relations with Zed on Sunday, after a spokesman "
            "suggested Kyiv had helped the Xan rebels who killed dozens of Yel soldiers.")
    assert stances(text, _P) == {("x", "y"): "enemy", ("y", "z"): "rival"}
    assert stances("Yel broke off talks after Kyiv had helped the Xan rebels who attacked Yel troops.", _P) == {
        ("x", "y"): "enemy"}
    # an actor's named official, a place after a preposition, a month and a co-subject are no such name
    assert stances("Pax's leader Zor Amet attacked Yel.", _P) == {("p", "y"): "enemy"}
    assert stances("Pax troops stationed in Goma attacked Yel.", _P) == {("p", "y"): "enemy"}
    assert stances("Pax forces in March attacked Yel.", _P) == {("p", "y"): "enemy"}
    assert stances("Yel said Zed and Washington had armed Xan.", _P) == {("x", "z"): "ally"}
    # nor does the tie a control verb implies ("X allowed Y to attack Z": X sides with Y) when X is no actor
    assert stances("Yel severed ties with Zed after Kyiv allowed Xan to attack Pax troops.", _P) == {
        ("p", "x"): "enemy", ("y", "z"): "rival"}


# --- round 14 D: co-victims (aa-sahel-1: "the Tuareg rebels who killed dozens of Malian soldiers and Wagner
# fighters", the helping implication made Mali, the subject, a foe of Wagner)


def test_a_helper_among_the_victims_makes_no_foe_of_its_co_victims():
    assert ("p", "y") not in stances("Pax helped the Xan rebels who killed dozens of Pax soldiers and Yel fighters.",
                                     _P)
    # a helper that is not among the victims is against them (indirect), as before
    assert stances("Pax helped Xan attack Yel and Quor.", _P)[("p", "q")] == "enemy"
    assert stances("Pax helped Xan fight Yel.", _P)[("p", "y")] == "enemy"


# --- round 14 D: an advance notice (aa-levant-1: "Tehran had warned Doha and Washington in advance", read as a
# threat; d-levant-1's "warned Israel of a 'crushing response'" is one)


def test_a_warning_given_in_advance_is_a_notice_not_a_threat():
    for text in ("Pax had warned Yel and Quor in advance, according to officials of both countries.",
                 "Pax warned Yel hours before the strike.", "Pax warned Yel of the planned strikes."):
        assert stances(text, _P) == {}, text
    for text in ("Pax warned Yel of a crushing response.", "Pax warned Yel of the consequences.",
                 "Pax warned Yel that it would retaliate."):
        assert stances(text, _P) == {("p", "y"): "rival"}, text


# --- an object that belongs to the verb after "and" (noticed in round 14: a wrong sign)


def test_the_object_of_a_second_verb_is_not_the_first_verbs():
    # "its soldiers" is the object of "trained"; Xan is the object of "fought" only
    assert stances("Pax trained its soldiers and fought Xan.", _P) == {("p", "x"): "enemy"}
    assert stances("Pax armed rebels and attacked Xan.", _P) == {("p", "x"): "enemy"}
    # a shared object, a list of objects and a series of verbs keep theirs
    assert stances("Pax backed and armed Xan.", _P) == {("p", "x"): "ally"}
    assert stances("Pax armed the army and Xan.", _P) == {("p", "x"): "ally"}
    assert stances("Pax armed Xan and attacked Yel.", _P) == {("p", "x"): "ally", ("p", "y"): "enemy"}
