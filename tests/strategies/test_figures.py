"""Figures read off the parse: metric, what is not a figure, zeros, single victims, dedupe.

Every sentence here is invented for the test; none is copied from the dev articles.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from typing import Any

import pytest

from newsbrief import brief
from newsbrief.models import Figure
from newsbrief.settings import Settings
from newsbrief.strategies import prompts as _prompts
from newsbrief.strategies.base import Job, RulesAsker
from newsbrief.strategies.candidates import FigureAnswer
from newsbrief.strategies.candidates.context import Context, sentences
from newsbrief.strategies.candidates.figures import find_figures
from tests.askers import CannedAsker

RULES = Settings(backend="rules")


def figures(body: str, ask: Any = None) -> list[Figure]:
    job = Job(
        body=body,
        published=dt.date(2024, 3, 30),
        title=None,
        prompts=_prompts.load("candidates", "v2"),
    )
    ctx = Context(job=job, ask=ask or RulesAsker(), sentences=sentences(body))
    return asyncio.run(find_figures(ctx))


def read(body: str) -> list[tuple[str, float]]:
    return [(f.metric, f.value) for f in figures(body)]


# (sentence, the figures code reads from it without a model)
METRICS = [
    # 'the other two' after one of a toll are the rest of it
    ("Three people were killed. One of the dead was a conscript. The other two were civilians "
     "hit by debris.",
     [("killed", 3), ("killed", 1), ("killed", 2)]),
    # people flown or helped out of danger were helped; troops flown out were deployed
    ("The air force flew about 2,100 people out of the capital before the airport closed.",
     [("aid", 2100)]),
    ("Firefighters helped 17 people out of the overturned carriage.", [("aid", 17)]),
    ("The air force flew 200 troops out of the base.", []),
    # a part of people on board is on board too
    ("The ferry was carrying 73 people, 64 of them pilgrims, when it capsized.",
     [("population", 73), ("population", 64)]),
    # one of a toll, described, is an item of its breakdown; one named inside it is not
    ("Three people were killed in the blasts. One of the dead was a conscript.",
     [("killed", 3), ("killed", 1)]),
    ("Five people were killed. One of those killed was contractor Adrian Nel, 40.",
     [("killed", 5)]),
    # patients sent or allowed home were discharged: aid; workers sent home from a site are not
    ("Twelve people were injured. By the evening seven of them had been sent home.",
     [("wounded", 12), ("aid", 7)]),
    ("Forty people were hurt. Twenty were allowed to go home.", [("wounded", 40), ("aid", 20)]),
    ("The hospital sent home 12 patients.", [("aid", 12)]),
    ("After the blast 300 workers were sent home.", []),
    # what the subject's joined verb names, when its own verb names nothing
    ("19 people had been traced and vaccinated.", [("aid", 19)]),
    # people saved are aid; money saved is no count
    ("Officials said 368 people had been saved.", [("aid", 368)]),
    ("He flew on a commercial flight to save money and addressed 20,000 supporters.", []),
    # people underground or inside when it happened
    ("Water burst into the mine while 29 miners were underground.", [("population", 29)]),
    # 'the number of soldiers the army has lost', set to a number told before it
    ("The attack brought to 26 the number of soldiers the army has lost this year.",
     [("killed", 26)]),
    ("It raised to 40 the number of people the agency has helped.", []),
    # an age set off after a name the tagger typed a place is still an age
    ("Tesfay, 22, crossed the line in 3 hours 52 minutes, 27 seconds ahead of Uwimana.", []),
    # moved out of where they live: displaced, however the parser nests 'out of'
    ("About 3,000 people were moved out of the area on Thursday.", [("displaced", 3000)]),
    ("About 24,000 people were ordered out of their homes.", [("displaced", 24000)]),
    ("Some 3,200 people have left their villages in search of food.", [("displaced", 3200)]),
    ("About 500 tourists left the village on Monday.", []),
    # 'one more' person harmed is one
    ("One more victim died in hospital.", [("killed", 1)]),
    ("One more soldier said the camp was calm.", []),
    # each verb of 'killing A and wounding B' names what befell its own object
    ("The gunman opened fire, killing a security guard and wounding two police officers.",
     [("wounded", 2), ("killed", 1)]),
    # what the part's own verb says befell it, however the parser hangs 'more of the'
    ("Three more of the injured died in hospital on Friday.", [("killed", 3)]),
    ("Two more of the wounded were flown to the capital.", [("wounded", 2)]),
    # 'both' counts two people; 'not a single' one states a zero
    ("Both pilots were among the injured.", [("wounded", 2)]),
    ("Two guards were shot. Both guards were treated in hospital and released.",
     [("wounded", 2), ("aid", 2)]),
    ("A man and his son were shot. Both were in a stable condition last night.",
     [("wounded", 1)]),
    ("Both flight recorders have been recovered.", []),
    ("Nine people died, among them a nurse and both gunmen.", [("killed", 9), ("killed", 2)]),
    ("Both sides met in Geneva and both countries reported new cases.", []),
    ("Not a single member of the crew was hurt, the captain said.", [("wounded", 0)]),
    # a killer's own death is one more killed, which the toll of his victims leaves out
    ("A former pupil killed 12 children at the school before shooting himself, police said.",
     [("killed", 12), ("killed", 1)]),
    ("The gunman killed two guards and then himself.", [("killed", 2), ("killed", 1)]),
    ("He opened fire on the bus, killing three passengers before killing himself.",
     [("killed", 3), ("killed", 1)]),
    ("The guard shot himself in the foot while cleaning his rifle.", []),
    ("The bomber blew himself up at the gate, killing four people.", [("killed", 4)]),
    ("She said she had not killed herself out of luck.", []),
    # a toll named by 'that' and set anew keeps the harm of the toll just told
    ("Early reports spoke of 31 dead, but the provincial police lowered that to 24 on Monday.",
     [("killed", 31), ("killed", 24)]),
    ("The mayor said 12 people had died. By Friday her office had raised that count to 14, "
     "with three people still missing.",
     [("killed", 12), ("killed", 14), ("missing", 3)]),
    # people moved away from where they live are displaced; workers moved from a plant are not
    ("About 1,500 people had been moved from riverside villages, officials said.",
     [("displaced", 1500)]),
    ("The company moved 300 workers from its plant in Ohio.", []),
    # whom a search is for are missing, wherever the parser hangs the 'for'
    ("Divers called off the search for about 40 people on Friday.", [("missing", 40)]),
    # what befell the counted people last, not how they were before
    ("Two wounded policemen later died at the district hospital.", [("killed", 2)]),
    # a capitalised group the tagger did not type, listed beside a nationality, is people
    ("The dead included eleven Indians, eight Britons and three Danes.",
     [("killed", 11), ("killed", 8), ("killed", 3)]),
    # a zero denies both harms of a noun list too; one person named by a count word is one
    ("No deaths or serious injuries were reported in the county.",
     [("killed", 0), ("wounded", 0)]),
    ("One volunteer firefighter has been killed.", [("killed", 1)]),
    # people brought down or carried out are rescued; repairs carried out are no count
    ("Firefighters brought 12 people down with ladders.", [("aid", 12)]),
    ("Colleagues said he alone carried out eleven people.", [("aid", 11)]),
    ("Workers carried out 300 repairs.", []),
    # a number in a gapped clause is a second subject of the verb before it
    ("Three babies died of burns and seven of smoke.", [("killed", 3), ("killed", 7)]),
    ("Four bodies were found in the river and two in the forest.",
     [("killed", 4), ("killed", 2)]),
    ("The two storms killed 140 people in Tarnia and about 74 in Lorvia.",
     [("killed", 140), ("killed", 74)]),
    ("Of the 63 dead, 46 had been travelling on the Tarnia Express, 14 on the Lorvia Express "
     "and three were railway staff.",
     [("killed", 63), ("killed", 46), ("killed", 14), ("killed", 3)]),
    # ages told in years old, and the first cases of an outbreak, are no counts
    ("Children between five and 14 years old made up most of the 300 cases.", [("other", 300)]),
    ("The state, which confirmed its first cases in July, has recorded 300 deaths.",
     [("killed", 300)]),
    # the toll set, and the toll it was set from, whatever clause the parser hangs it on
    ("Officials raised the death toll from a heatwave that has gripped the state since "
     "Saturday to 184, up from 78 reported on Sunday.", [("killed", 184), ("killed", 78)]),
    # a number-of noun says what its toll counts; its own people with no harm are no toll
    ("The number of people killed in the clashes has risen to 65, officials said.",
     [("killed", 65)]),
    ("The new arrivals brought the number of refugees in the district to about 8,600.",
     [("displaced", 8600)]),
    ("Rescuers said 14 people were hurt, and the organisers put the number of visitors at 5,000.",
     [("wounded", 14)]),
    ("Residents said the agency put the number of people in the building at about 60.",
     [("population", 60)]),
    # a bare 'figure' or 'total' set to a number is the toll just told, newly valued
    ("The prison service reported 41 deaths on Monday and revised the figure to 46 that night.",
     [("killed", 41), ("killed", 46)]),
    ("The agency said 14 people were injured. Later it raised the total to 20.",
     [("wounded", 14), ("wounded", 20)]),
    # and so is the 'it' that stands for it
    ("The ministry put the toll at ten on Thursday; by Friday it had risen to 16, most of "
     "them killed by falling trees or drowned in the town of Tembo.",
     [("killed", 10), ("killed", 16)]),
    # ... and the toll that has reached or passed a number, or stands at it
    ("Police put the toll at seven on Sunday. By Monday afternoon it stood at nine, fire "
     "officials said.", [("killed", 7), ("killed", 9)]),
    ("At first 60 people were said to have died; a doctor said overnight that the number had "
     "passed 90.", [("killed", 60), ("killed", 90)]),
    ("The ministry said 20 bodies had been found, and on Tuesday an official said the count "
     "had reached 27.", [("killed", 20), ("killed", 27)]),
    # not a count of people that reached a number, nor a count with no toll before it
    ("Floods killed 12 people. Turnout reached 60 percent and the number of voters passed "
     "9,000.", [("killed", 12)]),
    ("The count had reached 27 by noon.", []),
    # an irregular plural the tagger leaves as its own lemma still names people
    ("The war killed about 5,000 people. Kyiv has said 1,204 of its servicemen died; Moscow's "
     "count of its own military dead stands at 980.",
     [("killed", 5000), ("killed", 1204), ("killed", 980)]),
    # supplies sized for people are no toll
    ("The charity sent surgical supplies for 50 wounded to the clinic.", []),
    # a disaster is not a person, a jet shot down is not a person shot
    ("A fire on a train killed 37 people, the deadliest rail disaster in the country's "
     "history.", [("killed", 37)]),
    ("The rebels said they had shot down a Saudi fighter jet on Friday night.", []),
    ("Troops shot down 12 protesters.", [("wounded", 12)]),
    # a share of a larger whole is new, even when an earlier toll had its number
    ("The agency had put the toll at 16 on Monday night. Of the 43 dead, 17 died in the "
     "capital, 16 in the north and ten in the west.",
     [("killed", 16), ("killed", 43), ("killed", 17), ("killed", 16), ("killed", 10)]),
    # a zero denies every harm it names
    ("No one was hurt or killed in the blast.", [("killed", 0), ("wounded", 0)]),
    ("None of the pupils had been physically harmed, the principal said.", [("wounded", 0)]),
    # what a campaign or a plan sets out to do, or is to be done by a date, is a target
    ("The campaign to vaccinate 80 million people began in May.", []),
    ("Officials said the plan to relocate 5,000 families had stalled.", []),
    ("The country has run a campaign since 2019 to vaccinate 80 million people by 2026.", []),
    ("Health workers vaccinated 3,000 children in a campaign to stop the outbreak.",
     [("aid", 3000)]),
    # the hurt who succumbed to their injuries died of them
    ("Four more people succumbed to their injuries overnight, doctors said.", [("killed", 4)]),
    # the value a toll was put at before the time of day it was given, which the parser reads
    # as counting that time
    ("Police had put the death toll at 25 yesterday morning.", [("killed", 25)]),
    ("The council had put the toll at 16 last night.", [("killed", 16)]),
    # people sheltering or staying in shelters are a population there (the dev conventions:
    # "population living or sheltering in a place"); driven out, they are displaced
    ("About 27,000 people were staying in evacuation centres in Tarn this morning.",
     [("population", 27000)]),
    ("As of yesterday, 38,410 of them were still at 229 relief centres.", [("population", 38410)]),
    ("About 38,000 people had fled their homes and were sheltering in 48 schools.",
     [("displaced", 38000)]),
    ("About 93,000 people displaced by the cyclone were still living in resettlement sites.",
     [("displaced", 93000)]),
    ("About 25 soldiers were at the site.", []),
    # people told by an age bound the parser hangs on the verb are an age, not a count
    ("Health workers vaccinated more than 3,500 children under five in Tarn this week.",
     [("aid", 3500)]),
    ("Polio mainly affects children under five.", []),
    ("None of the guards was killed or injured, the warden said.",
     [("wounded", 0), ("killed", 0)]),
    ("There were no deaths or injuries at the plant.", [("killed", 0), ("wounded", 0)]),
    # the bounds of an age range are ages
    ("Nine children were killed; they were aged between six and twelve.", [("killed", 9)]),
    ("Eleven pupils, aged from seven to 13, were hurt.", [("wounded", 11)]),
    # the death that raised a toll is already in it
    ("The toll rose to four when a nurse died in hospital.", [("killed", 4)]),
    ("The toll climbed to 12 after a farmer died of his wounds.", [("killed", 12)]),
    # who asked not to be named is the speaker, not one more patient
    ("Mbarara Regional Referral Hospital received 41 people with gunshot wounds by Thursday "
     "night, a hospital official who asked not to be named told reporters.", [("wounded", 41)]),
    # people said to be inside when it happened are a population
    ("There were 285 people underground at the time.", [("population", 285)]),
    ("There were 142 people inside when the fire started.", [("population", 142)]),
    ("There were 30 people injured.", [("wounded", 30)]),
    ("At least 20 people were killed in the strike.", [("killed", 20)]),
    ("Two of the wounded later died in hospital.", [("killed", 2)]),  # the part's own verb
    ("Five people were hurt.", [("wounded", 5)]),
    ("Some 5,000 families fled their homes.", [("displaced", 5000)]),
    ("Twelve homes were destroyed.", [("other", 12)]),
    ("12 soldiers were killed in the raid.", [("killed", 12)]),
    ("Gunmen killed 12 soldiers on Monday.", [("killed", 12)]),
    ("The death toll rose to 31 on Friday.", [("killed", 31)]),
    ("The crash left four dead and nine injured.", [("killed", 4), ("wounded", 9)]),
    ("Rebels shelled the town, killing six and injuring 15.", [("killed", 6), ("wounded", 15)]),
    ("Nine miners remain missing.", [("missing", 9)]),
    ("The valley is home to about 80,000 people.", [("population", 80000)]),
    # people staying, sleeping or housed somewhere live there, a refuge too (the dev conventions:
    # "population living or sheltering in a place")
    ("About 2,600 people were staying in the town's hotels.", [("population", 2600)]),
    ("The arena was housing more than 900 people.", [("population", 900)]),
    ("The Tarvel camp, which holds some 45,000 people, was sealed.", [("population", 45000)]),
    ("About 3,100 people were staying in evacuation centres.", [("population", 3100)]),
    ("Some 700 families were sleeping in tents near the stadium.", [("population", 700)]),
    ("The ferry had 240 passengers on board.", [("population", 240)]),
    ("Medics have vaccinated 3,100 children.", [("aid", 3100)]),
    ("Officials confirmed 418 new cases of cholera.", [("other", 418)]),
    ("At least 700 people were evacuated from the coast.", [("displaced", 700)]),
    ("The fire claimed the lives of seven residents.", [("killed", 7)]),
    ("Two climbers are in critical condition.", [("wounded", 2)]),
    ("Of the 90 patients, 61 have recovered.", [("aid", 61)]),
    ("Officials confirmed 8 more deaths, taking the toll to 40.", [("killed", 8), ("killed", 40)]),
    # "a dozen" is twelve; a family of five is five people, not one more
    ("A dozen people were injured when the roof fell in.", [("wounded", 12)]),
    ("The fire killed a family of five.", [("killed", 5)]),
    # one of a toll told elsewhere counts only where no number is given
    ("A 10-year-old girl was among those killed.", [("killed", 1)]),
    ("The blast killed 30 people. A 10-year-old girl was among those killed.", [("killed", 30)]),
    ("Seven sailors were rescued; the captain is still missing.", [("aid", 7), ("missing", 1)]),
    # an attacker shot dead counts once, even as "he"; "he" for anyone else is no victim
    (
        "The gunman killed nine people before he was shot dead by police.",
        [("killed", 9), ("killed", 1)],
    ),
    ("The gunman killed nine people before he was arrested.", [("killed", 9)]),
    # items of one list with the same number are separate groups, after a place too
    (
        "The crash killed 30 people. Eight of the victims were from Chile, eight from Peru "
        "and eight from Spain.",
        [("killed", 30), ("killed", 8), ("killed", 8), ("killed", 8)],
    ),
    # everyone on board who died is also the count of who was on board
    (
        "The plane came down in a field, killing all 62 people on board.",
        [("killed", 62), ("population", 62)],
    ),
    ("The bus overturned, killing 12 people on board.", [("killed", 12)]),
    # "victims" are whatever the article counted so far: here only deaths
    (
        "The crash killed 44 people. Officials said 11 of the victims were doctors.",
        [("killed", 44), ("killed", 11)],
    ),
    (
        "The crash killed 44 people. The hospital said four of its nurses were among them.",
        [("killed", 44), ("killed", 4)],
    ),
    # doses per person are a schedule; people vaccinated are the figure
    ("About 3 million people have received at least one dose.", [("aid", 3000000)]),
    # what people talked about did not befall them
    ("The two ministers discussed the refugees and the vaccines.", []),
    # a relative clause about something of theirs yields to what their own verb says
    (
        "About 900 people whose homes were destroyed have moved to schools.",
        [("displaced", 900)],
    ),
    # the part's own verb, not the words that name its whole
    (
        "About 300 people were evacuated. Officials said 49 of those evacuated were taken "
        "to hospital.",
        [("displaced", 300), ("wounded", 49)],
    ),
    ("Three reporters were wounded, one of them seriously.", [("wounded", 3), ("wounded", 1)]),
    ("Volunteers served hot meals to 2,500 people.", [("aid", 2500)]),
    ("About 80,000 households were still without electricity.", [("other", 80000)]),
    ("The storm left 40,000 homes without power.", [("other", 40000)]),
    ("By Friday the agency had confirmed a single death.", [("killed", 1)]),
    ("Some 520,000 households lost electricity on Sunday.", [("other", 520000)]),
    # patients admitted are hurt or ill; patients treated or released after treatment, aid
    ("Over the weekend 117 patients were admitted with heatstroke.", [("wounded", 117)]),
    ("On Thursday 43 patients were under treatment.", [("aid", 43)]),
    ("Thirty-one were still admitted on Sunday.", [("wounded", 31)]),
    # crews counted as they search or fight fires are a response; a deployment is not
    ("About 900 soldiers and firefighters resumed the search at dawn.", [("other", 900)]),
    ("About 2,300 police officers were deployed in the city.", []),
    # migrants who arrive, and new arrivals, have left their homes
    ("More than 1,800 migrants reached the island over the weekend.", [("displaced", 1800)]),
    # rates and targets are not tallies; nor is a part of things
    ("The country has given about 40 doses per 100 people.", []),
    ("The party is set to lose all nine of its seats.", []),
    ("Officials said nine in ten houses had been flattened.", []),
    ("The institute raised its alert level to 4 on a scale of 5 and ordered an evacuation.",
     []),
    ("The department aims to immunise 2.4 million children by March.", []),
    ("The province would normally expect about 165 deaths in such a week.", []),
    ("Leaders of the Group of Seven pledged to share one billion doses of vaccine.", []),
    ("A further 8,500 doses are expected from Japan next week.", []),
    ("Ruvania has contracted some 35 million doses from several manufacturers.", []),
    ("The ministry has secured 10 million doses of the vaccine.", []),
    # an age told in a clause on the person
    ("President Tamberg, who was 61, died on March 17.", [("killed", 1)]),
    # an electorate is no population
    ("About 60.4 million people are eligible to vote on September 26, when 47 parties will "
     "be on the ballot.", []),
    ("The minister warned of unrest if the jailed leader died in prison.", []),
    ("The country has recorded 750 cases since the first case was detected in March.",
     [("other", 750)]),
    # but a count over a time, or since a year, is a tally
    ("Floods killed 30 people in two days.", [("killed", 30)]),
    # what people agreed to do befell no one
    ("The four agreed to finance vaccine production in Asia.", []),
    # who died suffered it, whatever the parser hangs on "died"
    (
        "In the valley, five people have died, among them a six-year-old girl who was found "
        "in a car.",
        [("killed", 5)],
    ),
    # "up from N": the earlier value of the same toll, wherever the "up" hangs
    (
        "The death toll from the flood rose to 49 yesterday, up from 40 announced on Monday.",
        [("killed", 49), ("killed", 40)],
    ),
    # a breakdown by place: each item is the toll's, "followed by" or not
    (
        "Tovar was the worst-hit province, with 61 dead, followed by Upper Mirela with 30 and "
        "Calde with 12.",
        [("killed", 61), ("killed", 30), ("killed", 12)],
    ),
    # whoever attacked is the attacker, whatever the noun; "he" is not the "he" of a story
    # told paragraphs before
    (
        "A man attacked passengers with a knife, injuring four people before he was shot dead.",
        [("wounded", 4), ("killed", 1)],
    ),
    (
        "The gunman was shot dead by police.\n\nThe bombing in March killed 12 people. "
        "Days later a teenager stabbed two guards before he was shot dead.",
        [("killed", 1), ("killed", 12), ("wounded", 2), ("killed", 1)],
    ),
    ("Nine people died in the crash; the driver said he was hurt.", [("killed", 9)]),
    # "N of them fatally": killed; "N of whom were X": the part of its whole, unless it is hurt
    ("The fever sickened 230 people, 18 of them fatally.", [("other", 230), ("killed", 18)]),
    (
        "The ferry carried 52 passengers, 14 of whom were children.",
        [("population", 52), ("population", 14)],
    ),
    ("The ferry carried 52 passengers, 14 of whom drowned.", [("population", 52), ("killed", 14)]),
    # the part of a total takes the total's metric
    ("The storm killed 14, including, officials said, three children.",
     [("killed", 14), ("killed", 3)]),
    # a state word right after a bare number names it, whatever the parse hangs it on
    ("The toll stood at seven dead and 40 injured.", [("killed", 7), ("wounded", 40)]),
    ("The clinic said it had taken in 18 wounded.", [("wounded", 18)]),
    # a breakdown by nationality keeps its "one"
    ("The dead included three Chileans and one Austrian.", [("killed", 3), ("killed", 1)]),
    # who they are: colleagues, neighbours, commuters are people
    ("Six of his neighbours tested positive.", [("other", 6)]),
    # destroyed or damaged vehicles and buildings are other
    ("The blast destroyed four carriages and a warehouse.", [("other", 4)]),
    # searched for: missing
    ("Divers are still searching for three fishermen.", [("missing", 3)]),
    # verbs of loss, rescue, aid and flight; killings are deaths
    ("The rebels said they had lost two fighters.", [("killed", 2)]),
    ("The group documented 52 killings of activists.", [("killed", 52)]),
    ("Rescuers pulled 27 people out of the mud.", [("aid", 27)]),
    ("The agency distributed food to 112,000 people.", [("aid", 112000)]),
    ("More than 25,000 people have crossed into Chad.", [("displaced", 25000)]),
    # who flees is who it befalls, whatever they flee
    ("About 1,800 families have fled the fighting.", [("displaced", 1800)]),
    ("Eleven people were electrocuted by fallen power lines.", [("killed", 11)]),
    ("Volunteers gave first aid to 27 people at the scene.", [("aid", 27)]),
    ("Two nurses and a porter suffered burns.", [("wounded", 2), ("wounded", 1)]),
    # people moved to places of refuge have left their homes; spending the night there, they
    # shelter there
    ("More than 2,100 families have moved to schools and churches.", [("displaced", 2100)]),
    ("About 2,600 people spent the night in hotels and a sports hall.", [("population", 2600)]),
    ("Twenty people were taken to hospital.", [("wounded", 20)]),
    ("Twelve people were sent to hospital.", [("wounded", 12)]),
    # a breakdown's own noun names its harm; otherwise it is the total's
    ("Cases rose to 412, including 27 deaths.", [("other", 412), ("killed", 27)]),
    ("The blast killed 30 people, including 12 children.", [("killed", 30), ("killed", 12)]),
    # "not found" is missing; a communique's "neutralised" is killed
    ("Relatives named more than sixty people who have not been found.", [("missing", 60)]),
    ('The army said it had "neutralised 120 enemy soldiers".', [("killed", 120)]),
    ("Officials had been unable to contact about 1,300 people.", [("missing", 1300)]),
    # a dot before three digits groups thousands; winching people off roofs rescues them
    ("Helicopters winched 1.200 people from roofs overnight.", [("aid", 1200)]),
    # what a verb left its object as: fleeing; not a participle with an object of its own
    ("The crackdown sent about 87,000 fleeing to Bangladesh.", [("displaced", 87000)]),
    ("Insurgents attacked three villages, killing 12 people.", [("killed", 12)]),
    # 'who' stands only for people; new arrivals are people; relief goods delivered are aid
    ("The navy rescued 300 Rohingya who had been adrift for weeks.", [("aid", 300)]),
    ("The agency has provided food to 73,000 new arrivals.", [("aid", 73000)]),
    ("UNICEF delivered 1.5 million water purification tablets.", [("aid", 1500000)]),
    # the whole of a part is not what befell the part
    ("Just 75 of the 325 students have been rescued.", [("aid", 75)]),
    ("Soldiers rescued 17 of the hostages.", [("aid", 17)]),
    ("Police said nine people were killed, the youngest just 14.", [("killed", 9)]),  # an age
    # a bound said of people is their age; said of a toll it is still a count
    ("Six children died; four of them were under five.", [("killed", 6), ("killed", 4)]),
    ("Twelve miners died. Most of the dead were over 60.", [("killed", 12)]),
    ("The toll was over 50, officials said.", [("killed", 50)]),
    # responders sent to a burning hospital are a response count, not casualties
    ("About 160 firefighters were sent to the hospital.", [("other", 160)]),
    ("An elderly shepherd has been missing since Wednesday.", [("missing", 1)]),
    ("The raiders set fire to more than 200 houses.", [("other", 200)]),
    ("Rioters torched 40 shops.", [("other", 40)]),
    ("The ferry was licensed to carry 120 passengers.", []),  # a capacity, not a load
    # the counted noun's own modifier beats the cue of the noun it is listed with
    ("The agency counted 11 deaths and five people missing.", [("killed", 11), ("missing", 5)]),
    # buildings count when something befell them
    ("A landslide buried two houses.", [("other", 2)]),
    # and when the clause says they gave way, were wrecked, brought down or found unfit
    ("The mayor said 120 homes had burned in the village.", [("other", 120)]),
    ("Three of the lorries were burnt out.", [("other", 3)]),
    ("Eleven cars were wrecked, the agency said.", [("other", 11)]),
    ("A mudslide brought down five houses in the area.", [("other", 5)]),
    ("Inspectors declared 46 flats unsafe.", [("other", 46)]),
    ("The ministry said 1,800 housing units had been destroyed.", [("other", 1800)]),
    ("The army brought down two drones.", []),  # no building or vehicle
    ("The fire swept through three carriages of the train.", [("other", 3)]),
    ("The fire spread to five neighbouring buildings.", [("other", 5)]),
    # one harm named two ways is no choice between harms
    ("The ministry said 43 passengers had suffered burns or fractures.", [("wounded", 43)]),
    ("Ten people were killed or injured.", []),  # two harms: the model's to choose
    # moved out of harm's way is displacement
    ("More than 200,000 people had been moved to safety.", [("displaced", 200000)]),
    ("West Pokot, a county of about 620,000 people, was hit.", [("population", 620000)]),
    # people cut off from power, or in need of help, are a count of the harm done
    ("More than 200,000 customers had no electricity, the utility said.", [("other", 200000)]),
    ("Power was cut to about 1.5 million households.", [("other", 1500000)]),
    ("The storm caused blackouts for 3.2 million customers.", [("other", 3200000)]),
    ("About 2.3 million people in the region need humanitarian aid.", [("other", 2300000)]),
    ("About 14 million people are at risk of famine.", [("other", 14000000)]),
    ("About 300 people need surgery, doctors said.", []),
    # relief handed out is aid
    ("Officials said they had handed out 20,000 food packets.", [("aid", 20000)]),
    # an item of a numbered breakdown written with "a" is one more
    ("The blast killed 11 people, among them two children and a police officer.",
     [("killed", 11), ("killed", 2), ("killed", 1)]),
    # a set-off number after one person is an age, not a toll
    ("The driver, 38, was among those killed.", [("killed", 1)]),
    # people present when it happened, or living in a place, are the population
    ("About 30 people had been working underground when the shaft gave way.",
     [("population", 30)]),
    ("The boat stopped near a fishing village of about 1,500 people.", [("population", 1500)]),
    ("Kalvara, a prefecture of about 290,000 people, reported cases.", [("population", 290000)]),
    ("Dorvik, a peninsula of about 2.4 million people, was cut off.", [("population", 2400000)]),
    ("Nine people were sleeping in tents at the camp, at about 6,200 metres, when a slab of "
     "snow broke away.", [("population", 9)]),
    ("Lesotho, a mountainous kingdom of about 2.1 million people, held elections.",
     [("population", 2100000)]),
    ("About 30 customers were inside when eight armed men arrived.", [("population", 30)]),
    ("More than 100 workers were believed to have been inside when the fire started.",
     [("population", 100)]),
    ("About 40 pupils were thought to have been in the hall when the roof gave way.",
     [("population", 40)]),
    ("Officials said 126 patients and 18 staff were inside at the time.",
     [("population", 126), ("population", 18)]),
    ("About 20 people were feared to have been killed when the bus fell.", [("killed", 20)]),
    ("About 2,000 people were in the centre at the time.", [("population", 2000)]),
    ("Officials now believe at least 170 people were on the vessel.", [("population", 170)]),
    ("There may have been more than 200 people on the ferry.", [("population", 200)]),
    ("Five people were on a ventilator.", []),
    ("The camps are home to more than 880,000 Rohingya.", [("population", 880000)]),
    ("Ethiopia's roughly 110 million people lack electricity.", [("population", 110000000)]),
    ("Egypt, whose 100 million people depend on the Nile, objected.", [("population", 1e8)]),
    # people who have not come back are missing; people not back home are not
    ("Two fishermen who set out on Sunday night had not returned.", [("missing", 2)]),
    ("Three climbers never returned to the camp.", [("missing", 3)]),
    ("Some 2,000 people had not returned home by Friday.", []),
    # people a building holds at the time, whatever the verb of holding
    ("The clinic had 90 patients on its wards when the fire started.", [("population", 90)]),
    ("The hotel was hosting about 60 guests, its manager said.", [("population", 60)]),
    ("The jail, which was built for 800 inmates and holds about 2,300, burned.",
     [("population", 2300)]),
    ("The prison was built for 600 inmates but held more than 2,000.", [("population", 2000)]),
    ("The camp now hosts more than 38,000.", [("population", 38000)]),
    ("The company has 200 employees.", []),  # a body's staff, not a building's people
    ("The stadium holds 50,000.", []),  # a capacity, not people there
    # taken off a shore by boat, or brought out alive: a rescue
    ("The coastguard said it had taken 147 people off two beaches by boat.", [("aid", 147)]),
    ("Rescuers brought eleven coal miners out alive from the mine.", [("aid", 11)]),
    ("More than 400 people had been brought out of the building.", [("aid", 400)]),
    # "among them were ..." told the other way round is still a part of the toll just told
    ("Twelve people died in the fire. Among them were three children.",
     [("killed", 12), ("killed", 3)]),
    # the group a sentence puts the count in names the harm
    ("Among the dead were four members of one family whose house collapsed on them.",
     [("killed", 4)]),
    # a stated zero of cases
    ("The health service said no cases had been reported in the region.", [("other", 0)]),
    # freed from wreckage is a rescue; forced from home is displacement
    ("Fire crews cut 23 people free from the carriages.", [("aid", 23)]),
    ("More than 280,000 people had been forced from their homes.", [("displaced", 280000)]),
    # a list of the injured after the word: each number, and an "a" item is one
    ("The injured, a Polish climber and two Pakistani guides, suffered broken bones.",
     [("wounded", 2), ("wounded", 1)]),
    ("The dead included three women, a child and a driver.",
     [("killed", 3), ("killed", 1), ("killed", 1)]),
    # "the three" after "including" points back at people already counted
    ("Helicopters rescued seven climbers, including the three injured.", [("aid", 7)]),
    # the last item of a list of counts is one of them, even as a bare 'one'
    ("Of the 14 dead, nine were in Recife, four in Olinda and one in Paulista.",
     [("killed", 14), ("killed", 9), ("killed", 4), ("killed", 1)]),
    # a bare 'one' after a count, with a verb of its own, is what that verb says
    ("Of the injured, four were taken to hospitals and one was treated at the scene.",
     [("wounded", 4), ("aid", 1)]),
    ("Five were killed, and one was arrested.", [("killed", 5)]),
    # a singular body that is someone's is still a death
    ("One body was recovered from the river on Monday.", [("killed", 1)]),
    ("Officials said the body count had risen to 30.", [("killed", 30)]),
    # a bare "one" that ends a breakdown is one more item of it, with the list's harm
    ("Gunmen killed 14 people, one of them a police volunteer, in the village.",
     [("killed", 14), ("killed", 1)]),
    ("The office confirmed 27 deaths, 26 of them civilians and one a police officer.",
     [("killed", 27), ("killed", 26), ("killed", 1)]),
    ("Of the 18 dead, 16 were Kenyans, one was a Canadian citizen.",
     [("killed", 18), ("killed", 16), ("killed", 1)]),
    ("Seven people died in Ohio, followed by Indiana with three and Illinois with one.",
     [("killed", 7), ("killed", 3), ("killed", 1)]),
    ("Four people died in the crash, one of the worst on that road.", [("killed", 4)]),
    # the victims an article told before are who a breakdown of "the victims" counts
    ("Thirty people died in the lorry. Police said the victims were 22 men and eight women.",
     [("killed", 30), ("killed", 22), ("killed", 8)]),
    ("A gunman killed nine people and injured 27. Seven of the nine victims were students.",
     [("killed", 9), ("wounded", 27), ("killed", 7)]),
    ("A gunman killed nine people and injured 27. Seven of the victims were students.",
     [("killed", 9), ("wounded", 27)]),  # dead or hurt: the article does not say
    # "a figure of 75", "their count" set at a number: a new value of the toll just told
    ("Police said 70 people had been killed. The police chief gave a figure of 75 at night.",
     [("killed", 70), ("killed", 75)]),
    ("Twelve people died on Monday. The department's count had stood at ten on Sunday.",
     [("killed", 12), ("killed", 10)]),
    ("Police said 70 people had been killed. The unemployment figure rose to 8 percent.",
     [("killed", 70)]),
    # the places a toll spans make no ratio with it
    ("The toll from the floods has risen to at least 46 in four states.", [("killed", 46)]),
    # but not an item of a list that restates the whole or picks one from it
    ("Two civilians, a farmer and his son, were killed.", [("killed", 2)]),
    ("Six people, among them a border guard, were still missing.", [("missing", 6)]),
    # each clause's own verb: the zero died, the officers were hurt
    ('The minister said "no one has died", and that 47 officers had been injured.',
     [("wounded", 47), ("killed", 0)]),
    # the word beside a bare number beats a participle the verb takes further off
    ("The army's first tally, released on Monday morning, listed nine dead and 12 injured.",
     [("killed", 9), ("wounded", 12)]),
    # a bare number that sizes a settlement is its population, whatever befell others there
    ("Cholera has killed 40 people in the town of 25,000.",
     [("killed", 40), ("population", 25000)]),
    ("The outbreak has now killed 310 people in the country of 4.5 million.",
     [("killed", 310), ("population", 4500000)]),
    # what a verb set its object down as
    ("The council listed 30 residents as missing.", [("missing", 30)]),
    # troops stationed somewhere are no toll, though the clause before told one
    ("About 900 peacekeepers died in the mission, and 2,400 remain stationed in the north.",
     [("killed", 900)]),
    # 'no one' is a zero, whatever word follows it
    ("No one remains missing after the landslide, the governor said.", [("missing", 0)]),
]  # fmt: skip


@pytest.mark.parametrize(("body", "expected"), METRICS)
def test_the_cue_nearest_the_number_in_the_parse_names_the_metric(
    body: str, expected: list[tuple[str, float]]
) -> None:
    assert read(body) == expected


NOT_FIGURES = [
    "Cameras helped police find stolen cars in 1,450 cases.",  # instances, not patients
    "Officials filed court cases against 1,300 property owners.",  # cases in law
    # people booked on a charge, whatever the charge names
    "Police booked six people, among them the site manager, on suspicion of negligence "
    "resulting in death.",
    "About 300 residents of nearby villages rallied outside the town hall.",  # a crowd
    "The victims, aged 68 and 41, were named by police.",  # ages
    "The campaign targets people aged between 2 and 29.",
    "Temperatures rose above 47 degrees Celsius.",  # a measure
    "Firefighters recovered the bodies of the three after a search.",  # counted before
    "Search teams using two navy ships combed the area.",  # ships nothing befell
    "Twelve delegates arrived.",  # nothing harmed
    "The advisory body has 25 members from the three parties.",  # a body of people
    "Some 40 officials attended the meeting.",
    "Over 500 troops were deployed.",
    "About 3,000 people voted in the town.",
    "Turnout was 400 people at the polls.",
    "The convoy travelled 40 km.",
    "Around 35 trucks entered the territory.",
    "Police arrested 45 protesters.",  # arrests are not figures
    "More than 10,000 protesters marched through the city.",  # a crowd
    "The quake was followed by 230 aftershocks.",
    "Two blasts hit the market.",  # a count of things
    "Three gunmen attacked the village.",
    "Rescue 1122 reached the site within minutes.",  # a number that names a service
    "Flight 752 left Tehran at dawn.",
    "Ana Ruiz, 34, was injured in the fire.",  # an age
    "The 6.6 quake shook the coast.",  # a magnitude
    "Dozens of people were wounded.",  # vague
    "Fewer than one in five children under 15 had been vaccinated.",  # a ratio and an age
    "Nine in ten houses were damaged.",  # a ratio
    "Officials said one of every three houses in the district was destroyed.",  # a ratio
    "The youngest of the dead was 19, relatives said.",  # an age
    "The new estate was designed for about 9,000 residents.",  # whom it is built for
    "Cases this year are more than three times the number seen in 2019.",  # a multiplier
    "Police detained the owner and two contractors who carried out the works.",  # a deed
]


@pytest.mark.parametrize("body", NOT_FIGURES)
def test_what_is_not_a_figure(body: str) -> None:
    assert read(body) == []


def test_the_doer_of_a_harm_is_not_its_victim() -> None:
    assert read("Two gunmen killed nine people.") == [("killed", 9)]


def test_a_cue_in_another_clause_does_not_reach_a_number_whose_verb_names_none() -> None:
    body = "Crews found 23 people on the riverbank; four of them later died."
    assert read(body) == [("killed", 4)]


def test_a_negated_harm_is_no_cue() -> None:
    assert read("The 40 passengers on board were not hurt.") == [("population", 40)]


# --- stated zeros and single victims --------------------------------------------------------

WORD_COUNTS = [
    ("No deaths were reported.", [("killed", 0)], "No deaths"),
    ("Nobody was injured in the blaze.", [("wounded", 0)], "Nobody"),
    ("No one was hurt, police said.", [("wounded", 0)], "No one"),
    ("The explosion injured a woman.", [("wounded", 1)], "a woman"),
    ("A 45-year-old man died after the collision.", [("killed", 1)], "A 45-year-old man"),
    ("The gunman was shot dead by officers.", [("killed", 1)], "The gunman"),
    ("Officers shot him dead outside the bank.", [("killed", 1)], "him"),
    ("One person died and four were hurt.", [("killed", 1), ("wounded", 4)], "One"),
    ("There were no reports of injuries.", [("wounded", 0)], "no reports of injuries"),
    ("Two men and a woman were hurt.", [("wounded", 2), ("wounded", 1)], "Two"),
    ("No one is believed to be missing any longer.", [("missing", 0)], "No one"),
]


@pytest.mark.parametrize(("body", "expected", "value_text"), WORD_COUNTS)
def test_stated_zeros_and_single_victims(
    body: str, expected: list[tuple[str, float]], value_text: str
) -> None:
    found = figures(body)
    assert [(f.metric, f.value) for f in found] == expected
    assert found[0].value_text == value_text


ORDINALS = [
    ("Officials confirmed the region's first case of cholera.", [("other", 1)]),
    ("The hospital reported a twenty-second death on Friday.", [("killed", 22)]),
    ("It was the first case of its kind in the court.", []),  # an instance, not an infection
    ("A third person was hurt.", [("wounded", 1)]),  # an ordinal person is one person
]


@pytest.mark.parametrize(("body", "expected"), ORDINALS)
def test_an_ordinal_death_or_case_gives_the_toll_so_far(
    body: str, expected: list[tuple[str, float]]
) -> None:
    assert read(body) == expected


def test_a_victim_named_by_name_counts_when_no_number_covers_the_harm() -> None:
    assert read("Protests followed the death of Tomas Varga in custody.") == [("killed", 1)]
    assert read("Maria Okafor was injured in the stampede.") == [("wounded", 1)]
    body = "Two journalists died in the shelling, among them Tomas Varga. Tomas Varga was killed."
    assert read(body) == [("killed", 2)]
    two = "Protests followed the deaths. Tomas Varga was killed. Peter Mills was also killed."
    assert [f.value_text for f in figures(two)] == ["Tomas Varga", "Peter Mills"]


def test_a_definite_victim_counts_only_when_no_number_is_stated() -> None:
    assert read("The driver was killed.") == [("killed", 1)]
    assert read("Three people died. The driver was killed.") == [("killed", 3)]


# --- once per number and per event ----------------------------------------------------------


def test_a_definite_restatement_is_not_listed_again() -> None:
    body = "The fire killed five workers. Inspectors said all five deaths were avoidable."
    assert read(body) == [("killed", 5)]


def test_two_items_of_one_list_with_the_same_number_and_noun_are_both_listed() -> None:
    body = "The dead were two women from Lyon and two women from Nice, police said."
    assert read(body) == [("killed", 2), ("killed", 2)]


def test_a_number_given_as_the_toll_restates_the_same_number_before() -> None:
    body = (
        "The blast killed 23 people, police said. Rescuers later found two more bodies, "
        "bringing the toll to 25. The governor said the toll stood at 25 on Monday."
    )
    assert read(body) == [("killed", 23), ("killed", 2), ("killed", 25)]


def test_an_age_is_not_a_count_but_a_family_is() -> None:
    body = "Among the dead was a girl of about nine. A family of four also died."
    assert read(body) == [("killed", 4)]


def test_a_person_who_tells_the_toll_is_not_one_more_victim() -> None:
    body = "Taken to the clinic were 14 injured farmers, a nurse there said."
    assert read(body) == [("wounded", 14)]


def test_the_same_count_of_the_same_people_is_listed_once() -> None:
    body = "The attacker wounded two guards. Later, two guards were wounded, police said."
    assert read(body) == [("wounded", 2)]


def test_no_one_who_lost_his_life_is_a_stated_zero() -> None:
    assert read("The army said that no soldier lost his life in the raid.") == [("killed", 0)]


def test_a_restatement_lends_its_source_to_the_figure_it_restates() -> None:
    body = "The attacker wounded two guards. Later, two guards were wounded, police said."
    assert [f.reported_by for f in figures(body)] == ["police"]


def test_a_part_of_them_takes_the_harm_its_own_sentence_gave_before() -> None:
    body = "The hospital said 96 people with gunshot wounds had been admitted, 31 of them children."
    assert read(body) == [("wounded", 96), ("wounded", 31)]


def test_a_breakdown_by_nationality_takes_the_toll_it_breaks_down() -> None:
    body = (
        "Nine people were killed in the attack, police said. Kosovo said three of the dead "
        "were Kosovar citizens, and Turkey's foreign ministry said three were Turkish citizens."
    )
    assert read(body) == [("killed", 9), ("killed", 3), ("killed", 3)]


def test_a_country_that_reported_a_count_is_not_its_source_when_someone_tells_it() -> None:
    body = "Neighbouring Kenya has reported 210 cases since January, its health ministry said."
    assert [f.reported_by for f in figures(body)] == ["health ministry"]


def test_the_statement_is_whoever_issued_the_last_statement() -> None:
    body = (
        "Gunmen killed 23 civilians, the defence ministry said in a statement on Monday. "
        "Soldiers killed eight of the assailants, according to the statement."
    )
    assert [f.reported_by for f in figures(body)] == ["defence ministry", "defence ministry"]


def test_a_count_that_is_confirmed_is_no_source() -> None:
    body = "The outbreak had caused 2,522 cases by Tuesday, 2,428 of them confirmed."
    assert {f.reported_by for f in figures(body)} == {None}


def test_a_toll_that_rose_from_one_number_to_another_is_the_second() -> None:
    assert read("The toll rose from 12 to 19 overnight.") == [("killed", 19)]


def test_each_number_span_gives_one_figure() -> None:
    found = figures("Floods killed 12 and injured 30 in Ruvanu.")
    spans = [(f.evidence[0].start, f.value) for f in found]
    assert len(spans) == len({value for _, value in spans}) == 2


# --- where, who says so, and the quote ------------------------------------------------------


def test_place_and_reported_by() -> None:
    body = (
        "A cyclone struck the coast of Mozambique on Sunday.\n"
        "At least 38 people died in Beira, according to the National Disaster Institute. "
        "Another 110 were injured, the mayor said."
    )
    died, injured = figures(body)
    assert (died.place, died.reported_by) == ("Beira", "National Disaster Institute")
    assert (injured.place, injured.reported_by) == ("Beira", "mayor")  # the paragraph's place


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the body 'which' stands for says the count; the clause's own place stays the count's
        (
            "The figures came from the Civil Protection Directorate, which said 1,057 people "
            "were killed in the south.",
            [(1057, "Civil Protection Directorate")],
        ),
        (
            "The blast wounded 60 people, according to the Health Ministry, which said 17 of "
            "the wounded were in critical condition at Tamberg General Hospital.",
            [(60, "Health Ministry"), (17, "Health Ministry")],
        ),
        # a place that recorded a count is no source
        (
            "Cholera has spread to Ruvania, which recorded more than 30,000 cases in 2023.",
            [(30000, None)],
        ),
        # 'the agency' is the last body named, not a place the tagger took for one
        (
            "Those figures came from the Relief Directorate, which said 57 of the dead were in "
            "the Sud department. The agency had reported 30 deaths on Saturday.",
            [(57, "Relief Directorate"), (30, "Relief Directorate")],
        ),
    ],
)
def test_a_relative_clause_is_said_by_the_body_it_hangs_on(
    body: str, expected: list[tuple[float, str | None]]
) -> None:
    assert [(f.value, f.reported_by) for f in figures(body)] == expected


# (body, the count and place of each figure): where a count is, told around the words
PLACES = [
    # where the speaker told it is not where it happened
    (
        "Fighting in Kelso has killed 83 people. No aid workers were among the dead, Relief "
        "Agency spokesman Jon Lark told reporters in Geneva.",
        [(83, "Kelso"), (0, "Kelso")],
    ),
    (
        "A ferry sank off Tamberg on Sunday. Forty survivors were brought ashore, the "
        "agency's spokeswoman Ana Rees said at a briefing in Geneva.",
        [(40, "Tamberg")],
    ),
    # a place told first frames the whole sentence, the speaker's words too
    (
        "Floods swept across Ruvania on Sunday. In neighbouring Belgium, the interior "
        "minister said 20 people had died.",
        [(20, "Belgium")],
    ),
    # a name that records a count is a land, whatever the tagger made of it
    (
        "Ruvania has recorded 1,200 deaths. Kerala has so far recorded no deaths from the "
        "infection, its health department said.",
        [(1200, "Ruvania"), (0, "Kerala")],
    ),
    (
        "Ruvania has confirmed 152 cases. Emilia-Romagna has recorded nine cases, its "
        "health department said.",
        [(152, "Ruvania"), (9, "Emilia-Romagna")],
    ),
    # a body records counts too: named by its kind, or described where it is named
    (
        "Fighting in Ruvania killed 300 people last year. The UN Assistance Mission in "
        "Ruvania (UNAMR) recorded 3,035 civilians killed.",
        [(300, "Ruvania"), (3035, "Ruvania")],
    ),
    (
        "Protests in Ruvania have left 47 people dead, according to Temblores, a "
        "non-governmental organisation. Temblores recorded 963 injured civilians.",
        [(47, "Ruvania"), (963, "Ruvania")],
    ),
    # a count a named hospital discharged, still keeps or treated is at the hospital
    (
        "Three people were stabbed to death in Kelso Gardens on Saturday. Two of the "
        "injured were discharged from the Tamberg General Hospital yesterday.",
        [(3, "Kelso Gardens"), (2, "Tamberg General Hospital")],
    ),
    (
        "A blast at a church in Kelso injured 20 people. The state-run Bhayangkara "
        "hospital said 11 of the injured had been discharged by yesterday evening, while "
        "three remained in intensive care.",
        [(20, "Kelso"), (11, "Bhayangkara hospital"), (3, "Bhayangkara hospital")],
    ),
    # a hospital the article does not name is no place
    (
        "A bus crashed in Kelso, injuring eight. Two of them were discharged yesterday.",
        [(8, "Kelso"), (2, "Kelso")],
    ),
]


@pytest.mark.parametrize(("body", "expected"), PLACES)
def test_each_count_is_placed_where_it_is(
    body: str, expected: list[tuple[float, str | None]]
) -> None:
    assert [(f.value, f.place) for f in figures(body)] == expected


def test_a_paragraphs_place_is_not_carried_to_a_count_that_is_not_more_of_the_same() -> None:
    body = (
        "Floods swept across Ruvania on Monday.\n"
        "In the town of Kelso, 14 people died. Rescuers have evacuated 300 residents."
    )
    assert [(f.value, f.place) for f in figures(body)] == [(14, "Kelso"), (300, "Ruvania")]


def test_they_and_quotes_take_the_speaker_named_before() -> None:
    body = (
        "The coast guard said 4 sailors drowned. They said 9 others were rescued.\n"
        "A fisherman said the sea was rough.\n"
        'The port authority announced: "Two boats were destroyed. Eleven crew are missing."'
    )
    assert [(f.value, f.reported_by) for f in figures(body)] == [
        (4, "coast guard"),
        (9, "coast guard"),
        (2, "port authority"),
        (11, "port authority"),
    ]


def test_they_does_not_reach_into_another_paragraph() -> None:
    body = "The coast guard said 4 sailors drowned.\nThey said 9 others were rescued."
    assert [f.reported_by for f in figures(body)] == ["coast guard", None]


def test_a_figure_without_a_place_takes_the_paragraphs_then_the_articles() -> None:
    body = (
        "Storms swept across Ruvania on Sunday.\n"
        "In Tamberg, 14 people died. Another 30 were injured.\n"
        "Nine people remain missing."
    )
    assert [f.place for f in figures(body)] == ["Tamberg", "Tamberg", "Ruvania"]


def test_a_list_whose_verb_is_said_once_gives_each_place_its_number_and_no_source() -> None:
    body = (
        "The heatwave has killed 90 people in Bihar. "
        "Aurangabad recorded 39 of them, Gaya 32 and Nawada 14."
    )
    assert [(f.value, f.place, f.reported_by) for f in figures(body)][2:] == [
        (32, "Gaya", None),
        (14, "Nawada", None),
    ]


def test_each_name_told_for_its_number_in_a_list_is_that_numbers_place() -> None:
    body = (
        "Officials said 73 people had died. "
        "Purnia district accounted for 40 of the dead, Katihar for 22 and Araria for 11."
    )
    assert [(f.value, f.place) for f in figures(body)][2:] == [(22, "Katihar"), (11, "Araria")]


def test_a_part_of_a_group_set_off_by_commas_is_no_age() -> None:
    body = "At least 197 Palestinians, 58 of them children, have been killed in the raids."
    assert read(body) == [("killed", 197), ("killed", 58)]


@pytest.mark.parametrize("about", ["", "about ", "at least "])
def test_a_part_told_among_them_takes_the_harm_of_the_whole(about: str) -> None:
    body = f"Local sources said 160 people had been killed, among them {about}20 children."
    assert read(body) == [("killed", 160), ("killed", 20)]


def test_a_bare_number_takes_the_state_said_of_it_past_a_copula() -> None:
    body = "At least 22 people had been killed, 56 injured and 27 were still missing."
    assert read(body) == [
        ("killed", 22),
        ("wounded", 56),
        ("missing", 27),
    ]


def test_a_part_of_the_number_a_toll_gave_takes_that_tolls_harm() -> None:
    body = "Floods killed 19 people in Tamberg on Monday. Three of the 19 were children, he said."
    assert read(body) == [("killed", 19), ("killed", 3)]


def test_the_number_a_toll_is_set_to_is_that_toll_whatever_caused_it() -> None:
    body = (
        "The company raised the confirmed death toll from Friday's collapse of a waste dam "
        "near the town of Tamberg to 65, up from 58 late on Sunday."
    )
    assert read(body) == [("killed", 65), ("killed", 58)]


def test_every_item_of_a_list_among_the_dead_is_dead() -> None:
    body = "Among the dead were eight gendarmes, three village guards and two firefighters."
    assert read(body) == [
        ("killed", 8),
        ("killed", 3),
        ("killed", 2),
    ]


def test_workers_who_died_in_a_fire_are_dead_not_a_response() -> None:
    body = "A year earlier, 112 workers died in a fire at a garment factory outside Tamberg."
    assert read(body) == [("killed", 112)]


def test_a_nationwide_count_is_the_countrys_even_when_the_article_leads_with_a_city() -> None:
    body = (
        "Hospitals in Manila were overwhelmed by measles patients on Monday, as the Philippines "
        "struggled with the outbreak.\n"
        "The health department said 4,302 cases had been recorded nationwide."
    )
    assert [(f.value, f.place) for f in figures(body)] == [(4302, "Philippines")]


def test_a_count_in_the_country_is_the_countrys() -> None:
    body = (
        "Gunmen freed twelve hostages in Ganthier, east of Port-au-Prince, on Thursday, "
        "as Haiti struggled with a wave of kidnappings.\n"
        "At least 949 people were kidnapped in the country between January and November."
    )
    assert [(f.value, f.place) for f in figures(body)][-1] == (949, "Haiti")


@pytest.mark.parametrize(
    "sentence",
    [
        "The country has recorded more than 9,400 deaths, the health ministry said.",
        "The country's outbreak had grown to 9,400 suspected cases by Friday.",
        "The nation's 9,400 deaths make it the worst hit in the region.",
    ],
)
def test_a_count_the_country_owns_is_the_countrys_not_the_last_citys(sentence: str) -> None:
    body = (
        "A fire swept through a clinic in Valmora, Peru, on Sunday, killing 21 patients, "
        "officials in Valmora said.\n" + sentence
    )
    assert [(f.value, f.place) for f in figures(body)][-1] == (9400, "Peru")


def test_a_neighbouring_country_is_not_the_country_of_the_article() -> None:
    body = (
        "A fire swept through a clinic in Valmora, Peru, on Sunday, killing 21 patients.\n"
        "A neighbouring country has recorded 9,400 deaths."
    )
    assert [(f.value, f.place) for f in figures(body)][-1][1] != "Peru"


def test_a_count_told_as_happening_there_is_where_the_sentence_before_was() -> None:
    body = (
        "Storms swept across Ruvania on Sunday.\n"
        "The worst damage was at the Tamberg Market, near Kelso, 30 miles north of Ostrava. "
        "Four people were killed there.\n"
        "The administration of Dalvik district said 1,300 people were unaccounted for there."
    )
    assert [(f.value, f.place) for f in figures(body)] == [
        (4, "the Tamberg Market"),
        (1300, "Dalvik district"),
    ]


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        (
            "Search teams in Ruvania recovered two bodies from the Tamberg Strait.",
            "the Tamberg Strait",
        ),
        ("Divers in Ruvania pulled two bodies from Lake Osk on Sunday.", "Lake Osk"),
        # where people travelled from is not where harm found them
        ("A bus carrying 38 passengers from Ostrava was stranded near Kelso.", "Kelso"),
    ],
)
def test_the_place_people_were_taken_out_of_is_where_the_count_is(
    sentence: str, place: str
) -> None:
    assert [f.place for f in figures(sentence)] == [place]


def test_a_hospital_whose_name_is_hyphenated_keeps_its_whole_name() -> None:
    body = "At Dar-es-Salam General Hospital in Omdel, 48 people with burns were admitted there."
    assert [f.place for f in figures(body)] == ["Dar-es-Salam General Hospital"]


def test_a_name_set_beside_the_capital_is_the_place_whatever_its_tag() -> None:
    body = "Of those, 840 were admitted in the capital, Dhaka, and 310 in other districts."
    assert (840, "Dhaka") in [(f.value, f.place) for f in figures(body)]


def test_a_count_a_hospital_took_in_is_where_the_hospital_is() -> None:
    body = (
        "A doctor at Tamberg Provincial Hospital said it had received 35 bodies and more than "
        "50 wounded after the blast in Osk."
    )
    assert {f.place for f in figures(body)} == {"Tamberg Provincial Hospital"}


def test_each_item_of_a_breakdown_by_place_keeps_its_own_place() -> None:
    body = "Of the 84 dead, 49 were in East Tamberg, 23 in Lembara and 12 in Osk, officials said."
    assert [(f.value, f.place) for f in figures(body)][1:] == [
        (49, "East Tamberg"),
        (23, "Lembara"),
        (12, "Osk"),
    ]


def test_a_common_word_the_tagger_took_for_a_name_is_no_place() -> None:
    body = "Officials said no one had been killed, though crops there were covered in ash."
    assert [(f.value, f.place) for f in figures(body)] == [(0, None)]


def test_a_count_whose_subject_is_nationwide_is_the_countrys_not_a_reasons_place() -> None:
    body = (
        "Soldiers opened fire on marchers in Ruvania on Friday. With the killings in Tamberg, "
        "the count of civilians killed across the country rose to 701."
    )
    assert [(f.value, f.place) for f in figures(body)] == [(701, "Ruvania")]


def test_in_the_world_after_a_superlative_is_a_rank_not_a_scope() -> None:
    body = (
        "Vaccinations began in Ruvania in February. The health ministry said 4.1 million "
        "people had received a dose, one of the fastest rollouts in the world."
    )
    assert [f.place for f in figures(body)] == ["Ruvania"]


def test_the_country_victims_are_citizens_of_is_not_where_they_died() -> None:
    body = (
        "A crush at a festival on Mount Osk killed 45 people on Friday. "
        "Among the dead were six citizens of Ruvania and two nationals of Tamberg."
    )
    assert [(f.value, f.place) for f in figures(body)] == [
        (45, "Mount Osk"),
        (6, "Mount Osk"),
        (2, "Mount Osk"),
    ]


@pytest.mark.parametrize("scope", ["worldwide", "around the world", "globally"])
def test_a_toll_about_the_whole_world_does_not_take_the_articles_place(scope: str) -> None:
    body = (
        "An outbreak of cholera hit Ruvania this month, and 12 people have died there.\n"
        f"Cholera kills about 95,000 people {scope} each year, experts say."
    )
    assert [f.place for f in figures(body)] == ["Ruvania", scope]


def test_a_closing_said_clause_speaks_for_the_whole_sentence() -> None:
    body = "Nine people died and 30 were hurt when a truck overturned near Tamberg, police said."
    assert [(f.value, f.reported_by) for f in figures(body)] == [(9, "police"), (30, "police")]


def test_a_speaker_the_parser_hung_on_the_place_still_speaks() -> None:
    body = (
        "Rescuers pulled 17 survivors from the rubble in Tamberg, "
        "the National Emergency Management Agency (NEMA) said."
    )
    [survivors] = figures(body)
    assert survivors.reported_by == "National Emergency Management Agency (NEMA)"


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Local broadcaster TVR7 said six climbers were missing.", "Local broadcaster TVR7"),
        (
            "The toll rose to 31, Ruvania's disaster agency BNPR said.",
            "Ruvania's disaster agency BNPR",
        ),
        ("The country's disaster agency said 31 people died.", "disaster agency"),
    ],
)
def test_the_speakers_name_keeps_its_named_owner_and_its_name_in_apposition(
    sentence: str, speaker: str
) -> None:
    assert [f.reported_by for f in figures(sentence)] == [speaker]


@pytest.mark.parametrize(
    ("body", "sources"),
    [
        # "the institute" is the institute the article named before
        (
            "The Ruvanian Institute of Public Health reported three new deaths on Sunday. "
            "The institute said 48 people had tested positive so far.",
            ["Ruvanian Institute of Public Health"] * 2,
        ),
        # "the group" and "its members" name the organisation named last before
        (
            "The Valley Rights Network said villagers had fled. Its members counted 31 dead "
            "on Monday. More than 120 houses were burned, according to the group.",
            ["Valley Rights Network"] * 2,
        ),
        # "its director" is one person, not the organisation
        (
            "The Ruvanian Red Cross opened a clinic. Its director said 40 people were treated.",
            ["director"],
        ),
    ],
)
def test_a_second_mention_names_the_organisation_named_before(
    body: str, sources: list[str]
) -> None:
    assert [f.reported_by for f in figures(body)] == sources


def test_a_place_the_parser_typed_as_a_person_is_still_a_place() -> None:
    body = "Some 1,200 people spent the night in evacuation centres in Kumamoto, officials said."
    assert [f.place for f in figures(body)] == ["Kumamoto"]


def test_a_person_who_acts_is_not_read_as_a_place() -> None:
    body = "Kowalski said 12 people died in Tamberg. Rescuers found 3 more bodies near Kowalski."
    assert "Kowalski" not in [f.place for f in figures(body)]


def test_a_place_name_of_several_words_is_kept_whole() -> None:
    body = "At least 20 people were killed in an airstrike on the town of Maaret al-Numan."
    assert [f.place for f in figures(body)] == ["Maaret al-Numan"]


@pytest.mark.parametrize(
    "body",
    [
        "A market roof fell in the old quarter of Tamberg, in the northern Velm province, "
        "trapping 14 people.",
        "A fuel depot exploded at dawn in Tamberg, in the Velm region, killing 14 workers.",
    ],
)
def test_of_two_places_told_one_after_the_other_the_first_and_narrower_is_the_counts(
    body: str,
) -> None:
    assert [f.place for f in figures(body)] == ["Tamberg"]


def test_a_named_hospital_people_were_taken_to_is_where_each_count_now_is() -> None:
    body = (
        "A bus overturned near Tamberg on Monday. Of the 50 injured, 30 were admitted to "
        "Velm General Hospital and 20 to Tamberg District Hospital."
    )
    assert [(f.value, f.place) for f in figures(body)] == [
        (50, "Tamberg"),
        (30, "Velm General Hospital"),
        (20, "Tamberg District Hospital"),
    ]


def test_a_hospital_only_some_were_taken_to_is_not_the_place_of_them_all() -> None:
    body = (
        "Soldiers rescued nine miners from the flooded shafts on Monday, including two who "
        "were flown to Velm General Hospital."
    )
    assert "Velm General Hospital" not in [f.place for f in figures(body) if f.value == 9]


def test_the_institute_where_the_hurt_later_died_is_not_the_articles_place() -> None:
    body = (
        "The death toll from Sunday's explosion in a building in the Moghbazar area of Dhaka "
        "has risen to 11, after two injured men died overnight at the Chittagong National "
        "Institute of Burn Surgery, a doctor at the institute said this morning.\n\n"
        "Police had put the toll at seven on Sunday night.\n\n"
        "More than 50 people were injured, according to the fire service."
    )
    found = brief(
        body, title="Explosion toll rises to 11", published="2021-06-29", settings=RULES
    ).figures
    assert [f.place for f in found if f.value in (7, 50)] == ["Dhaka", "Dhaka"]


def test_a_place_name_that_holds_a_possessive_is_kept_whole() -> None:
    body = "Health officials in Bangladesh's Cox's Bazar district reported 40 measles cases."
    assert [f.place for f in figures(body)] == ["Cox's Bazar district"]


def test_a_count_in_a_where_clause_takes_the_town_it_describes() -> None:
    body = "The attack in the town of Kouré, where gunmen shot dead 24 soldiers, was claimed."
    assert [f.place for f in figures(body)] == ["Kouré"]


@pytest.mark.parametrize(
    ("body", "place"),
    [
        ("Velmora, a city of about 80,000 people, lies some 30 kilometres from Karsk.", "Velmora"),
        ("The storm hit Velmora, home to 500,000 people, near the border with Ruvania.",
         "Velmora"),
        ("Ruvania, which has about 1.8 million inhabitants, is recognised by Karsk and Velm.",
         "Ruvania"),
    ],
)  # fmt: skip
def test_a_count_set_beside_a_name_is_that_places_population(body: str, place: str) -> None:
    assert [(f.metric, f.place) for f in figures(body)] == [("population", place)]


def test_a_list_of_counts_by_place_keeps_each_its_own_place() -> None:
    body = "Of the 40 dead, 19 were in Velmora, 13 in Karsk and eight in Ruvania, officials said."
    assert [(f.value, f.place) for f in figures(body)][1:] == [
        (19, "Velmora"),
        (13, "Karsk"),
        (8, "Ruvania"),
    ]


def test_a_clause_beside_a_name_that_tells_of_harm_is_no_description() -> None:
    body = "Officials in Velmora said the outbreak, which has killed 40 people, was spreading."
    assert [f.place for f in figures(body)] == ["Velmora"]


def test_an_organisation_named_after_a_realm_word_is_whose_not_where() -> None:
    body = (
        "The jet turned towards a military centre of the Velmoran Revolutionary Guard "
        "Corps before it fell, killing 176 people."
    )
    assert [f.place for f in figures(body)] == [None]


def test_a_place_the_tagger_glued_to_its_preposition_is_still_the_place() -> None:
    body = "Across Velmora, 88 people have died in floods since Wednesday, officials said."
    assert [f.place for f in figures(body)] == ["Velmora"]


def test_a_place_typed_a_person_once_is_a_place_where_the_article_types_it_so() -> None:
    body = (
        "Floods hit Karsk on Monday and spread to Velmora. Velmora is still rebuilding. "
        "Across Velmora, 88 people have died since Wednesday, officials said."
    )
    assert [f.place for f in figures(body)] == ["Velmora"]


@pytest.mark.parametrize(
    "body",
    [
        "The death toll rose to 34 yesterday when a woman died in hospital, police said.",
        "The toll from the fire climbed to 34 Monday after a firefighter died of his burns.",
    ],
)
def test_a_toll_told_before_a_day_word_is_the_toll_not_a_count_of_days(body: str) -> None:
    assert ("killed", 34) in read(body)


def test_a_number_of_people_confirmed_dead_set_to_a_value_is_the_toll() -> None:
    body = (
        "Rescuers recovered 11 more bodies on Friday, raising the number of people confirmed "
        "dead in the landslide to 24."
    )
    assert read(body) == [("killed", 11), ("killed", 24)]


def test_a_clause_the_parser_made_a_second_subject_of_said_is_what_was_said() -> None:
    body = (
        "A methane blast killed at least 11 miners and trapped 46 others, regional officials said."
    )
    assert [f.reported_by for f in figures(body)] == ["regional officials", "regional officials"]


def test_a_month_with_a_where_clause_is_no_place() -> None:
    body = (
        "About 9,500 people remain in camps after floods in February, where aid workers say "
        "conditions are crowded, the agency said."
    )
    assert [f.place for f in figures(body)] == [None]


def test_a_division_named_by_a_demonym_is_no_name_the_one_after_of_is() -> None:
    body = (
        "A blast at a plant in La Canonja, on the outskirts of the Catalan city of Tarragona, "
        "killed two people, officials said."
    )
    [figure] = figures(body)
    assert figure.place in ("La Canonja", "Tarragona")  # not "Catalan city"


@pytest.mark.parametrize(
    ("body", "value"),
    [
        ("Firefighters and staff brought out 104 people, the agency said.", 104),
        ("Eight of the miners were hauled to the surface that night.", 8),
        ("Helicopters plucked 167 people from rooftops over the weekend.", 167),
        ("Rescuers led 68 of the guests out through the stairwells.", 68),
        ("Soldiers led more than 200 students and staff out of the buildings.", 200),
        ("Firefighters brought 27 people down from balconies using ladders.", 27),
        ("Army helicopters lifted 36 people from rooftops in the village overnight.", 36),
        ("Of the survivors, 163 were picked up by a cargo ship.", 163),
        ("A passing tug picked up 21 crew members.", 21),
        ("Army helicopters lifted more than 1,000 people to safety.", 1000),
    ],
)
def test_people_brought_out_of_danger_are_aid(body: str, value: int) -> None:
    assert read(body) == [("aid", value)]


@pytest.mark.parametrize(
    "body",
    [
        "Police picked up 20 suspects after the raid.",
        "Air defences brought down two drones from the north.",
    ],
)
def test_an_arrest_or_a_drone_brought_down_is_no_rescue(body: str) -> None:
    assert all(metric != "aid" for metric, _ in read(body))


def test_an_aircraft_brought_down_is_no_rescue() -> None:
    body = "The missile brought down the airliner, killing all 176 people on board."
    assert ("aid", 176) not in read(body)


def test_worldwide_on_the_counts_own_clause_beats_a_place_further_off() -> None:
    body = "The virus infected 80,000 people worldwide and killed 2,700, most of them in Ruvania."
    assert figures(body)[0].place == "worldwide"


def test_a_count_across_the_country_is_not_a_place_named_for_its_part() -> None:
    body = (
        "Heavy rain fell across Malawi all week. At least 50 people were killed nationwide, "
        "including 20 in the capital, Lilongwe."
    )
    assert [(f.value, f.place) for f in figures(body)] == [(50, "Malawi"), (20, "Lilongwe")]


def test_a_nationwide_count_takes_the_articles_place_not_the_paragraphs() -> None:
    body = (
        "Heavy rain fell across Malawi all week. In Lilongwe, 20 people died. Another 12 "
        "people have been injured nationwide."
    )
    assert [(f.value, f.place) for f in figures(body)] == [(20, "Lilongwe"), (12, "Malawi")]


def test_a_wire_datelines_city_is_more_exact_than_the_country() -> None:
    body = "KISUMU, Kenya, March 8 - A bus overturned on Saturday. Twelve people were killed."
    assert [f.place for f in figures(body)] == ["Kisumu"]


@pytest.mark.parametrize(
    ("body", "place"),
    [
        # a division named by a word the tagger did not type as a place
        ("The toll from the quake that struck Papua New Guinea's Enga province on Sunday "
         "has risen to 23.", "Enga province"),
        ("Two trains collided in the northern Sirajganj district, killing 17 people.",
         "Sirajganj district"),
        # a country that records its own count is where the count is
        ("Sri Lanka has recorded 5,000 dengue cases this year.", "Sri Lanka"),
    ],
)  # fmt: skip
def test_places_the_tagger_did_not_type(body: str, place: str) -> None:
    assert figures(body)[0].place == place


def test_a_speaker_with_a_description_after_it_still_speaks() -> None:
    body = (
        "Eleven people were killed in the village of Tel Ruma, the Ruvanian Monitor for "
        "Human Rights, a Paris-based watchdog, said."
    )
    [figure] = figures(body)
    assert figure.reported_by == "Ruvanian Monitor for Human Rights"


def test_a_count_the_parser_made_the_speaker_is_not_the_speaker() -> None:
    body = (
        "Seven inmates were killed and 19 people injured in a riot at a prison in the south, "
        "the country's prison system said on Friday."
    )
    assert {f.reported_by for f in figures(body)} == {"prison system"}


def test_a_speaker_the_parser_hung_on_a_list_of_the_missing_speaks_and_is_no_victim() -> None:
    body = (
        "The missing are four French nationals, a Slovak climber and two Nepali guides, Mira "
        "Acharya, a director at Nepal's Department of Tourism, told reporters yesterday."
    )
    assert [(f.value, f.reported_by) for f in figures(body)] == [
        (4, "Mira Acharya"),
        (2, "Mira Acharya"),
        (1, "Mira Acharya"),
    ]


def test_the_tail_of_a_hyphenated_title_is_not_part_of_the_speakers_name() -> None:
    body = (
        "Ruvanian Red Cross secretary-general Omar Haddad said on Wednesday that more than 100 "
        "people were missing."
    )
    assert [f.reported_by for f in figures(body)] == ["Omar Haddad"]


def test_a_source_named_for_the_figures_before_counts_even_with_figures_of_its_own() -> None:
    body = (
        "By Tuesday the toll had risen to 35 dead. Those figures were given by the Ruvanian "
        "Health Ministry, which said 17 of the wounded were in a critical condition."
    )
    assert figures(body)[0].reported_by == "Ruvanian Health Ministry"


def test_a_hospital_that_admitted_patients_did_not_say_so() -> None:
    body = (
        "The Ruvanian Red Crescent said its field hospital in Velm had admitted more than "
        "200 patients since Monday."
    )
    assert [f.reported_by for f in figures(body)] == ["Ruvanian Red Crescent"]


def test_a_named_speaker_with_its_description_between_it_and_its_verb_still_speaks() -> None:
    body = "Velm Health, the city's hospital, said it had treated 38 storm victims."
    assert [f.reported_by for f in figures(body)] == ["Velm Health"]


def test_a_figure_not_confirmed_by_someone_is_not_theirs() -> None:
    body = (
        "Twelve people were killed on Sunday. A local station reported that 24 people had "
        "died, but the figure was not confirmed by officials."
    )
    assert figures(body)[0].reported_by is None


def test_a_victim_named_again_by_surname_is_one_victim() -> None:
    body = (
        "Omar Haddad wrote for the paper for ten years. Prosecutors say a senior aide ordered "
        "Haddad's killing. Officials at first denied that Haddad was slain."
    )
    assert read(body) == [("killed", 1)]


def test_a_state_of_a_name_is_a_place_not_the_he_who_said_it() -> None:
    body = (
        "Governor Rafael Ortiz put the toll at ten on Monday; nine of the dead were in the "
        "capital and one in the neighbouring state of Puebla, he said."
    )
    assert figures(body)[1].reported_by == "Rafael Ortiz"


def test_he_is_the_person_named_before_not_a_place_read_as_a_person() -> None:
    body = (
        "Ricardo Dumlao told reporters in Basilan on Wednesday. He said two soldiers were killed."
    )
    assert figures(body)[0].reported_by == "Ricardo Dumlao"


@pytest.mark.parametrize(
    ("body", "source"),
    [
        # a toll or figures released or issued by someone are theirs, however introduced
        ("The trains collided on Friday, killing at least 19 people, according to a revised "
         "toll released yesterday by the Ministry of Health.", "Ministry of Health"),
        ("An initial toll issued by the regional health directorate in the afternoon put the "
         "number of dead at 18.", "regional health directorate"),
        ("More than 900 people have drowned at sea this year, according to IOM figures.", "IOM"),
        # 'the agency' is the last body named, whatever its name's own noun
        ("The National Service for Detainees (SNAI) runs the prisons. The agency said on "
         "Tuesday that 62 inmates had died.", "National Service for Detainees"),
        # a toll given by someone is theirs
        ("The toll, confirmed by the regional governor, stood at 12.", "regional governor"),
        # a sentence that says whose the last figures are credits them
        ("More than 40 people were wounded. The figures were given by Abdi Nur, a doctor.",
         "Abdi Nur"),
        ("More than 40 people were wounded. That was the account of Abdi Nur, a doctor.",
         "Abdi Nur"),
        ("Nine people were rescued from the river. Those numbers came from the Red Cross.",
         "Red Cross"),
        ("At least 27 people were killed. That toll was given by the civil protection agency.",
         "civil protection agency"),
        ("The dead included three officers. That breakdown was given by Minister Yen Teh-fa.",
         "Minister Yen Teh-fa"),
        # a hyphen inside a name keeps the name whole
        ("Nine people died in the crash, Defence Minister Yen Teh-fa said.",
         "Defence Minister Yen Teh-fa"),
        # a list is whoever compiled it; a toll, whoever gave it
        ("At least 41 people are missing, according to a list of names compiled by the "
         "district administration.", "district administration"),
        ("An earlier toll of ten dead had been given by the state-run Ruvanian News Agency.",
         "Ruvanian News Agency"),
        # whose count it is
        ("The AAPP's count of civilians killed across the country rose to 701.", "AAPP"),
        # a name the parser hung on the title's place is the speaker
        ("A community leader in Riyom, Danjuma Gyang, told Reuters that 23 people died.",
         "Danjuma Gyang"),
        # a speaker written as a noun, then its name, is the name
        ("A rights group, the Observatorio Ciudadano, said three protesters had been killed.",
         "Observatorio Ciudadano"),
        # a spokesman is named with the body he speaks for
        ("The blaze killed nine people, a spokesman for the city's fire department said.",
         "spokesman for the city's fire department"),
        # 'the airline' is the one named before, whose name ends in its plural
        ("A Ruvanian Airlines jet landed in Tembo on Sunday. The airline said 149 passengers "
         "had been on board.", "Ruvanian Airlines"),
    ],
)  # fmt: skip
def test_the_first_figure_is_credited_to_its_speaker(body: str, source: str) -> None:
    assert figures(body)[0].reported_by == source


def test_a_breakdown_keeps_the_speaker_of_the_total() -> None:
    body = (
        "The health ministry reported 530 cases. Of these, 41 patients died. "
        "Twelve nurses were hurt."
    )
    assert [f.reported_by for f in figures(body)] == ["health ministry", "health ministry", None]


def test_every_quote_is_the_body_span_and_holds_the_number() -> None:
    body = (
        "Fighting in the north displaced some 12,000 people, aid groups said; at least 9 were "
        'killed. "No one was hurt here," a resident said.'
    )
    found = figures(body)
    assert found
    for figure in found:
        [ev] = figure.evidence
        assert body[ev.start : ev.end] == ev.quote
        assert figure.value_text in ev.quote


def test_a_quote_never_starts_inside_a_number_written_with_commas() -> None:
    body = "The country has recorded more than 1,025,000 infections and more than 15,200 deaths."
    quotes = [f.evidence[0].quote for f in figures(body)]
    assert quotes and all(q.startswith("The country has recorded") for q in quotes)


# --- the model: asked only when the parse leaves the metric open ----------------------------

AMBIGUOUS = "The archive counts events where five or more people are killed or injured."


def test_the_model_is_asked_only_when_the_parse_leaves_the_metric_open() -> None:
    asker = CannedAsker.from_table({FigureAnswer: FigureAnswer(metric="other")})
    figures("At least 20 people were killed. Two officials arrived.", asker)
    assert asker.calls == 0
    figures(AMBIGUOUS, asker)
    assert asker.calls == 1
    assert "killed, wounded, none" in asker.questions[0]


def test_the_models_answer_counts_only_when_it_is_one_of_the_choices() -> None:
    wounded = CannedAsker.from_table({FigureAnswer: FigureAnswer(metric="wounded")})
    assert [f.metric for f in figures(AMBIGUOUS, wounded)] == ["wounded"]
    aid = CannedAsker.from_table({FigureAnswer: FigureAnswer(metric="aid")})
    assert figures(AMBIGUOUS, aid) == []


def test_without_a_model_an_open_number_is_dropped() -> None:
    assert FigureAnswer.abstain().metric == "none"
    assert figures(AMBIGUOUS) == []


def test_a_part_of_them_takes_the_harm_of_the_toll_told_just_before() -> None:
    body = (
        "In the hill district, 21 people had died, the district chief, Peter Mwangi, said. "
        "Eight of them came from a single village, Tamboa, he said."
    )
    found = [(f.metric, f.value, f.reported_by) for f in figures(body)]
    assert found == [("killed", 21, "Peter Mwangi"), ("killed", 8, "Peter Mwangi")]


def test_a_part_of_them_with_nothing_before_is_no_figure() -> None:
    assert read("Rescuers reached the mine. Eight of them came from a nearby village.") == []


def test_ages_after_aged_and_older_than_are_not_counts() -> None:
    body = "Two boys, aged four and nine, died. Eight people drowned, three no older than ten."
    assert read(body) == [("killed", 2), ("killed", 8), ("killed", 3)]


def test_settlements_where_damage_happened_are_not_counted() -> None:
    assert read("Some 700 houses were damaged in 19 villages.") == [("other", 700)]


@pytest.mark.parametrize(
    "body",
    [
        "The Red Crescent handed out blankets and heaters to 4,100 people.",
        "Volunteers distributed water and hygiene kits to 4,100 families.",
    ],
)
def test_people_things_were_handed_out_to_are_aid(body: str) -> None:
    assert read(body) == [("aid", 4100)]


@pytest.mark.parametrize(
    ("body", "place"),
    [
        ("A strong earthquake struck Ruvania's western peninsula on Sunday. The disaster "
         "agency said 40 people had died.", "Ruvania"),
        ("Wildfires on Ruvania's southern coast killed eight people.", "Ruvania"),
        # a part the sentence also names is the narrower place
        ("Floods in Ruvania's Tembo province killed 15 people.", "Tembo"),
    ],
)  # fmt: skip
def test_a_place_that_owns_an_unnamed_part_of_a_land_is_the_place(body: str, place: str) -> None:
    assert figures(body)[0].place == place


@pytest.mark.parametrize(
    ("body", "place"),
    [
        ("A cyclone hit Ruvania on Wednesday. The ministry put the country's death toll at "
         "ten on Thursday, most of them drowned in the coastal town of Tembo.", "Ruvania"),
        # a country left is where they came from, not the scope of the count
        ("Talks opened in Tembo on Monday. About 3,000 people have fled the country since "
         "May, a monitor said.", "Tembo"),
        # a country described by its people is the country its name says, not the article's
        ("France, the former colonial power, has 5,100 soldiers in the region.\n\nChad, a "
         "country of about 16 million people, has been fighting insurgents since 2015.", "Chad"),
    ],
)  # fmt: skip
def test_a_toll_set_for_the_country_is_the_countrys(body: str, place: str) -> None:
    assert figures(body)[0].place == place


@pytest.mark.parametrize(
    ("body", "places"),
    [
        # a name the tagger takes for a person, set beside the division it is
        ("No deaths were reported in Tanjung Waru, the regency north of Kalipura, local "
         "officials said.", ["Tanjung Waru"]),
        # a division named by its own word, 'regency' as much as 'district'
        ("Of the dead, 40 were in Kalipura and nine in Tembaru regency, the agency said.",
         ["Kalipura", "Tembaru regency"]),
    ],
)  # fmt: skip
def test_a_name_the_sentence_calls_a_division_is_the_place(body: str, places: list[str]) -> None:
    assert [f.place for f in figures(body)] == places


def test_a_town_located_by_its_province_after_a_comma_is_the_place() -> None:
    found = figures(
        "The army said insurgents had killed 40 people in a raid on the coastal town of Tembo, "
        "in the northern province of Kalundu, which began on Wednesday. Another 12 people were "
        "wounded on Friday."
    )
    assert [f.place for f in found] == ["Tembo", "Tembo"]


@pytest.mark.parametrize(
    ("body", "place"),
    [
        # a land's own ministry that records a count records it there
        ("Rain fell across the region. Moravia's health ministry has recorded 2,119 cases.",
         "Moravia"),
        # 'in the state' is the state whose government tells the count
        ("Floods hit Veraval in Gujarat on Monday. The Gujarat government said 53 people had "
         "died in the state.", "Gujarat"),
        # a land that hosts people is where they are
        ("Pakistan also hosts about 1.4 million registered refugees, the agency said.",
         "Pakistan"),
        # a name the tagger took for a person, named elsewhere as a state, records its count
        ("Hospitals in Tarsa, the capital of Brazil's Maranhao state, ran out of oxygen. "
         "Maranhao recorded 198 deaths on Thursday.", "Maranhao"),
    ],
)  # fmt: skip
def test_a_land_whose_body_tells_its_own_count_is_the_counts_place(body: str, place: str) -> None:
    assert [f.place for f in figures(body)] == [place]


@pytest.mark.parametrize(
    ("body", "place"),
    [
        ("Monitors reported clashes in Aleppo. A truce took effect in Syria's Idlib province on "
         "Friday. The province is home to about three million people.", "Idlib"),
        ("Rain hit Karachi on Sunday. Then it swept the province of Sindh. At least 40 people "
         "died in the province.", "Sindh"),
        # a zone too, and the one named before the land it lies in
        ("Gunmen raided villages in the Metekel zone of western Ethiopia on Wednesday. More "
         "than 100,000 people have been displaced in the zone, the UN said.", "Metekel"),
    ],
)  # fmt: skip
def test_the_province_is_the_one_last_named_with_that_word(body: str, place: str) -> None:
    assert [f.place for f in figures(body)] == [place]


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("A fire broke out in a hospital in Nasiriyah in southern Iraq, killing 60 people.",
         "Nasiriyah"),
        ("A bus crashed in Kasur in eastern Pakistan, killing 11 people.", "Kasur"),
        ("A bomb exploded at a seminary in Peshawar, in north-western Pakistan, yesterday, "
         "killing eight people.", "Peshawar"),
        ("An explosion tore through a mosque in Narayanganj, near the Bangladeshi capital Dhaka, "
         "killing 27 people.", "Narayanganj"),
    ],
)  # fmt: skip
def test_a_place_located_by_the_next_in_is_the_narrower(sentence: str, place: str) -> None:
    assert [f.place for f in figures(sentence)] == [place]


def test_a_named_valley_or_peninsula_is_a_place_like_a_district() -> None:
    body = (
        "Twenty soldiers died in a clash in the Galwan valley in eastern Ladakh on Monday "
        "night, the army said. An official said 76 soldiers had been injured."
    )
    assert [f.place for f in figures(body)] == ["Galwan", "Galwan"]


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("Explosions tore through Aden's international airport on Wednesday, killing 26 "
         "people, the health minister said.", "Aden"),
        ("A fire swept through Lagos's biggest market, killing nine traders.", "Lagos"),
    ],
)  # fmt: skip
def test_a_town_that_owns_the_site_of_the_count_is_its_place(sentence: str, place: str) -> None:
    assert [f.place for f in figures(sentence)] == [place]


def test_a_name_set_beside_a_district_of_so_many_people_is_that_place() -> None:
    body = "Kasese, a district of about 700,000 people on the slopes of Rwenzori, borders Congo."
    assert [(f.value, f.place) for f in figures(body)] == [(700_000, "Kasese")]


def test_rupees_written_rs_dot_are_money_not_a_toll() -> None:
    body = (
        "The state announced compensation of Rs. 400,000 (about US$4,200) for the family of "
        "each person killed in the fire."
    )
    assert figures(body) == []


def test_an_illness_named_after_a_river_is_no_place() -> None:
    body = "Uganda has confirmed three cases of Ebola, the health ministry said."
    assert [(f.value, f.place) for f in figures(body)] == [(3, "Uganda")]


def test_an_item_after_and_keeps_its_place_not_the_one_before() -> None:
    body = "Of the dead, 70 were in Kelso and 11 in Tamberg regency, the agency said."
    assert [(f.value, f.place) for f in figures(body)] == [(70, "Kelso"), (11, "Tamberg")]


def test_the_minister_who_said_it_is_the_minister_named_before() -> None:
    body = (
        "Health Minister Ana Ruiz visited the injured on Friday. Of the injured, 52 were still "
        "in hospital this morning, the minister said."
    )
    assert [(f.value, f.reported_by) for f in figures(body)] == [(52, "Ana Ruiz")]


def test_the_minister_named_long_before_is_still_the_one_who_said_it() -> None:
    body = (
        "Health Minister Ana Ruiz visited the injured on Friday. "
        + "Divers searched the wreck through the night and into the morning. " * 12
        + "Of the injured, 52 were still in hospital this morning, the minister said."
    )
    assert [(f.value, f.reported_by) for f in figures(body)] == [(52, "Ana Ruiz")]


def test_the_airline_is_the_airline_named_however_far_back() -> None:
    body = (
        "A plane of Kestrel Airlines crashed near Bole on Sunday. "
        + "Divers searched the wreck through the night and into the morning. " * 12
        + "The dead came from 35 countries, with 32 from Kenya, according to the airline."
    )
    assert {f.reported_by for f in figures(body)} == {"Kestrel Airlines"}


def test_a_hyphenated_name_the_parser_splits_is_one_speaker() -> None:
    body = "Lagos State Governor Babajide Sanwo-Olu said last night that one man had died."
    assert [f.reported_by for f in figures(body)] == ["Lagos State Governor Babajide Sanwo-Olu"]


def test_its_research_is_the_research_of_the_one_who_said_it() -> None:
    body = "Amnesty said its research showed that at least 56 people had died since May."
    assert [(f.value, f.reported_by) for f in figures(body)] == [(56, "Amnesty")]


def test_a_full_name_is_given_with_the_acronym_the_body_gave_it() -> None:
    body = (
        "The Tarn Disaster Management Council (TDMC) met on Monday. At least 14 people were "
        "injured, the Tarn Disaster Management Council said."
    )
    assert [f.reported_by for f in figures(body)] == ["Tarn Disaster Management Council (TDMC)"]


def test_a_source_and_a_place_written_as_possessors_are_named_without_the_possessive() -> None:
    body = (
        "North Rhine-Westphalia's state government reported 43 deaths, and Magen David Adom's "
        "first toll was 38."
    )
    found = figures(body)
    assert all(not (f.reported_by or "").endswith("'s") for f in found), found
    assert all(not (f.place or "").endswith("'s") for f in found), found


def test_a_word_of_quantity_names_no_source() -> None:
    body = "Floods swept the region, and many estimate that 14,000 homes have been destroyed."
    assert [(f.value, f.reported_by) for f in figures(body)] == [(14000, None)]


def test_a_study_is_reported_by_those_it_is_by() -> None:
    body = "The war killed about 383,000 people, according to a 2018 study by Tarn University."
    assert [f.reported_by for f in figures(body)] == ["Tarn University"]


def test_an_illness_that_claimed_lives_said_nothing() -> None:
    body = "The country is also fighting measles, which has claimed more than 400 lives this year."
    assert [(f.value, f.reported_by) for f in figures(body)] == [(400, None)]


def test_an_acronym_is_the_body_it_was_given_to() -> None:
    body = (
        "The Nigeria Centre for Disease Control (NCDC) said on Monday that 40 people had died. "
        "A week earlier, the NCDC had reported 35 deaths."
    )
    assert [(f.value, f.reported_by) for f in figures(body)] == [
        (40, "Nigeria Centre for Disease Control (NCDC)"),
        (35, "Nigeria Centre for Disease Control (NCDC)"),
    ]


def test_a_bare_title_with_nobody_named_so_stays_as_written() -> None:
    body = "Omar Haddad met the victims. Forty homes were destroyed, the mayor said."
    assert [(f.value, f.reported_by) for f in figures(body)] == [(40, "mayor")]


def test_a_closing_said_speaks_for_a_relative_clause_too() -> None:
    body = (
        "Two more people were missing in Tarn, where about 300 people were evacuated from "
        "their homes, regional president Ana Ruiz said."
    )
    assert [(f.value, f.reported_by) for f in figures(body)] == [
        (2, "regional president Ana Ruiz"),
        (300, "regional president Ana Ruiz"),
    ]


@pytest.mark.parametrize(
    ("body", "source"),
    [
        # the parser reads 'that they had killed' as a clause of 'statement'
        ("The Ruvanian Front said in a statement that it had killed 24 soldiers.",
         "Ruvanian Front"),
        # and 'killed' as a clause of 'helicopters': the closing 'he said' still speaks for it
        ("Army spokesman Omar Haddad spoke in Tarn. Troops backed by helicopters killed about 30 "
         "of the attackers, he said.", "Omar Haddad"),
    ],
)  # fmt: skip
def test_a_speaker_holds_for_a_clause_the_parser_hung_on_a_noun(body: str, source: str) -> None:
    assert [f.reported_by for f in figures(body)] == [source]


def test_a_place_named_before_home_to_a_count_is_its_place() -> None:
    body = "Gunmen attacked the village of Kelso, home to about 5,000 people, in Tamberg State."
    assert [(f.value, f.place) for f in figures(body)] == [(5000, "Kelso")]


def test_a_day_is_never_a_place() -> None:
    body = "Ruvania began vaccinating health workers last Tuesday with 50,000 doses from Tamberg."
    assert all(f.place != "Tuesday" for f in figures(body))


def test_the_people_who_talked_are_no_count() -> None:
    body = "The two men also talked about Ruvania, where 22.8 million people need food aid."
    assert [f.value for f in figures(body)] == [22800000]


@pytest.mark.parametrize(
    ("second", "found"),
    [
        # one victim told by nationality, in a clause of its own: an item of the breakdown
        ("Among the dead was a Kenyan national, the foreign ministry said.", [("killed", 1.0)]),
        ("Officials said a Kenyan national was also among those killed.", [("killed", 1.0)]),
        # someone told before, by age, or an item hung on the toll: inside the total
        ("The pilot was among the dead.", []),
        ("A 14-year-old boy was among the dead.", []),
        ("A fourth, who had been critically wounded, died of his injuries overnight.", []),
    ],
)
def test_one_victim_told_by_nationality_is_an_item_of_the_toll(
    second: str, found: list[tuple[str, float]]
) -> None:
    assert read("At least 40 people were killed in the blast, police said. " + second) == [
        ("killed", 40.0),
        *found,
    ]


@pytest.mark.parametrize(
    ("body", "found"),
    [
        # who searches is not missing; who is searched for is
        ("The rover is searching for signs of ancient life in what was once a lake.", []),
        (
            "The army said it had arrested the son of the landowner and was searching for the "
            "owner himself.",
            [],
        ),
        (
            "Rescuers found two bodies and were searching for three fishermen.",
            [("killed", 2.0), ("missing", 3.0)],
        ),
    ],
)
def test_who_searches_is_not_missing(body: str, found: list[tuple[str, float]]) -> None:
    assert read(body) == found


@pytest.mark.parametrize(
    ("body", "found"),
    [
        ("Tarn has reported one case of wild poliovirus this year.", [("other", 1.0)]),
        ("Neighbouring Velm has recorded one case.", [("other", 1.0)]),
        ("The country closed its border because of a single case.", []),
    ],
)
def test_one_case_a_country_reports_is_a_tally_of_one(
    body: str, found: list[tuple[str, float]]
) -> None:
    assert read(body) == found


@pytest.mark.parametrize(
    ("body", "found"),
    [
        (
            "The driver and his assistant had left the tanker before the explosion, and neither "
            "was hurt.",
            [("wounded", 0.0)],
        ),
        ("Neither of the two pilots was hurt.", [("wounded", 0.0)]),
        ("None of the 40 passengers was hurt.", [("wounded", 0.0)]),
    ],
)
def test_neither_and_none_of_a_group_state_a_zero(
    body: str, found: list[tuple[str, float]]
) -> None:
    assert read(body) == found


@pytest.mark.parametrize(
    ("body", "found"),
    [
        ("The fire broke out in Block C2, which held 122 inmates.", [("population", 122.0)]),
        ("The jail holds 500 prisoners.", [("population", 500.0)]),
    ],
)
def test_the_inmates_a_named_block_held_live_there(
    body: str, found: list[tuple[str, float]]
) -> None:
    assert read(body) == found


@pytest.mark.parametrize(
    ("body", "found"),
    [
        ("Witnesses said a gunman opened fire on the guards and was shot dead.", [("killed", 1.0)]),
        ("Two soldiers fought off the attackers and were wounded.", [("wounded", 2.0)]),
        ("Three men stole a car and were arrested.", []),
    ],
)
def test_harm_told_by_a_passive_verb_joined_to_the_subjects_act(
    body: str, found: list[tuple[str, float]]
) -> None:
    assert read(body) == found


def test_a_prison_named_by_its_town_is_where_its_inmates_died() -> None:
    body = (
        "A fire tore through a cell block at Kampala prison, killing 44 inmates, the ministry said."
    )
    assert [f.place for f in figures(body)] == ["Kampala"]


def test_a_city_set_after_its_description_is_the_place_whole() -> None:
    body = (
        "A fuel tanker exploded in Haiti's second city, Cap-Haitien, killing 75 people, "
        "officials said."
    )
    assert [f.place for f in figures(body)] == ["Cap-Haitien"]


def test_a_country_that_detected_cases_is_their_place() -> None:
    body = (
        "Ruiz hosted Haddad in Lisbon yesterday. India had detected 21 cases of the new "
        "variant by yesterday, according to the health ministry."
    )
    assert [(f.metric, f.value, f.place) for f in figures(body)] == [("other", 21.0, "India")]


@pytest.mark.parametrize(
    ("body", "found"),
    [
        ("Health authorities have confirmed a case of Marburg virus disease.", [("other", 1.0)]),
        ("The ministry reported a case of cholera in the port.", [("other", 1.0)]),
        ("Officials confirmed a case of fraud.", []),
        ("The country had not recorded a case of cholera in more than a century.", []),
    ],
)
def test_a_confirmed_case_of_an_illness_is_a_tally_of_one(
    body: str, found: list[tuple[str, float]]
) -> None:
    assert read(body) == found


def test_an_attacker_who_took_his_own_life_is_killed() -> None:
    body = "The gunman, a 57-year-old worker, took his own life as deputies closed in."
    assert read(body) == [("killed", 1.0)]


@pytest.mark.parametrize(
    ("body", "found"),
    [
        ("Police said at first that 26 people could not be accounted for.", [("missing", 26.0)]),
        ("All 40 passengers have been accounted for.", [("population", 40.0)]),
    ],
)
def test_people_not_accounted_for_are_missing(body: str, found: list[tuple[str, float]]) -> None:
    assert read(body) == found


def test_where_leaders_met_is_no_place_for_a_toll_when_the_article_names_another() -> None:
    body = (
        "Ruiz hosted the two leaders at talks in Sochi yesterday. Fighting broke out in Syunik "
        "province last week, killing six soldiers. The army said seven of its soldiers were "
        "killed."
    )
    assert [f.place for f in figures(body)] == ["Syunik", "Syunik"]


def test_a_name_that_has_residents_is_their_place_whatever_the_tagger_says() -> None:
    body = "Hurricane Iota hit Nicaragua on Monday. Providencia has about 6,000 residents."
    assert [(f.metric, f.place) for f in figures(body)] == [("population", "Providencia")]


@pytest.mark.parametrize(
    ("body", "place"),
    [
        (
            "Cyclone Yasa hit Fiji on Thursday. Vanua Levu, Fiji's second-largest island, is home "
            "to about 135,000 people.",
            "Vanua Levu",
        ),
        (
            "Yellow fever has killed 76 people in Tarnia. Delta accounted for 40 of the deaths.",
            "Delta",
        ),
    ],
)
def test_a_name_home_to_or_accounting_for_a_count_is_its_place(body: str, place: str) -> None:
    assert figures(body)[-1].place == place
