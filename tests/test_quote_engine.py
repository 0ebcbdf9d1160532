"""Quote engine behaviour on the patterns news uses."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipelines.quotes import extract_quotes
from pipelines.quotes.attribution import Cue, heads_own_clause
from pipelines.quotes.mentions import Mention, parse_run
from pipelines.quotes.tokens import tokenize


def speakers(text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in extract_quotes(text)]


def test_curly_quotes_and_inverted_attribution():
    text = "Acting Director Jane Roe spoke.\n“We will comply with the law,” said Jane Roe, the acting director.\n"
    assert speakers(text) == [("We will comply with the law,", "Jane Roe")]


def test_pronoun_resolves_to_previous_person():
    text = 'Mayor Ana Ruiz met reporters on Monday.\n"We are not changing course," she said.\n'
    [q] = extract_quotes(text)
    assert q.speaker == "Ana Ruiz"
    assert q.mention == "she"
    assert q.title == "Mayor"


def test_colon_attribution_before_quote():
    text = 'Council member Lee Park said: "The ordinance stays."\n'
    [q] = extract_quotes(text)
    assert (q.speaker, q.title) == ("Lee Park", "Council member")


def test_multi_paragraph_quote_is_one_statement():
    text = (
        '"The first part of what I said runs on," Sheriff Tom Vega said. "And it keeps going\n\n'
        '"until the next paragraph ends it."\n\nA new paragraph follows.\n'
    )
    quotes = extract_quotes(text)
    assert len(quotes) == 3
    assert {q.statement for q in quotes} == {0}
    assert all(q.speaker == "Tom Vega" for q in quotes)


def test_unnamed_source_has_no_name():
    text = '"We do not comment on operations," a spokesperson for the agency said.\n'
    [q] = extract_quotes(text)
    assert q.speaker is None
    assert q.mention == "a spokesperson for the agency"


def test_organization_speaker():
    text = '"The raids will continue," the Department of Homeland Security said in a statement.\n'
    [q] = extract_quotes(text)
    assert q.speaker == "Department of Homeland Security"
    assert q.speaker_kind == "organization"


def test_more_lines_are_page_chrome():
    assert extract_quotes('MORE: "Know your rights" events planned\n') == []


def test_party_and_state_abbreviation_does_not_end_the_sentence():
    text = '"We expect the override to pass," Senate Majority Leader Ann Lowe, R-Ky., said Tuesday.\n'
    [q] = extract_quotes(text)
    assert (q.speaker, q.title) == ("Ann Lowe", "Senate Majority Leader")


def test_definite_description_resolves_to_the_titled_person():
    text = (
        "Sen. Rosa Ortiz spoke in Burlington on Friday.\n"
        'The Vermont senator said the detention policy was "a moral failure of the first order."\n'
    )
    [q] = extract_quotes(text)
    assert q.speaker == "Rosa Ortiz"
    assert q.mention == "The Vermont senator"


def test_organisation_description_resolves_to_the_body_named():
    text = (
        "The Fairview Police Commission met on Monday.\n"
        '"Officers will not ask about immigration status," the commission said.\n'
    )
    [q] = extract_quotes(text)
    assert (q.speaker, q.speaker_kind, q.title) == ("Fairview Police Commission", "organization", None)


def test_pronoun_defers_to_the_name_its_sentence_gave():
    text = (
        "Maria Lopez met Ana Reyes on Monday.\n"
        'Reyes said she opposed the raids because "they split families apart," she said.\n'
    )
    [q] = extract_quotes(text)
    assert q.speaker == "Ana Reyes"
    assert q.mention == "Reyes"


def test_nested_speech_verb_keeps_the_main_speaker():
    text = 'Mayor Tom Reed said the new policy demands that every resident "keep listening to each other."\n'
    [q] = extract_quotes(text)
    assert q.speaker == "Tom Reed"


def test_descriptive_appositive_is_a_title():
    text = '"The program is broken," said Dana Kim, a real estate developer in Fresno.\n'
    [q] = extract_quotes(text)
    assert q.speaker == "Dana Kim"
    assert q.title == "real estate developer in Fresno"


@pytest.mark.parametrize(
    ("clause", "title"),
    [
        ("providing a boost to the first-time candidate for office", None),
        ("who is vying to be the next governor", None),
        ("having worked as an aide to a senator", None),
        ("addressed to fellow county officials", None),
        ("as she pursues the nomination for governor", None),
        ("as a candidate for governor", "as a candidate for governor"),
        ("a creative writing professor", "creative writing professor"),
        ("saying she would run for governor", None),
        ("a visiting fellow at the Brookings Institution", "visiting fellow at the Brookings Institution"),
        ("the managing editor of the Fresno Bee", "managing editor of the Fresno Bee"),
    ],
)
def test_an_appositive_that_opens_a_clause_is_not_a_title(clause, title):
    # (The person is fictional.)
    text = f'Dana Kim, {clause}, spoke on Friday.\n\n"The program is broken," Kim said.\n'
    [q] = extract_quotes(text)
    assert (q.speaker, q.title) == ("Dana Kim", title)


def test_a_description_with_a_speech_verb_is_a_clause_not_a_title():
    # (The person is fictional.)
    text = (
        'Dana Kim spoke on Friday.\n\n"We will stay," the mayor said, before clarifying that she, Kim, would run '
        'again.\n\n"I am sure," Kim said.\n'
    )
    assert {(q.speaker, q.title) for q in extract_quotes(text)} == {("Dana Kim", "mayor")}


@pytest.mark.parametrize(
    "sentence",
    [
        "Former secretary of state Maria Lopez said: “We learned that.”",
        "Former secretary of state Maria Lopez referred to the “new class.”",
        "“We learned that,” said former secretary of state Maria Lopez.",
    ],
)
def test_an_office_named_with_of_before_a_name_is_its_title(sentence):
    # (The person is fictional.)
    [q] = extract_quotes(sentence + "\n")
    assert (q.speaker, q.title.lower()) == ("Maria Lopez", "former secretary of state")


def test_the_one_who_asks_in_an_interview_speaks_the_question():
    # (The people are fictional.)
    text = (
        "Senator Maria Lopez was asked by host Dan Brook, who supports her, “Has the story moved?”\n\n"
        "Lopez responded, “It has.”\n"
    )
    assert [(q.speaker, q.rule) for q in extract_quotes(text)] == [
        ("Dan Brook", "asked_by"),
        ("Maria Lopez", "speech_verb_before"),
    ]


def test_a_surname_means_the_person_whose_name_ends_in_a_suffix():
    # (The people are fictional.)
    text = (
        "Robert Hale and Robert Hale Jr. spoke on Monday.\n\n"
        "Civil rights leader Martin Reed Jr. joined them.\n\n"
        "“No,” Hale said.\n\n“Yes,” Hale Jr. said.\n\n“We march,” Reed said.\n"
    )
    assert [q.speaker for q in extract_quotes(text)] == ["Robert Hale", "Robert Hale Jr.", "Martin Reed Jr."]


def test_a_nickname_and_the_formal_given_name_are_one_person_named_in_full():
    # (The person is fictional.)
    text = (
        "Attorney General Pamela Hale spoke on Monday.\n\n"
        "“We will enforce the law,” Pam Hale said.\n\n“No,” Hale added.\n"
    )
    assert {(q.speaker, q.title) for q in extract_quotes(text)} == {("Pamela Hale", "Attorney General")}
    later = "Pam Hale spoke on Monday.\n\n“We will enforce the law,” said Attorney General Pamela Hale.\n"
    assert [q.speaker for q in extract_quotes(later)] == ["Pamela Hale"]


def test_a_family_name_printed_first_means_the_person_named_in_full():
    # (The people are fictional.)
    text = (
        "Premier Wang Jianguo met Foreign Minister Park Min-jun on Monday.\n\n"
        "“We want peace,” Wang said.\n\n“So do we,” Park said.\n"
    )
    assert [(q.speaker, q.title) for q in extract_quotes(text)] == [
        ("Wang Jianguo", "Premier"),
        ("Park Min-jun", "Foreign Minister"),
    ]


@pytest.mark.parametrize(
    ("text", "speaker", "title"),
    [
        ("“We will fight this,” said Oversight ranking Democrat Ann Cole (D-Md.).", "Ann Cole", "ranking Democrat"),
        ("Soviet dissident Dan Brook referred to the “new class.”", "Dan Brook", "dissident"),
    ],
)
def test_ranking_and_dissident_describe_the_name_that_follows(text, speaker, title):
    # (The people are fictional.)
    [q] = extract_quotes(text + "\n")
    assert (q.speaker, q.title) == (speaker, title)


def test_lower_case_descriptor_before_name():
    text = '"Nobody asked us," said farmworker Sam Ortiz.\n'
    [q] = extract_quotes(text)
    assert (q.speaker, q.title) == ("Sam Ortiz", "farmworker")


def test_show_name_after_possessive_is_a_work_not_a_quote():
    text = 'Governor Lena Hart told NBC\'s "Meet the Press" that "the state will not cooperate with raids."\n'
    assert [q.text for q in extract_quotes(text)] == ["the state will not cooperate with raids."]


def test_capitalised_speech_word_inside_a_name_is_not_a_verb():
    text = (
        "Secretary Paul Grant spoke on Friday. He said the United States will seek new measures "
        '"to show that there are consequences."\n'
    )
    [q] = extract_quotes(text)
    assert q.speaker == "Paul Grant"


def test_plural_title_gives_the_singular():
    text = 'Sens. Jon Tester (D-Mont.) and Ann Vitt (R-La.) pressed the bank.\n"This is fraud," Tester said.\n'
    [q] = extract_quotes(text)
    assert (q.speaker, q.title) == ("Jon Tester", "Sen.")


def test_surname_that_is_a_title_word():
    text = (
        "Howard Dean, a former party chairman, spoke on Monday.\n"
        'Dean, a medical doctor, poked at the nominee, tweeting, "Notice him sniffing all the time."\n'
    )
    [q] = extract_quotes(text)
    assert (q.speaker, q.title) == ("Howard Dean", "former party chairman")


def test_office_with_of_stays_in_the_title():
    text = (
        "The ruling dealt a blow to Republican Secretary of State Jon Husted on Friday.\n"
        'In a statement, Husted said the decision "will force us to put voters back on the rolls."\n'
    )
    [q] = extract_quotes(text)
    assert (q.speaker, q.title) == ("Jon Husted", "Republican Secretary of State")


def test_body_named_after_an_office_is_an_organisation():
    text = '"We will review the ruling carefully," the Department of Justice said.\n'
    [q] = extract_quotes(text)
    assert (q.speaker, q.speaker_kind) == ("Department of Justice", "organization")


def test_gendered_title_word_tells_whom_she_means():
    text = (
        '"They are wrong," said 9/11 widow Terry Strada.\n\n'
        "Senator Dale Cobb vetoed the bill on Friday.\n\n"
        'She continued, "All we are asking for is a chance to be heard in court."\n'
    )
    quotes = extract_quotes(text)
    assert [(q.speaker, q.title) for q in quotes] == [("Terry Strada", "9/11 widow")] * 2


def test_description_matches_the_office_not_a_bare_party_label():
    text = (
        "Republican Dan Brook spoke in Ohio on Monday.\n\n"
        "Critics slammed Democratic vice presidential nominee Tom Kerr for his record.\n\n"
        "The campaign of Republican presidential nominee Dan Brook answered at once.\n\n"
        'The Republican nominee vowed to punish "those who violate classification rules."\n'
    )
    [q] = extract_quotes(text)
    assert (q.speaker, q.title) == ("Dan Brook", "Republican presidential nominee")


def test_that_after_a_speech_verb_opens_the_words_not_the_speaker():
    text = (
        "Sebastian Gorka spoke on Monday.\n\n"
        'Gorka similarly warned that officers he has spoken with "understand that we have no strategy."\n'
    )
    [q] = extract_quotes(text)
    assert (q.speaker, q.mention) == ("Sebastian Gorka", "Gorka")


def test_adverb_between_speaker_and_verb():
    text = (
        "Marc Lutz, the head of the tenants union, forcefully told a young man who asked about it that "
        '"walking away is not a strategy at all."\n'
    )
    [q] = extract_quotes(text)
    assert q.speaker == "Marc Lutz"


def test_speech_noun_after_a_possessive_phrase_is_not_a_verb():
    text = (
        "Governor Dan Brook spoke on Friday.\n\n"
        'He did not address his series of early-morning tweets in which he called the mayor "a disgrace."\n'
    )
    [q] = extract_quotes(text)
    assert (q.speaker, q.mention) == ("Dan Brook", "He")


def test_inverted_description_after_a_quote():
    text = '"He will go to work for you," said the 46-year-old. "He never gives up."\n'
    quotes = extract_quotes(text)
    assert [(q.speaker, q.mention) for q in quotes] == [(None, "the 46-year-old")] * 2


def test_description_passes_over_a_person_with_another_office():
    text = (
        "Dan Brook offered advice to Democratic nominee Ann Vale on Friday.\n\n"
        "Asked whether Brook still senses anger at Vale among his supporters, the Vermont senator "
        'acknowledged that there are "still some people who feel that way."\n\n'
        '"We have to come together," Brook said.\n'
    )
    assert [(q.speaker, q.title) for q in extract_quotes(text)] == [("Dan Brook", "senator")] * 2


def test_description_acted_on_by_the_name_before_it_is_someone_else():
    # "Vale called the senator ...": the senator is not Vale, so Vale gets no title from it.
    text = (
        "Dan Brook won the Iowa caucuses. Ann Vale spoke in Denver on Monday.\n\n"
        'Vale called the senator "a dreamer with no plan."\n\n'
        '"We have to come together," Brook said.\n'
    )
    assert [(q.speaker, q.title) for q in extract_quotes(text)] == [("Ann Vale", None), ("Dan Brook", "senator")]


def test_a_news_agency_is_an_organisation_not_a_title():
    text = (
        "Ann Vale spoke in Denver on Monday.\n\n"
        '"We will win this state," Vale told The Associated Press.\n\n'
        'The Associated Press reported that the count was "too close to call."\n'
    )
    assert [(q.speaker, q.title) for q in extract_quotes(text)] == [("Ann Vale", None), ("Associated Press", None)]


@pytest.mark.parametrize("mark", ["’", "'"])
def test_plural_possessive_names_the_owner(mark):
    text = (
        "Mayor Karen Bass spoke on Monday.\n\n"
        f'Bass{mark} campaign called the report a "rush to judgment."\n\n'
        f'Bass{mark} remark that the city would "never comply" drew fire.\n'
    )
    assert [(q.speaker, q.mention) for q in extract_quotes(text)] == [
        ("Karen Bass campaign", f"Bass{mark} campaign"),  # (the leader by the fullest name the article gives)
        ("Karen Bass", "Bass"),
    ]


def test_apostrophe_closing_a_single_quoted_phrase_is_not_a_possessive():
    text = "Mayor Karen Bass spoke on Monday.\n\n“He said ‘we love the Democrats’ and left,” Bass said.\n"
    [q] = extract_quotes(text)
    assert (q.text, q.speaker) == ("He said ‘we love the Democrats’ and left,", "Karen Bass")


@pytest.mark.parametrize("state", ["N.H.", "Calif.", "New Hampshire", "Iowa"])
def test_state_after_a_city_in_an_opening_phrase_is_not_the_subject(state):
    text = f'Ann Smith toured.\n\nAt a rally in Concord, {state}, Smith waved a sign that read "No more raids."\n'
    [q] = extract_quotes(text)
    assert (q.speaker, q.mention) == ("Ann Smith", "Smith")


@pytest.mark.parametrize("phrase", ["in his announcement speech", "at a Boston rally", "during the debate"])
def test_phrase_of_occasion_between_name_and_verb(phrase):
    text = f'Tom Vale spoke.\n\nIt began when Vale {phrase} called the migrants "criminals" and worse.\n'
    [q] = extract_quotes(text)
    assert (q.speaker, q.mention) == ("Tom Vale", "Vale")


@pytest.mark.parametrize(
    ("source", "speaker", "mention"),
    [
        # (the newspaper and the outlet are the publication named before)
        ("the newspaper", "Daily Ledger", "the newspaper"),
        ("the news outlet", "Daily Ledger", "the news outlet"),
        ("a source at the station", None, "a source"),
    ],
)
def test_according_to_a_description_is_the_mention(source, speaker, mention):
    text = f'The Daily Ledger ran the story.\n\nAccording to {source}, "The city will not cooperate with raids."\n'
    [q] = extract_quotes(text)
    assert (q.speaker, q.mention) == (speaker, mention)


def test_according_to_after_a_question_that_ends_its_sentence_is_about_the_next_sentence():
    text = (
        "Mayor Ann Vale answered by email.\n\n"
        'Vale asked: "Is the Brody store open on Sunday?" The Brody store is a gift shop, according to '
        "its website.\n"
    )
    [q] = extract_quotes(text)
    assert (q.speaker, q.mention) == ("Ann Vale", "Vale")


@pytest.mark.parametrize(
    ("clause", "mention"),
    [
        ("Vale was talking about the budget when she told reporters,", "she"),
        ("Vale returned to the budget at a rally, where she said:", "she"),
        ("Vale took a swipe at Tom Brook, who she said was", "she"),
        ("Vale denounced what she called", "Vale"),
    ],
)
def test_pronoun_heading_its_own_clause_is_the_mention_of_the_sentence_subject(clause, mention):
    text = f'Mayor Ann Vale spoke on Monday.\n\n{clause} "a danger to the city."\n'
    [q] = extract_quotes(text)
    assert (q.speaker, q.mention) == ("Ann Vale", mention)


def test_participle_after_an_auxiliary_is_no_speech_verb():
    text = (
        "Mayor Ann Vale debated Tom Brook.\n\n"
        'She is pointing to the "kind of problems" Brook had answering questions about the budget.\n'
    )
    [q] = extract_quotes(text)
    assert (q.speaker, q.mention) == ("Ann Vale", "She")


@pytest.mark.parametrize("opening", ["Outside the Vale campaign,", "Following Vale's speech,", "Regarding Vale,"])
def test_preposition_opening_a_sentence_is_not_part_of_a_name(opening):
    text = f'Mayor Ann Vale spoke.\n\n{opening} there is worry that the "firewall" will not hold.\n'
    assert [(q.speaker, q.mention) for q in extract_quotes(text)] == [(None, None)]


@pytest.mark.parametrize("noun", ["Billionaire", "Businessman", "Tycoon"])
def test_person_noun_before_a_name_is_no_part_of_it(noun):
    text = f'{noun} Tom Vale said, "The wall will be built."\n'
    [q] = extract_quotes(text)
    assert q.speaker == "Tom Vale"


def test_pronoun_opening_a_joined_clause_after_an_earlier_quote_is_the_mention():
    text = (
        "Police Chief Kerr Vale spoke on Friday.\n\n"
        'Vale said that the video did not give "definitive evidence," but he said that the footage '
        '"supports what we have heard" about the shooting.\n'
    )
    assert [(q.speaker, q.mention) for q in extract_quotes(text)] == [("Kerr Vale", "Vale"), ("Kerr Vale", "he")]


def test_participle_phrase_opening_with_an_adverb_before_the_subject():
    text = (
        "Mayor Ann Vale spoke.\n\n"
        'Flying home one night, she vented to her husband, Tom Vale, that the deal would be "incredibly ugly."\n'
    )
    [q] = extract_quotes(text)
    assert (q.speaker, q.mention) == ("Ann Vale", "she")


def test_dash_right_before_a_quote_keeps_the_sentence_subject():
    text = "Mayor Ann Vale spoke.\n\nShe has touted her record—“the safest city in the state”—and promised more.\n"
    [q] = extract_quotes(text)
    assert (q.speaker, q.mention) == ("Ann Vale", "She")


def test_adverb_between_and_and_the_subject_pronoun():
    text = "Mayor Ann Vale ran again.\n\nAnd online she has criticized her rivals as “way off key.”\n"
    [q] = extract_quotes(text)
    assert (q.speaker, q.mention) == ("Ann Vale", "she")


@pytest.mark.parametrize("document", ["a text message to supporters", "a letter to Attorney General Ann Vale"])
def test_document_addressed_to_someone_speaks_for_who_sent_it(document):
    text = f'Tom Brook ran.\n\nThen his campaign sent out {document} saying: "We will not back down."\n'
    [q] = extract_quotes(text)
    assert q.mention == "his campaign"


def test_cue_after_a_comma_that_introduces_its_own_clause_does_not_close_the_quote():
    text = (
        "Tom Vale ran for mayor.\n\n"
        'While Vale admitted that it would be "very hard" for him to win, his campaign has argued that he can.\n'
    )
    [q] = extract_quotes(text)
    assert (q.speaker, q.mention) == ("Tom Vale", "Vale")


def test_shouted_down_is_not_speech():
    text = (
        "Comedian Ann Vale was booed and shouted down by Tom Brook supporters after telling them that they "
        'were "being ridiculous."\n'
    )
    [q] = extract_quotes(text)
    assert (q.speaker, q.mention) == ("Ann Vale", "Ann Vale")


def test_people_introduced_by_with_do_the_chanting():
    text = (
        "Mayor Ann Vale led the march.\n\n"
        'Vale was not far from their thoughts, with many marchers and spectators chanting "We are Denver."\n'
    )
    [q] = extract_quotes(text)
    assert (q.speaker, q.mention) == (None, "many marchers and spectators")


@pytest.mark.parametrize("aside", ["for example", "for instance", "in fact"])
def test_two_word_aside_between_subject_and_verb(aside):
    text = f'Mayor Ann Vale spoke.\n\nThe Brook campaign, {aside}, said she would "support the nominee" in the fall.\n'
    [q] = extract_quotes(text)
    assert (q.speaker, q.mention) == ("Brook campaign", "The Brook campaign")


def test_speaker_of_a_while_clause_after_the_quote_is_someone_else():
    text = (
        "Mayor Ann Vale spoke.\n\n"
        'Vale said she would "support the nominee" but "not endorse anyone," while Tom Brook and Jo Lee '
        "suggested they would wait.\n"
    )
    assert [q.speaker for q in extract_quotes(text)] == ["Ann Vale", "Ann Vale"]


@pytest.mark.parametrize("body", ["Judicial Watch", "Faith Forum", "Urban League"])
def test_organisation_words_make_bodies_not_people(body):
    # (a body is never "the judge" the next sentence describes)
    text = f'{body} sued the city. The judge is considering the case.\n\n"When does it stop?" the judge said.\n'
    [q] = extract_quotes(text)
    assert (q.speaker, q.mention) == (None, "the judge")


def test_cue_leading_into_the_next_quote_after_a_question_is_the_next_quotes():
    text = (
        "Mayor Ann Vale emailed Tom Brook.\n\n"
        "Vale responds to Brook with, “Why now? Was that on my way to Denver?” Brook then writes back, “You look "
        "tired.”\n"
    )
    assert [q.speaker for q in extract_quotes(text)] == ["Ann Vale", "Tom Brook"]


@pytest.mark.parametrize(
    ("opening", "mention"), [("Human hibernation", "Human hibernation"), ("The U.S. media", "U.S. media")]
)
def test_capitalised_adjective_before_a_singular_noun_is_no_name(opening, mention):
    text = f'{opening} has been called "a key technology" for the decade.\n'
    [q] = extract_quotes(text)
    assert (q.speaker, q.mention) == (None, mention)


def test_name_joined_by_of_is_a_thing_not_a_person_a_pronoun_can_mean():
    text = (
        "Ann Vale has been a literary agent since 1978. Web of Angels was the first novel she ever sold.\n\n"
        '"I was pretty overwhelmed," she said.\n'
    )
    [q] = extract_quotes(text)
    assert q.speaker == "Ann Vale"


def test_full_stop_that_lost_its_space_still_ends_the_sentence():
    text = 'Mayor Ann Vale spoke.\n\n"We will not comply," Vale said.Vale claimed that the law was on her side.\n'
    [q] = extract_quotes(text)
    assert (q.speaker, q.mention) == ("Ann Vale", "Vale")


def test_inverted_speaker_described_with_of_before_the_name():
    text = '"Thanks for welcoming these families," said master of ceremonies Asab Tabchi, an engineer.\n'
    [q] = extract_quotes(text)
    assert (q.speaker, q.mention) == ("Asab Tabchi", "Asab Tabchi")


def test_agreeing_to_do_something_reports_no_words():
    text = (
        "Tom Vale spoke on Monday.\n\n"
        'He sent a memo explaining his plan, which holds payments until the city agreed to pay "$5 million."\n'
    )
    [q] = extract_quotes(text)
    assert (q.speaker, q.mention) == ("Tom Vale", "He")


def test_adverb_of_place_opening_a_sentence_is_no_name():
    text = 'Tom Vale spoke on Monday.\n\nSomewhere in there, he tossed in a "lying" Ann Cole.\n'
    [q] = extract_quotes(text)
    assert (q.speaker, q.mention) == ("Tom Vale", "he")


@pytest.mark.parametrize("adverb", ["Therefore", "Nevertheless", "Moreover"])
def test_sentence_adverb_is_no_name(adverb):
    text = f'The talks went on for weeks.\n\n{adverb}, it could shape the "provisional" role of the council.\n'
    [q] = extract_quotes(text)
    assert (q.speaker, q.mention) == (None, None)


@pytest.mark.parametrize("group", ["Gulf sources", "Vale aides"])
def test_capitalised_word_before_unnamed_people_is_no_name(group):
    text = f'Mayor Ann Vale spoke.\n\n{group} believe the council will stay in power "provisionally."\n'
    [q] = extract_quotes(text)
    assert (q.speaker, q.mention) == (None, group)


@pytest.mark.parametrize("noun", ["comment", "promise", "remark"])
def test_possessive_name_before_a_quote_and_a_speech_noun_after_it(noun):
    text = f"Tom Brook spoke. Ann Vale ran.\n\nAnn Vale’s “47 percent” {noun} was nearly as dismissive.\n"
    [q] = extract_quotes(text)
    assert (q.speaker, q.mention) == ("Ann Vale", "Ann Vale")


@pytest.mark.parametrize(
    "sentence",
    [
        "The piece used one of her quotes as its headline: “Finally. Someone who thinks like me.”",
        "The article closes with a clear hint about the woman’s “state of mind.”",
        "The ad targets a “corrupt political system.”",
    ],
)
def test_document_opening_a_sentence_speaks(sentence):
    text = f"Ann Vale read the coverage on Sunday.\n\n{sentence}\n"
    [q] = extract_quotes(text)
    assert q.mention == " ".join(sentence.split()[:2])


@pytest.mark.parametrize(
    ("sentence", "mention"),
    [
        ('A Daily Ledger article hailed Vale as "the comeback mayor."', "A Daily Ledger article"),
        ('One Vale campaign ad argues that "only Vale can win."', "One Vale campaign ad"),
    ],
)
def test_indefinite_document_opening_a_sentence_speaks(sentence, mention):
    text = f"Mayor Ann Vale ran again.\n\n{sentence}\n"
    [q] = extract_quotes(text)
    assert q.mention == mention


def test_according_to_opening_a_sentence_sources_a_quote_far_into_it():
    text = (
        "According to a civil complaint filed by the city, the developers engaged in a long and costly scheme "
        'in which they "systematically looted" the fund.\n'
    )
    [q] = extract_quotes(text)
    assert q.mention == "a civil complaint filed by the city"
    # (without a comma closing the phrase it sources a figure, not the quote)
    figure = 'According to the institute in 2019 there were 43,000 people counted as "unauthorized residents."\n'
    [q] = extract_quotes(figure)
    assert q.mention is None


def test_own_clause_check_takes_a_cue_indexed_in_a_longer_stretch_of_prose():
    # A cue found across a title ('She told ABC's “Good Morning America” ..., but she predicted') indexes the
    # prose on both sides of the title; the check must find the pronoun by where it starts, not by index.
    text = "and predicted, but she said that viewers"
    tokens = tokenize(text, 0, len(text))
    she = next(t for t in tokens if t.text == "she")
    cue = Cue(tokens[-3], Mention("pronoun", she.start, she.end, "she", gender="f"), len(tokens) + 3, len(tokens) + 4)
    assert heads_own_clause(tokens, cue)


@pytest.mark.parametrize(("title", "country"), [("envoy to", "Ukraine"), ("ambassador to", "Britain")])
def test_country_ending_a_title_is_not_part_of_the_name(title, country):
    text = f'The former {title} {country} Kurt Vale said, "It was inappropriate."\n'
    [q] = extract_quotes(text)
    assert q.speaker == "Kurt Vale"


def test_titles_listed_after_including_are_works():
    text = (
        "The band spoke to the Ledger.\n\n"
        "According to the Ledger, expect the band's hits on the tour, including “Listen To The Music,” “Black "
        "Water,” and “China Grove.”\n"
    )
    assert extract_quotes(text) == []


def test_place_after_to_before_the_verb_is_not_the_speaker():
    text = (
        "China’s ambassador to Britain accused the UK of meddling, warning that Beijing “will not sit on its hands.”\n"
    )
    [q] = extract_quotes(text)
    assert (q.speaker, q.mention) == (None, "China’s ambassador")


@pytest.mark.parametrize("label", ["R-Ky.", "D-Newport News"])
def test_party_label_after_a_name_is_not_a_person(label):
    assert parse_run(tokenize(label, 0, len(label)), label) is None


def test_transcript_turns_are_said_by_the_labelled_speaker():
    text = (
        "Senator Maria Lopez spoke with Chris Dunn on Sunday. Partial transcript as follows:\n\n"
        '"DUNN: Senator, will you support the bill?\n\n'
        '"LOPEZ: Well, look, I think the bill is a good start. But it is not enough.\n\n'
        '"It does nothing for the families who were split apart by the raids.\n\n'
        '"(CROSSTALK.)\n\n'
        '"DUNN: Thank you, Senator."\n'
    )
    assert [q.speaker for q in extract_quotes(text)] == ["Chris Dunn", "Maria Lopez", "Maria Lopez", "Chris Dunn"]


def test_quote_inside_an_unquoted_transcript_turn():
    text = 'Mayor Ann Cole took questions on Monday.\n\nCOLE: The council called it "a reckless plan," and I agree.\n'
    [q] = extract_quotes(text)
    assert (q.speaker, q.title) == ("Ann Cole", "Mayor")


def test_the_president_is_the_office_holder_the_article_names_most():
    text = (
        "President Barack Obama held a town hall on Monday. Obama took questions for an hour.\n\n"
        "Obama spoke about jobs. Tina Houchins had a question for the president.\n\n"
        '"The truth is that this issue has been manufactured," the president said.\n'
    )
    [q] = extract_quotes(text)
    assert q.speaker == "Barack Obama"


def test_surname_with_a_particle_at_the_start_of_a_sentence():
    text = (
        "De Blasio spoke in Chelsea on Sunday. Mayor Bill de Blasio said the blast was intentional.\n\n"
        '"We do not see a link to terrorism," De Blasio said.\n'
    )
    [q] = extract_quotes(text)
    assert q.speaker == "Bill de Blasio"


def test_description_joining_two_titles_with_a_place_and_a_gender():
    text = (
        "Hillary Clinton and Sen. John McCain spoke at the forum on Monday.\n\n"
        'The former first lady and U.S. senator said it was "a mistake" to use private email.\n'
    )
    [q] = extract_quotes(text)
    assert (q.speaker, q.mention) == ("Hillary Clinton", "The former first lady and U.S. senator")


def test_initials_are_the_body_named_in_full_and_referenced_reports_speech():
    text = (
        "The International Monetary Fund cut its forecast on Tuesday.\n\n"
        'Although the IMF did not single out the plan, it referenced "political tensions" in rich economies.\n'
    )
    [q] = extract_quotes(text)
    assert (q.speaker, q.speaker_kind, q.mention) == ("International Monetary Fund", "organization", "it")


def test_cue_ending_the_next_sentence_is_not_the_quotes():
    text = (
        'Mayor Ann Cole spoke on Twitter, saying that officials should release the videos "without delay." '
        "Cole plans to visit Charlotte on Sunday, according to a campaign aide.\n\n"
        'Sam Ortiz said his boss was "always kind." But, said Ortiz, "I do not want conflict."\n'
    )
    # ("always kind." is reported by the sentence's subject; "said Ortiz," leads into the next quote)
    assert [(q.speaker, q.mention) for q in extract_quotes(text)] == [
        ("Ann Cole", "Ann Cole"),
        ("Sam Ortiz", "Sam Ortiz"),
        ("Sam Ortiz", "Ortiz"),
    ]


def test_relative_pronoun_right_after_a_name_speaks_for_it():
    text = (
        "Reporters turned to the Chicago Police Department which reported "
        '"2,521 shooting incidents" this year, and to Rikkie Wells who tweeted, "They never follow the rules."\n'
    )
    assert [(q.speaker, q.mention) for q in extract_quotes(text)] == [
        ("Chicago Police Department", "which"),
        ("Rikkie Wells", "who"),
    ]


def test_each_relative_clause_speaks_for_its_own_name():
    text = 'Contrast that with Trump, who has called the pact "insanity," and Sanders, who says it\'s "disastrous."\n'
    assert [(q.speaker, q.mention) for q in extract_quotes(text)] == [("Trump", "who"), ("Sanders", "who")]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Ivana Trump and Donald Trump divorced in 1992. However, Ivana Trump's brief said that was not her "
            'view and dismissed the reports as "misinterpreted statements."\n',
            "Ivana Trump",
        ),
        (
            'The International Monetary Fund met on Tuesday. The IMF\'s report said growth was "weak and fragile."\n',
            "International Monetary Fund",
        ),
    ],
)
def test_document_speaks_for_its_possessive_owner(text, speaker):
    [q] = extract_quotes(text)
    assert q.speaker == speaker


def test_the_article_is_its_paper_and_so_is_the_it_that_follows():
    text = (
        "The New York Times covered the city on Saturday. Twenty years ago, a Times article hailed the mayor.\n\n"
        '"Business leaders honored Mayor Ann Cole yesterday," the article read.\n\n'
        '"Ms. Cole has erased much of the debt," it added.\n\n'
        'A Clinton campaign memo was released, stating that the loss was "long anticipated."\n'
    )
    assert [q.speaker for q in extract_quotes(text)] == ["New York Times", "New York Times", None]


@pytest.mark.parametrize(
    ("between", "speaker"),
    [
        # someone brought in unnamed is whom the description goes back to
        ("A doctor on the scene told Ruptly that he tried to save a wounded protester.", None),
        # unless a person is named in full after them, or the phrase says what someone named is
        ("A doctor at the clinic called for help. Ann Cole treated the wounded.", "Ann Cole"),
        ("Ann Cole, a doctor at the clinic, treated the wounded.", "Ann Cole"),
    ],
)
def test_a_description_goes_back_to_someone_brought_in_unnamed(between, speaker):
    text = f"Luis Arce spoke on Monday.\n\n{between}\n\n“It was a shot in the heart,” the doctor said.\n"
    [q] = extract_quotes(text)
    assert (q.speaker, q.mention) == (speaker, "the doctor")


def test_a_description_after_a_named_speakers_verb_is_whom_they_speak_of():
    text = (
        "DHS Secretary Kristi Noem wrote that the city was “a sanctuary for criminals.”\n\n"
        "Noem's spokeswoman, Tricia Lane, said the secretary “stands by her comments.”\n"
    )
    assert [(q.speaker, q.title) for q in extract_quotes(text)][1] == ("Tricia Lane", "Noem's spokeswoman")


def test_the_agency_is_the_latest_government_body_not_the_latest_body():
    text = (
        "Immigration and Customs Enforcement detained a Fairview University student on Saturday.\n\n"
        "The agency said the arrest was made “in support of the executive orders.”\n"
    )
    [q] = extract_quotes(text)
    assert q.speaker == "Immigration and Customs Enforcement"


def test_the_union_is_the_latest_body_not_a_law():
    text = (
        "The Association of Flight Attendants endorsed the mayor, citing her work on the Family and Medical "
        'Leave Act.\n\n"Our members trust her," the union wrote.\n'
    )
    [q] = extract_quotes(text)
    assert q.speaker == "Association of Flight Attendants"


def test_a_statement_speaks_for_whoever_issued_it():
    text = (
        "Following a swiftly called, late meeting, the Security Council issued a statement calling the test "
        '"a clear violation" of its resolutions. The statement noted it would take "further measures" soon.\n\n'
        '"The members will begin work on appropriate measures," they said.\n\n'
        'Sanders is scheduled to appear on "The View" and "The Late Show With Stephen Colbert," among others.\n'
    )
    assert [q.speaker for q in extract_quotes(text)] == ["Security Council"] * 3


@pytest.mark.parametrize(
    ("opening", "said", "speaker"),
    [
        # an issuing verb after an auxiliary or a day, and words describing the document
        ("The Federal Reserve on Tuesday released its monetary policy report.", "the report said", "Federal Reserve"),
        ("The Harbor Workers Union is releasing a new 30-second ad.", "The ad says", "Harbor Workers Union"),
        # a participle and "by" after the document
        ("A statement signed by Mayor Ann Cole went out late.", "the statement said", "Ann Cole"),
        # the verb that is the document: suing files a complaint, emailing sends an email
        ("The Harbor Workers Union sued the county on Monday.", "The complaint says", "Harbor Workers Union"),
        ("Mayor Ann Cole emailed supporters on Monday.", "The email says", "Ann Cole"),
        # the one who speaks in a document that opens the sentence
        ("In a 45-page ruling, Judge Ann Cole said the cities would win.", "The ruling says", "Ann Cole"),
        # a body led by the one named after "by" is the body's, not the leader's
        ("Mayor Ann Cole spoke. A statement issued by the Cole campaign went out late.", "the statement said", None),
    ],
)
def test_a_document_speaks_for_whoever_put_it_out(opening, said, speaker):
    text = f"{opening}\n\n“The county is not ready,” {said}.\n"
    [q] = extract_quotes(text)
    assert q.speaker == speaker


@pytest.mark.parametrize(
    ("opening", "said"),
    [
        ("The Fairview Gazette weighed in on Tuesday.", "the editorial board writes"),
        ("Enter The Fairview Gazette.", "the paper's editorial board wrote"),
        ("The Fairview Gazette reported the story first.", "the newspaper said"),
        ("The Fairview Gazette endorsed the mayor.", "the editors wrote"),
    ],
)
def test_the_newspaper_and_its_editorial_board_are_the_publication_named_before(opening, said):
    text = f"Mayor Ann Cole spoke on Monday. {opening}\n\n“The county is not ready,” {said}.\n"
    [q] = extract_quotes(text)
    assert (q.speaker, q.speaker_kind) == ("Fairview Gazette", "organization")


@pytest.mark.parametrize(
    ("sentence", "mention"),
    [
        ("The report, released Monday by the inspector general, says the arrests were “retaliatory.”", "The report"),
        ("The memo, written by two aides, says the plan is “not ready.”", "The memo"),
        # (a participle after a whole clause is no aside between a subject and its verb)
        (
            "That would create a “summer of agony” for Cole leading up to the convention, forcing her to fend off "
            "both rivals, said Brad Bannon, a Democratic pollster.",
            "Brad Bannon",
        ),
    ],
)
def test_participle_phrase_set_off_after_a_subject_is_skipped(sentence, mention):
    [q] = extract_quotes(f"Mayor Ann Cole spoke on Monday.\n\n{sentence}\n")
    assert q.mention == mention


def test_a_passive_naming_verb_names_what_the_subject_is_called_not_a_speaker():
    text = (
        "The group released a video on Monday.\n\n"
        "The video, released in late November, is called No Respite after a verse where it states “do not give "
        "me respite.”\n"
    )
    [q] = extract_quotes(text)
    assert q.mention == "it"


def test_a_website_speaks_for_the_body_it_names():
    text = (
        "The Heritage Foundation hosted the meeting.\n\n"
        "As the Heritage Foundation website notes, the statement was “a succinct summary.”\n"
    )
    [q] = extract_quotes(text)
    assert q.speaker == "Heritage Foundation"


def test_garbled_and_decomposed_accents_stay_in_the_name():
    garbled = "FranA\u0303\u0083A\u0302\u00a7ois"  # "François" encoded twice, then decomposed
    text = (
        f'"Europe must be able to defend itself," French President {garbled} Hollande said Friday.\n\n'
        '"We will not leave," said Jose\u0301 Ortega.\n'
    )
    first, second = extract_quotes(text)
    assert (first.speaker, first.mention) == ("François Hollande", f"{garbled} Hollande")
    assert text[first.speaker_start : first.speaker_end] == first.mention
    assert second.speaker == "Jos\u00e9 Ortega"  # composed, as names are compared


def test_the_clip_is_the_video_named_before_but_a_narrator_in_an_ad_is_nobody():
    text = (
        "A web video by the Republican National Committee attacks the senator's record on crime.\n\n"
        'The clip says Kaine "has a passion for defending the wrong people."\n\n'
        "Hillary Clinton has a new ad.\n\n"
        '"Why didn\'t he pay his taxes?" a narrator in the Clinton ad asks.\n'
    )
    assert [q.speaker for q in extract_quotes(text)] == ["Republican National Committee", None]


def test_pronoun_cue_reports_the_pronoun_opening_its_sentence():
    text = (
        "Donald Trump spoke in Michigan on Friday.\n\n"
        'He did not address the tweets in which he called a former Miss Universe "disgusting."\n\n'
        "Donald Trump's campaign is defending the tweets. It's denouncing what it calls \"a media attack.\"\n"
    )
    first, second = extract_quotes(text)
    assert (first.speaker, first.mention, first.speaker_start) == ("Donald Trump", "He", text.index("He did"))
    assert (second.speaker, second.mention, second.speaker_start) == (
        "Donald Trump campaign",
        "It",
        text.index("It's"),
    )


def test_cue_closing_a_quotes_clause_before_a_participle():
    text = (
        'Sen. Ann Cole spoke. "This just isn\'t right," Cole said. "You squeezed employees" to drive up '
        "the stock price, she said, referencing the bank's sales drive.\n"
    )
    assert [q.mention for q in extract_quotes(text)] == ["Cole", "she"]


def test_a_fact_checker_rating_a_claim_says_the_rating():
    text = (
        'PolitiFact rated 32% of Republican claims as "false." Conversely, PolitiFact rated 22% of Democratic '
        'claims as "entirely true" this year.\n'
    )
    second = extract_quotes(text)[1]
    assert (second.speaker, second.speaker_start) == ("PolitiFact", text.index("PolitiFact rated 22%"))


def test_quoted_nickname_is_the_name_people_go_by_when_the_article_uses_it():
    text = (
        'Rep. Robert C. "Bobby" Scott threw open his back yard on Monday.\n\n'
        '"This is a big year," Scott\'s niece, state Del. Marcia "Cia" Price (D-Newport News), shouted. '
        '"We have his back."\n\n'
        '"We will win in November," Scott said.\n\n'
        'Donald Trump said at a rally that Clinton "Crooked" Hillary would lose.\n\n'
        "Supporters chanted Bobby Scott's name.\n"
    )
    quotes = extract_quotes(text)
    # Bobby Scott is what the article calls him elsewhere; it never calls his niece "Cia Price".
    assert [(q.speaker, q.title) for q in quotes] == [
        ("Marcia Price", "state Del."),
        ("Marcia Price", "state Del."),
        ("Bobby Scott", "Rep."),
        ("Donald Trump", None),
    ]
    assert quotes[0].mention == 'Marcia "Cia" Price'


def test_a_description_naming_the_speaker_gives_later_quotes_her_title():
    text = (
        "Hillary Clinton spoke out on Tuesday about the death of Terence Crutcher in Tulsa.\n\n"
        "On the radio, the former secretary of state and current Democratic presidential nominee said she "
        'wanted to speak "directly to white people."\n\n'
        '"This is not who we are," Clinton said.\n'
    )
    first, second = extract_quotes(text)
    assert (first.speaker, second.speaker) == ("Hillary Clinton", "Hillary Clinton")
    assert second.title is not None and "Democratic presidential nominee" in second.title


def test_possessive_description_titles_the_person_it_follows():
    text = (
        "Donald Trump took a loss of $916 million in 1995. The Republican presidential nominee's tax plan "
        "would help developers.\n\n"
        '"I know the tax code better than anyone," Trump said.\n'
    )
    [q] = extract_quotes(text)
    assert (q.speaker, q.title) == ("Donald Trump", "Republican presidential nominee")


def test_title_names_a_body_without_its_characterisation():
    text = (
        '"The plan loses revenue," said Len Burman, head of the centrist Tax Policy Center. '
        '"It is a gift," said Ana Ruiz, president of the Miami-based Florida Black Caucus. '
        '"We never agreed," said Ivan Petrov, an envoy of the former Soviet Union.\n'
    )
    assert [q.title for q in extract_quotes(text)] == [
        "head of the Tax Policy Center",
        "president of the Florida Black Caucus",
        "envoy of the former Soviet Union",
    ]


def test_a_possessed_letter_speaks_for_its_writer_even_misspelt():
    text = (
        "The records were a letter from his doctor, the gastroenterologist Harold Bornstein.\n\n"
        "Bornsten's earlier missive was ridiculed for its prediction that he would be "
        '"the healthiest individual ever elected."\n\n'
        "Rachel Hoff proposes similar language.\n\n"
        'Hoff\'s letter makes a blunt case: "We must stand together."\n\n'
        'Mayor Ann Cole spoke. Cole called his remarks priceless "propaganda" for the extremists.\n'
    )
    assert [q.speaker for q in extract_quotes(text)] == ["Harold Bornstein", "Rachel Hoff", "Ann Cole"]


def test_a_question_opening_with_a_verb_names_no_one():
    text = (
        "Is Sanders finally connecting with minority voters?\n\n"
        'Bernie Sanders spoke in Chico. "We are making progress," Sanders said.\n'
    )
    [q] = extract_quotes(text)
    assert q.speaker == "Bernie Sanders"


def test_journalist_and_alderman_are_titles():
    text = (
        '"The city hid the video," said Chicago Alderman Jason C. Ervin. '
        '"He is not welcome," Journalist Jorge Ramos said.\n'
    )
    assert [(q.speaker, q.title) for q in extract_quotes(text)] == [
        ("Jason C. Ervin", "Alderman"),
        ("Jorge Ramos", "Journalist"),
    ]


def test_no_name_after_a_possessive_place():
    text = (
        "Hillary Clinton campaigned in Delaware on Monday.\n\n"
        "Most of Delaware's top Democratic brass had endorsed the former secretary of state's bid.\n\n"
        '"We are grateful," she said.\n'
    )
    [q] = extract_quotes(text)
    assert q.speaker == "Hillary Clinton"


@pytest.mark.parametrize(
    ("text", "speaker", "kind"),
    [
        ('"It is rigged," said Rep. G.K. Butterfield (D-N.C.).\n', "G.K. Butterfield", "person"),
        ('"We are ready," said Mayor Don Guardian. "We always were," Guardian added.\n', "Don Guardian", "person"),
        ('"It is a bad law," said Joseph R. Murray II, a lawyer in Ripley.\n', "Joseph R. Murray II", "person"),
        ('"Shameful," said Senate Minority Whip Dick Durbin.\n', "Dick Durbin", "person"),
        ('"Growth is weak," the Guardian reported.\n', "Guardian", "organization"),
        ('"We will not back down," JD Vance said.\n', "JD Vance", "person"),
        ('Illinois Gov. JB Pritzker called the raids "cruel and chaotic."\n', "JB Pritzker", "person"),
        ('"We disagree," the UN Secretariat said.\n', "UN Secretariat", "organization"),
        ('Catholic Charities said it was "overwhelmed."\n', "Catholic Charities", "organization"),
    ],
)
def test_people_whose_names_look_like_bodies(text, speaker, kind):
    quotes = extract_quotes(text)
    assert {(q.speaker, q.speaker_kind) for q in quotes} == {(speaker, kind)}


@pytest.mark.parametrize(
    ("text", "speaker", "title"),
    [
        ('"It was improper," Lt. Col. Alexander Vindman said.\n', "Alexander Vindman", "Lt. Col."),
        ('"They are afraid," said Cmdr. Sean Robertson.\n', "Sean Robertson", "Cmdr."),
        ('"It was a massacre," Public Ombudsman Nadia Cruz said.\n', "Nadia Cruz", "Public Ombudsman"),
        (
            '"They came in fast," said Li Jifeng, a doctor at Chaoyang Hospital where the patients were treated.\n',
            "Li Jifeng",
            "doctor at Chaoyang Hospital",
        ),
        (
            '"It will go on," Chief Border Patrol Agent Gregory Bovino said.\n',
            "Gregory Bovino",
            "Chief Border Patrol Agent",
        ),
        ('Ald. Byron Sigcho-Lopez said residents were "terrified."\n', "Byron Sigcho-Lopez", "Ald."),
        ('"We are on tour," Singer-guitarists Tom Johnston said.\n', "Tom Johnston", None),
        ('"It is over," Texas-based Matt Mackowiak said.\n', "Matt Mackowiak", None),
        ('"We will march," said Cornell William Brooks.\n', "Cornell William Brooks", None),
    ],
)
def test_descriptors_and_ranks_before_a_name(text, speaker, title):
    [q] = extract_quotes(text)
    assert (q.speaker, q.title) == (speaker, title)


def test_studios_and_brokerages_are_bodies():
    text = '"The film opens in May," Marvel Studios said. "Growth will slow," Kotak Institutional Equities wrote.\n'
    assert [(q.speaker, q.speaker_kind) for q in extract_quotes(text)] == [
        ("Marvel Studios", "organization"),
        ("Kotak Institutional Equities", "organization"),
    ]


def test_groups_of_people_are_unnamed_sources():
    text = (
        "The rally drew Teachers and parents from across Indiana.\n\n"
        'Teachers chanted, "Fund our schools," as hundreds of them lined the hallways.\n'
    )
    [q] = extract_quotes(text)
    assert (q.speaker, q.mention) == (None, "Teachers")


def test_a_country_speaks_as_a_body_unless_it_is_someones_surname():
    text = (
        'Japan said the test was "a grave threat." Japan has protested before.\n\n'
        'Rep. Steve Israel spoke next. "We need answers," Israel said.\n'
    )
    assert [(q.speaker, q.speaker_kind) for q in extract_quotes(text)] == [
        ("Japan", "organization"),
        ("Steve Israel", "person"),
    ]


def test_a_surname_after_an_honorific_is_a_name_the_index_keeps():
    text = (
        'Another critic, Laurence H. Tribe, likened the rules to "burning the Constitution" - a charge that '
        "stung, since Mr. Tribe, a constitutional scholar, was a mentor to the president.\n"
    )
    [q] = extract_quotes(text)
    assert (q.speaker, q.title) == ("Laurence H. Tribe", "constitutional scholar")


def test_a_description_opening_the_sentence_titles_the_name_after_it():
    text = (
        "An attorney for Pagliano, Mark MacDougall, stressed that his client was ready to appear.\n\n"
        '"Bryan already asserted his right," MacDougall said.\n'
    )
    [q] = extract_quotes(text)
    assert (q.speaker, q.title) == ("Mark MacDougall", "attorney for Pagliano")


def test_a_plural_title_covers_both_names():
    text = (
        "The hearing led Sens. Jon Tester (D-Mont.) and David Vitter (R-La.) to call for breaking up the bank.\n\n"
        '"Why is this not proof?" Vitter demanded.\n'
    )
    [q] = extract_quotes(text)
    assert (q.speaker, q.title) == ("David Vitter", "Sen.")


def test_opening_adverbs_and_time_phrases_before_the_verb():
    text = (
        'The State Department less than two weeks ago said that "top secret" intelligence passed through it.\n\n'
        '"The risk rises," said Ben Zipperer, a labor economist. Particularly in poorer parts of the state, he '
        'said, "we don\'t know what the answer will be."\n'
    )
    assert [(q.speaker, q.mention) for q in extract_quotes(text)] == [
        ("State Department", "State Department"),
        ("Ben Zipperer", "Ben Zipperer"),
        ("Ben Zipperer", "he"),
    ]


def test_ranks_parties_and_speechwriters_are_not_names():
    text = (
        'Former Obama speechwriter Jon Favreau published a column, entitled, "Why Electing Hillary Matters."\n\n'
        '"We can win this," Democrat Zephyr Teachout said.\n'
    )
    assert [(q.speaker, q.title) for q in extract_quotes(text)] == [
        ("Jon Favreau", "Former Obama speechwriter"),
        ("Zephyr Teachout", "Democrat"),
    ]


def test_a_description_passes_over_places_for_the_person():
    text = (
        "Donald Trump's gains in the Middle West may not last if the Republican nominee's stance on Russia is "
        "hammered home.\n\n"
        '"I would get along with Putin," Trump said.\n'
    )
    [q] = extract_quotes(text)
    assert (q.speaker, q.title) == ("Donald Trump", "Republican nominee")


def test_specialists_hold_titles():
    text = '"He is in excellent health," Gastroenterologist Harold Bornstein said.\n'
    [q] = extract_quotes(text)
    assert (q.speaker, q.title) == ("Harold Bornstein", "Gastroenterologist")


def test_an_opponent_is_a_title():
    text = 'Donald Trump, her Republican opponent, said that drugs were "a very big factor" in the unrest.\n'
    [q] = extract_quotes(text)
    assert (q.speaker, q.title) == ("Donald Trump", "Republican opponent")


def test_a_title_introduced_by_now_is_the_current_one():
    text = (
        "Erin Murphy, a former Clinton aide, went to Burma in 2011.\n\n"
        '"I call it the trip that launched 1,000 trips," said Murphy, now a consultant on Burma.\n'
    )
    [q] = extract_quotes(text)
    assert (q.speaker, q.title) == ("Erin Murphy", "consultant on Burma")


def test_two_word_surname_is_the_end_of_the_full_name():
    text = (
        "Maria Luz Ortega Vidal visited the city hall on Monday.\n\n"
        'Ortega Vidal met the council. "We will not cooperate with these raids," Ortega Vidal said.\n'
    )
    [q] = extract_quotes(text)
    assert q.speaker == "Maria Luz Ortega Vidal"


def test_label_naming_nobody_in_the_article_is_not_a_transcript_speaker():
    text = 'Mayor Ann Cole spoke on Monday.\n\nUPDATE: Cole said "the plan is reckless and wrong."\n'
    [q] = extract_quotes(text)
    assert q.speaker == "Ann Cole"


def test_pronoun_subject_before_comma_saying():
    text = (
        "Howard Dean, a former party chairman, spoke on Monday.\n\n"
        "Dean, a medical doctor, then appeared on television.\n\n"
        'He then defended the remark, saying, "I do not think this is a ridiculous idea at all."\n'
    )
    [q] = extract_quotes(text)
    assert (q.speaker, q.mention) == ("Howard Dean", "He")


def test_as_someone_put_it():
    text = 'Critics call it a "reckless and dangerous plan for the city," as Mayor Ann Cole put it on Monday.\n'
    [q] = extract_quotes(text)
    assert (q.speaker, q.title) == ("Ann Cole", "Mayor")


def test_name_followed_by_a_title_modifier_is_still_indexed():
    text = 'Secrecy is nothing new when it comes to Ann Vance\'s health issues.\n\n"It was a clot," she said.\n'
    [q] = extract_quotes(text)
    assert q.speaker == "Ann Vance"


def test_shared_surname_goes_to_the_person_named_first():
    text = (
        "Hillary Clinton's health has drawn questions.\n\n"
        "Ann Mays was the physician of former President Bill Clinton.\n\n"
        '"I had a big clot behind my right knee," Clinton wrote.\n'
    )
    [q] = extract_quotes(text)
    assert q.speaker == "Hillary Clinton"


def test_shared_surname_with_a_title_goes_to_its_holder():
    text = (
        "Michelle Obama spoke first.\n\nPresident Barack Obama then took the stage.\n\n"
        "Michelle Obama waved.\n\n"
        '"It is about me," President Obama said.\n'
    )
    [q] = extract_quotes(text)
    assert q.speaker == "Barack Obama"


def test_title_case_headline_adds_no_people():
    text = (
        "Railing Against Trump, Sanders Vows Fight.\n\n"
        "Trump has admitted using the tax code.\n\n"
        '"The unfairness of the tax laws is unbelievable," Trump said.\n'
    )
    [q] = extract_quotes(text)
    assert q.speaker == "Trump"


def test_clause_after_an_opening_phrase_is_not_a_title():
    text = (
        "Beijing is patient. For Ann Mays, the region offers rich natural resources, but risks abound.\n\n"
        '"We will wait," Mays said.\n'
    )
    [q] = extract_quotes(text)
    assert (q.speaker, q.title) == ("Ann Mays", None)


def test_long_clause_after_a_name_is_not_a_title():
    text = (
        "Ann Mays, the event presented an opportunity to roll out her jobs and five-year infrastructure plan "
        'today. "We will build," Mays said.\n'
    )
    [q] = extract_quotes(text)
    assert (q.speaker, q.title) == ("Ann Mays", None)


def test_occupation_before_a_name_is_a_title():
    text = 'Actor Clint Howard spoke at the rally. "I am voting for change," Howard said.\n'
    [q] = extract_quotes(text)
    assert (q.speaker, q.title) == ("Clint Howard", "Actor")


def test_it_in_a_sentence_opened_by_an_organisation():
    text = (
        "The Fairview Security Council on Friday condemned the test by North Korea as what it called "
        '"a clear threat to international peace and security."\n'
    )
    [q] = extract_quotes(text)
    assert q.speaker == "Fairview Security Council"


def test_it_means_the_organisation_that_was_the_subject():
    text = (
        "The Fairview Council condemned the plan on Friday. Officials in North Korea were not consulted.\n\n"
        '"This is a clear threat to peace," it said.\n'
    )
    [q] = extract_quotes(text)
    assert q.speaker == "Fairview Council"


def test_number_word_opening_a_sentence_is_not_a_name():
    text = 'Twenty-two years ago, a Times article hailed the mayor as "a builder of the city."\n'
    [q] = extract_quotes(text)
    assert (q.speaker, q.mention) == ("Times", "a Times article")  # the article's paper, not "Twenty"


def test_subject_with_lower_case_title_words_inside_the_name():
    text = (
        "Clinton campaign manager Robby Mook told reporters on Monday that the moderator should call out "
        'the candidate for his "lies" throughout the event.\n'
    )
    [q] = extract_quotes(text)
    assert (q.speaker, q.title, q.organization) == ("Robby Mook", "campaign manager", "Clinton")


def test_relative_who_speaks_for_the_name_before_it():
    text = (
        "Obama has had a frosty relationship with McConnell, now the Senate majority leader, who in 2010 "
        'said the goal was to make Obama a "one-term president."\n'
    )
    [q] = extract_quotes(text)
    assert (q.speaker, q.title) == ("McConnell", "Senate majority leader")


def test_name_after_a_quote_closed_by_a_comma_in_a_finished_sentence():
    text = 'Bemoaning the "phony system," Mayor Ann Cole accused the board of bias.\n'
    [q] = extract_quotes(text)
    assert q.speaker == "Ann Cole"


def test_name_before_an_ing_speech_verb():
    text = 'The ad uses footage of Governor Ann Cole asking, "Why are we not fifty points ahead?"\n'
    [q] = extract_quotes(text)
    assert q.speaker == "Ann Cole"


def test_ing_speech_verb_after_an_object_is_not_the_objects():
    text = (
        "Mayor Greg Stanton wrote a letter to Attorney General Ann Cole asking the department to "
        'investigate the "fiasco at the polls."\n'
    )
    [q] = extract_quotes(text)
    assert q.speaker == "Greg Stanton"


def test_adding_continues_the_speaker_already_named():
    text = 'Ryan and Trump will meet next week, Sean Spicer said, adding, "They need to have a good talk."\n'
    [q] = extract_quotes(text)
    assert q.speaker == "Sean Spicer"


def test_contracted_pronoun_before_an_ing_verb():
    text = 'Dan Brook spoke in Ohio.\n\nHe\'s claiming that fraud is "a big, big problem in this country."\n'
    [q] = extract_quotes(text)
    assert (q.speaker, q.mention) == ("Dan Brook", "He")


def test_first_person_possessive_description_is_an_unnamed_speaker():
    text = 'The paranoia remained. "We live in dark times," my father often said.\n'
    [q] = extract_quotes(text)
    assert (q.speaker, q.mention) == (None, "my father")


def test_document_speaks_for_the_body_it_names():
    text = (
        "The Department of Homeland Security oversees the visa program.\n\n"
        'The main requirement is a "lawful source of investment income," as a Homeland Security memo put it.\n'
    )
    [q] = extract_quotes(text)
    assert (q.speaker, q.mention) == ("Department of Homeland Security", "a Homeland Security memo")


def test_document_naming_nobody_stays_unnamed():
    text = 'The Fairview Council met on Friday.\n\n"Our support is not abstract," the letter reads.\n'
    [q] = extract_quotes(text)
    assert (q.speaker, q.mention) == (None, "the letter")


def test_relative_clause_saying_what_someone_is_gives_the_title():
    text = (
        '"It was a vote," said Victor Cha, who served as Asia director for the National Security Council '
        "under President George W. Bush.\n"
    )
    [q] = extract_quotes(text)
    assert (q.speaker, q.title) == ("Victor Cha", "Asia director for the National Security Council")


def test_common_noun_after_the_is_not_a_description_of_someone():
    text = (
        "Ann Cole let her staff and the general public think all was well.\n\n"
        '"I had a big clot behind my right knee," Cole wrote.\n'
    )
    [q] = extract_quotes(text)
    assert (q.speaker, q.title) == ("Ann Cole", None)


def test_curly_quote_inside_a_curly_quote():
    text = "\u201cI would rather live in what he calls \u201chell\u201d than in his world.\u201d \u2015 Ana Ruiz\n"
    [q] = extract_quotes(text)
    assert (q.text, q.speaker) == (
        "I would rather live in what he calls \u201chell\u201d than in his world.",
        "Ana Ruiz",
    )


def test_possessive_description_is_a_second_reference_to_the_person_just_named():
    text = (
        "David Axelrod on Wednesday called on Howard Dean to apologize.\n\n"
        '"That was outrageous," Obama\'s former campaign strategist said in an interview.\n'
    )
    [q] = extract_quotes(text)
    assert (q.speaker, q.title) == ("David Axelrod", "former campaign strategist")


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ('"We will review the ruling," the White House said.\n', "White House"),
        ('"We will review the ruling," Homeland Security said.\n', "Homeland Security"),
        ('Police said "the suspect fled on foot."\n', "Police"),
        ('"The raid was lawful," the Justice Department said.\n', "Justice Department"),
    ],
)
def test_bodies_named_with_title_words_are_organisations(text, body):
    [q] = extract_quotes(text)
    assert (q.speaker, q.speaker_kind, q.title) == (body, "organization", None)


def test_unnamed_spokesperson_for_a_body_gives_title_and_organisation_but_no_name():
    text = '"We arrested 40 people," a spokesperson for ICE said.\n'
    [q] = extract_quotes(text)
    assert (q.speaker, q.mention, q.title, q.organization) == (
        None,
        "a spokesperson for ICE",
        "spokesperson",
        "Immigration and Customs Enforcement",
    )


def test_officials_are_not_a_person():
    [q] = extract_quotes('Officials said "the raid was lawful."\n')
    assert (q.speaker, q.mention) == (None, "Officials")


def test_rank_before_a_body_keeps_the_whole_title():
    [q] = extract_quotes('Acting ICE Director Thomas Homan said "sanctuary cities are dangerous."\n')
    assert (q.speaker, q.title, q.organization) == (
        "Thomas Homan",
        "Acting ICE Director",
        "Immigration and Customs Enforcement",
    )


def test_words_of_a_possessed_statement_are_the_possessors():
    text = (
        "At the debate, Ann Cole cited Dan Brook's past references to the mayor as "
        '"a clown in a suit" as examples of his disrespect.\n'
    )
    [q] = extract_quotes(text)
    assert q.speaker == "Dan Brook"


def test_it_as_the_subject_of_saying():
    text = 'The Tampa Bay Times endorsed Cole. Meanwhile, it attacked Brook, saying he "has offended everyone."\n'
    [q] = extract_quotes(text)
    assert (q.speaker, q.mention) == ("Tampa Bay Times", "it")


def test_initials_name_the_body_named_in_full():
    text = (
        "The International Monetary Fund cut its forecast on Tuesday. The IMF cited weak trade.\n\n"
        '"The ultimate impact remains very unclear," the IMF report said.\n'
    )
    [q] = extract_quotes(text)
    assert q.speaker == "International Monetary Fund"


def test_gendered_person_noun_passes_over_people_of_the_other_gender():
    text = (
        "Hillary Clinton spoke first. Clinton and Clinton's aides took questions. Donald Trump spoke next.\n\n"
        '"We need change," the New York businessman said.\n'
    )
    [q] = extract_quotes(text)
    assert q.speaker == "Donald Trump"


def test_description_without_an_office_holder_renames_the_subject_just_named():
    text = (
        "Republican Donald Trump spoke at length. Trump took questions. Trump left.\n\n"
        "Republican vice presidential nominee Mike Pence says too much is made of the tweets.\n\n"
        'The Indiana governor said the media are to blame for focusing on "he said this, he tweeted that."\n'
    )
    [q] = extract_quotes(text)
    assert q.speaker == "Mike Pence"


def test_name_between_commas_after_a_description_is_the_subject():
    text = (
        "His former business partner at Lenox, Lawrence B. Cummings, called him a master at deals. "
        '"He showed again and again an ability to put together deals."\n'
    )
    [q] = extract_quotes(text)
    assert (q.speaker, q.title) == ("Lawrence B. Cummings", "former business partner at Lenox")


def test_cue_leading_into_a_quote_beats_a_scene_setting_clause_after_it():
    text = (
        "The spot shows Dan Brook saying during the debate, "
        '"That makes me smart," when Ann Cole blasted him for not paying income tax.\n'
    )
    [q] = extract_quotes(text)
    assert q.speaker == "Dan Brook"


def test_cue_closing_the_sentence_may_end_with_a_time():
    text = '"Boots on the ground" would be appropriate, Republican candidate Ben Carson said Sunday.\n'
    [q] = extract_quotes(text)
    assert (q.speaker, q.title) == ("Ben Carson", "Republican candidate")


def test_more_speech_verbs():
    [q] = extract_quotes('"This is fantastic!" beamed Donald Hartley of Madison, Alabama.\n')
    assert q.speaker == "Donald Hartley"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('Ann Cole took the stage in Baltimore and called the political system "rotten to the core."\n', "Ann Cole"),
        ('Dan Brook called both rivals "crazy" and said the party is bound to lose.\n', "Dan Brook"),
        ('Senator Ann Cole said that Brook is a "good, decent man," and said that Mays "melted down."\n', "Ann Cole"),
    ],
)
def test_what_follows_said_or_called_is_not_the_speaker(text, speaker):
    assert {q.speaker for q in extract_quotes(text)} == {speaker}


def test_pronoun_subject_after_an_opening_adverb():
    text = 'Dan Brook spoke in Iowa. Then he cut into his rival, calling him a "stiff" and a "spoiled child."\n'
    assert {(q.speaker, q.mention) for q in extract_quotes(text)} == {("Dan Brook", "he")}


def test_words_of_a_statement_owned_by_a_pronoun():
    text = (
        "Madeleine Albright, a former secretary of state, stirred controversy this year over her remark "
        'that "there is a special place in hell for women who do not help each other."\n'
    )
    [q] = extract_quotes(text)
    assert (q.speaker, q.mention) == ("Madeleine Albright", "her")


def test_a_verdict_on_someones_words_is_not_theirs():
    text = 'PolitiFact claimed "Dan Brook exaggerates" the rate, and concluded his comments were "Mostly False."\n'
    assert {q.speaker for q in extract_quotes(text)} == {"PolitiFact"}


def test_capitalised_word_opening_a_sentence_is_no_name_unless_capitalised_elsewhere():
    text = (
        'Facts matter, the researcher said. Good information can still drive out "bad information" in time.\n\n'
        '"It is over," Tiegen said.\n'
    )
    assert [(q.speaker, q.mention) for q in extract_quotes(text)] == [(None, "Good information"), ("Tiegen", "Tiegen")]


def test_a_persons_campaign_speaks_as_a_body():
    text = (
        "Dan Brook's campaign is defending his tweets about the county chair. "
        'It is denouncing what it calls "the biggest media attack in history."\n\n'
        '"We will win," Ann Cole\'s campaign said.\n'
    )
    assert [q.speaker for q in extract_quotes(text)] == ["Dan Brook campaign", "Ann Cole campaign"]


def test_age_and_hometown_after_a_name_are_not_the_subject():
    text = 'Cory James, 22, of Flint, Mich., said he had not given up hope for a "surprise" at the convention.\n'
    [q] = extract_quotes(text)
    assert q.speaker == "Cory James"


def test_unresolved_description_keeps_its_title():
    [q] = extract_quotes('"Vote for change," the ad\'s narrator says.\n')
    assert (q.speaker, q.title) == (None, "narrator")


def test_surname_first_then_full_name_is_one_person():
    text = (
        "Scott, a congressman, threw open his yard on Monday for a picnic.\n\n"
        "The push for Bobby Scott began in July.\n\n"
        '"We have his back," Bobby Scott said.\n'
    )
    [q] = extract_quotes(text)
    assert (q.speaker, q.title) == ("Bobby Scott", "congressman")


@pytest.mark.parametrize(
    ("text", "speaker", "title"),
    [
        ('Ann Cole and Dan Brook reject the term.\n\nCole: "Our goal is to defeat it."\n', "Ann Cole", None),
        (
            'Former secretary of state Ann Cole:"We learned that from the department."\n',
            "Ann Cole",
            "Former secretary of state",
        ),
        ('"We learned that," said former secretary of state Ann Cole.\n', "Ann Cole", "former secretary of state"),
        (
            "In response, Republican nominee Dan Brook issued the following statement:\n\n"
            '"Our prayers are with all those affected."\n',
            "Dan Brook",
            "Republican nominee",
        ),
        (
            "On Thursday, after staying neutral all year, Ann Cole endorsed Brook, saying, "
            '"I think a fighter in the lead is good."\n',
            "Ann Cole",
            None,
        ),
        (
            'Ann Cole said the members will still meet for drinks, but said, "It is time we change how we do it."\n',
            "Ann Cole",
            None,
        ),
    ],
)
def test_more_ways_to_introduce_a_quote(text, speaker, title):
    [q] = extract_quotes(text)
    assert (q.speaker, q.title) == (speaker, title)


def test_description_joining_two_titles_with_and():
    text = (
        "Ann Cole spoke on Tuesday. On a radio show, the former secretary of state and current Democratic "
        'presidential nominee said she wanted to speak "directly to white people."\n'
    )
    [q] = extract_quotes(text)
    assert (q.speaker, q.mention) == (
        "Ann Cole",
        "the former secretary of state and current Democratic presidential nominee",
    )


def test_office_of_a_named_person_as_the_subject():
    text = (
        "Congressman Trey Gowdy's office slammed a lawsuit filed by a fired staffer, "
        'calling it "meritless" on Monday.\n'
    )
    [q] = extract_quotes(text)
    assert (q.speaker, q.speaker_kind) == ("Trey Gowdy office", "organization")


def test_reacted_and_questioned_are_speech_verbs():
    text = '"What sport is he talking about?" reacted Dan Brook.\n\n"Why now?" Ann Cole questioned.\n'
    assert [q.speaker for q in extract_quotes(text)] == ["Dan Brook", "Ann Cole"]


def test_subject_after_a_short_opening_phrase_is_what_he_refers_to():
    text = (
        "Tom Clarke bought the mines. Phil Smith, a spokesman for the union, said it would watch closely.\n\n"
        "Ultimately, Mr. Clarke hopes to offset the emissions. But right now, he offsets only 10 percent. "
        'That worries environmentalists. "It is all I can afford," he said.\n'
    )
    [q] = extract_quotes(text)
    assert q.speaker == "Tom Clarke"


def test_with_name_ing_makes_the_name_the_topic():
    text = (
        "Lily Batchelder, a former tax aide, said the plan favors the rich.\n\n"
        "It is a major issue, with Ann Cole \u2014 who has called for tax hikes \u2014 lambasting the plan.\n\n"
        '"Slashing taxes on the wealthy has not worked," she said in the first debate.\n'
    )
    [q] = extract_quotes(text)
    assert q.speaker == "Ann Cole"


def test_opening_participle_phrase_is_skipped_to_find_the_subject():
    text = (
        "Jorge Ramos spoke. Horrified at the prospect of a Brook presidency, Ramos believes in journalism "
        'that "takes sides."\n'
    )
    [q] = extract_quotes(text)
    assert (q.speaker, q.mention) == ("Jorge Ramos", "Ramos")


def test_campaign_of_a_named_person_opening_a_saying_sentence():
    text = 'Ted Cruz spoke. Cruz\'s campaign went on the offensive, saying the rival was "never a conservative."\n'
    [q] = extract_quotes(text)
    assert q.speaker == "Cruz campaign"


def test_pronoun_after_a_paragraph_that_introduces_someone():
    text = (
        "President Barack Obama said he would campaign hard this fall.\n\n"
        "Few artists are writing songs for the nominee, which is something that concerns Henry Crespo, "
        "president of the Florida Democratic Black Caucus.\n\n"
        '"No one is writing songs for her," he said.\n'
    )
    [q] = extract_quotes(text)
    assert (q.speaker, q.title) == ("Henry Crespo", "president of the Florida Democratic Black Caucus")


def test_pronoun_after_a_paragraph_reporting_what_someone_said():
    text = (
        "Mayor Karen Bass spoke at the rally. Two voters, Dana Okafor and Lee Brandt, came to hear her.\n\n"
        "Okafor said Bass does not talk enough about the raids.\n\n"
        '"It only comes up when the cameras are here," she said.\n'
    )
    [q] = extract_quotes(text)
    assert q.speaker == "Dana Okafor"


@pytest.mark.parametrize(
    "report",
    [
        "Bass was asked by Okafor about the raids.",
        "Okafor asked Bass about the raids.",
    ],
)
def test_a_question_does_not_make_a_reporter(report):
    text = (
        "Mayor Karen Bass spoke at the rally. A voter, Dana Okafor, came to hear her.\n\n"
        f"{report}\n\n"
        '"We will not help with these raids," she said.\n'
    )
    [q] = extract_quotes(text)
    assert q.speaker == "Karen Bass"


def test_the_next_pronoun_goes_on_with_the_person_a_pronoun_meant():
    text = (
        "Mayor Karen Bass spoke at the rally. Two voters, Dana Okafor and Lee Brandt, came to hear her.\n\n"
        "Okafor said Bass does not talk enough about the raids.\n\n"
        '"It only comes up when the cameras are here," she said.\n\n'
        'She continued, "When the cameras leave, so does she."\n'
    )
    assert [q.speaker for q in extract_quotes(text)] == ["Dana Okafor", "Dana Okafor"]


def test_misspelt_surname_is_the_person_named_in_full():
    text = (
        "Two voters, Tyra McClenney and Bryan Anders, came to the rally.\n\n"
        '"She only talks about it when the cameras are here," McLenney said.\n\n'
        '"The Americans here want more," Sweeny said.\n'
    )
    assert [q.speaker for q in extract_quotes(text)] == ["Tyra McClenney", "Sweeny"]


def test_markup_attributes_and_footers_are_not_quotes():
    text = (
        'Mayor Ann Cole said the plan was "a disaster for the city."\n\n'
        '<tweet pic="pic.twitter.com/x" author="someone" timestamp="1474387200"><tweet/>.\n\n'
        '"Follow Pam Key on Twitter @pamkeyNEN."\n\n'
        'A stray x<y "is no tag," Cole added.\n'
    )
    assert [q.text for q in extract_quotes(text)] == ["a disaster for the city.", "is no tag,"]


@pytest.mark.parametrize(
    "text",
    ["", '"', '"""', "“unclosed quote that never ends", 'a " b " c " d', "\n\n\n", "”reversed“"],
)
def test_odd_input_never_raises_and_offsets_index_text(text):
    for q in extract_quotes(text):
        assert 0 <= q.start < q.end <= len(text)


def test_progressive_speech_verb_takes_any_subject():
    text = "Mayor Ann Cole’s doctor is calling her “extremely fit for office.”\n"
    [q] = extract_quotes(text)
    assert q.mention == "Cole’s doctor"
    assert q.speaker is None


def test_cue_between_two_quotes_introduces_the_second():
    text = (
        "Sen. Ann Cole spoke after Gov. Dan Brook. "
        'The Ohio governor said "no deal is coming." Cole said "we will see about that."\n'
    )
    assert [(q.speaker, q.mention) for q in extract_quotes(text)] == [
        ("Dan Brook", "The Ohio governor"),
        ("Ann Cole", "Cole"),
    ]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("The Brook campaign said", "Brook campaign"),
        ("The NAACP group said", "NAACP"),
        ("The group said", "Ohio Republican Party"),
    ],
)
def test_description_naming_a_body_or_its_leader(sentence, speaker):
    text = (
        "Dan Brook and the NAACP held rallies in Ohio, and the Ohio Republican Party answered.\n\n"
        f"{sentence} “the state will not cooperate with the raids.”\n"
    )
    [q] = extract_quotes(text)
    assert q.speaker == speaker


def test_description_with_state_or_party_passes_over_other_office_holders():
    text = (
        "Florida Sen. Lee Brandt and Tom Reyes, the Republican nominee, spoke on Monday. "
        "Sen. Ann Cole of Vermont and Dan Brook, the Democratic nominee, answered them.\n\n"
        'The Florida senator said "the raids will go on."\n\n'
        'The Republican nominee said "the raids will go on."\n'
    )
    assert [q.speaker for q in extract_quotes(text)] == ["Lee Brandt", "Tom Reyes"]


def test_inverted_subject_opened_by_one_is_an_unnamed_source():
    text = (
        "Mayor Ann Cole spoke on Monday.\n\n"
        "“There is no data to suggest that,” said one unaligned Ohio Republican strategist.\n"
    )
    [q] = extract_quotes(text)
    assert (q.speaker, q.mention) == (None, "one unaligned Ohio Republican strategist")


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("When Dan Brook suggested the state would sue, Ann Cole fired back:", "Ann Cole"),
        ("As the Ledger reported, Ann Cole was calm on Friday:", "Ledger"),
    ],
)
def test_colon_after_a_clause_before_the_main_one(sentence, speaker):
    text = f"Gov. Ann Cole met Dan Brook.\n\n{sentence} “If they sue us in a court in Miami, they will lose.”\n"
    [q] = extract_quotes(text)
    assert q.speaker == speaker


def test_front_runner_heads_a_title():
    text = "Republican front-runner Dan Brook defended his campaign manager as a “very decent man” on Tuesday.\n"
    [q] = extract_quotes(text)
    assert (q.speaker, q.title) == ("Dan Brook", "Republican front-runner")


@pytest.mark.parametrize("source", ["one of those advisers", "one of Cole’s advisers"])
def test_inverted_one_of_is_an_unnamed_source(source):
    text = f"Mayor Ann Cole spoke on Monday.\n\n“There will not be a path,” said {source}, who asked not to be named.\n"
    [q] = extract_quotes(text)
    assert (q.speaker, q.mention) == (None, source)


@pytest.mark.parametrize(
    ("paragraph", "mention"),
    [
        ("Another said he hoped for the best: “That way I can watch the comedy.”", "Another"),
        ("“That way I can watch the comedy,” another said.", "another"),
        ("Some claims about the mayor are “plainly false.”", None),
    ],
)
def test_determiner_opening_a_sentence_is_an_unnamed_speaker(paragraph, mention):
    text = f"Mayor Ann Cole spoke to voters on Monday. One said he liked her.\n\n{paragraph}\n"
    [q] = extract_quotes(text)
    assert (q.speaker, q.mention) == (None, mention)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Dr. Amal Haddad pondered who, without him, might “testify for our innocence in this season.”", "Amal Haddad"),
        (
            "Columbus (AFP) – Democrat Ann Cole has taken a swipe at her rival, saying that “bombastic comments” hurt.",
            "Ann Cole",
        ),
        (
            "“The distraction gets you off message,” said Republican party boss Dan Brook, though he added more.",
            "Dan Brook",
        ),
        ("Supporters shoved a protester, with Dan Brook reportedly yelling: “Get him out of here!”", "Dan Brook"),
    ],
)
def test_subjects_behind_titles_dashes_and_shouting(text, speaker):
    [q] = extract_quotes(text + "\n")
    assert q.speaker == speaker


def test_unspaced_en_dash_does_not_end_the_sentence():
    text = "The Daily News focuses on how many people the attackers–armed with “assault weapons”–were able to kill.\n"
    [q] = extract_quotes(text)
    assert q.speaker == "Daily News"


def test_statement_with_a_time_before_what_it_says():
    text = (
        "Dan Brook spoke in Ohio.\n\n"
        "The Ferguson City Council released a statement Wednesday saying Brook’s comments “are not facts.”\n"
    )
    [q] = extract_quotes(text)
    assert q.speaker == "Ferguson City Council"


def test_first_person_speaker_of_a_joined_speech_verb():
    text = "My mother mentioned the devil to me.\n\nI laughed and said, “I do not believe in the devil.”\n"
    [q] = extract_quotes(text)
    assert (q.speaker, q.mention) == (None, "I")


@pytest.mark.parametrize(
    ("closing", "speaker"),
    [
        ("Justice Department senior trial counsel Ann Cole wrote in a filing.", "Ann Cole"),
        ("Daily News opinion editor Dan Brook said.", "Dan Brook"),
        ("the Post's senior politics editor Dan Brook responded.", "Dan Brook"),
    ],
)
def test_title_words_between_a_quote_and_the_named_speaker(closing, speaker):
    text = f"Lee Brandt spoke on Monday.\n\n“We will search the records,” {closing}\n"
    [q] = extract_quotes(text)
    assert q.speaker == speaker


def test_described_speaker_who_told_someone_closes_the_quote():
    text = "Lee Brandt spoke on Monday.\n\n“She is a mother of three young boys,” another friend, Ann Cole told CNN.\n"
    [q] = extract_quotes(text)
    assert q.speaker == "Ann Cole"


@pytest.mark.parametrize(
    ("sentence", "mention", "speaker"),
    [
        ("A Brook adviser, who spoke on the condition of anonymity, said of him,", "A Brook adviser", None),
        ("A city official who spoke anonymously to discuss strategy said Wednesday,", "A city official", None),
        ("The lawmaker, who represents a district in Ohio, said", "The lawmaker", "Dan Brook"),
    ],
)
def test_subject_before_a_relative_clause(sentence, mention, speaker):
    text = f"Rep. Dan Brook met voters on Monday.\n\n{sentence} “There are talks between them.”\n"
    [q] = extract_quotes(text)
    assert (q.mention, q.speaker) == (mention, speaker)


def test_relative_clause_does_not_reach_past_a_dash():
    text = (
        "The poll has bad news for Dan Brook, who has been trying to right his campaign — 25 percent of "
        "voters say they would “definitely not support” him.\n"
    )
    [q] = extract_quotes(text)
    assert q.speaker != "Dan Brook"


@pytest.mark.parametrize(
    ("closing", "speaker", "title"),
    [
        ("said retired neurosurgeon Dan Brook, asked about his claims.", "Dan Brook", "retired neurosurgeon"),
        ("said former tech executive Ann Cole during the debate.", "Ann Cole", "executive"),
        ("said undecided Republican voter Ann Cole of Derry, N.H., before the event.", "Ann Cole", "voter"),
    ],
)
def test_inverted_subject_with_lower_case_descriptors(closing, speaker, title):
    text = f"Lee Brandt spoke on Monday.\n\n“I am not going to say it is a mistake,” {closing}\n"
    [q] = extract_quotes(text)
    assert q.speaker == speaker
    assert q.title is not None and q.title.endswith(title)


def test_according_to_a_campaign_named_for_its_candidate():
    text = (
        "Dan Brook spoke on Monday. Are you on Team Brook?\n\n"
        "According to the Brook campaign, “The speech will be delivered at the college.”\n"
    )
    [q] = extract_quotes(text)
    assert q.speaker == "Brook campaign"


def test_dash_line_signs_the_quoted_paragraph_before_it():
    text = (
        "Sen. Dan Brook and Gov. Ann Cole debated on Thursday.\n\n"
        '"Big companies pay zero taxes."\n\n'
        "- Dan Brook.\n\n"
        'The governor called the claim "misleading."\n\n'
        "- Reuters.\n"
    )
    assert [q.speaker for q in extract_quotes(text)] == ["Dan Brook", "Ann Cole"]


def test_quote_paragraph_after_a_paragraph_reporting_a_named_speaker():
    text = (
        "Defense Secretary Ash Carter spoke in Singapore.\n\n"
        "Carter said that critics had long predicted a withdrawal from the region, but this would not happen.\n\n"
        "“That is because this region remains the most consequential for our security.”\n\n"
        "Police Chief Lee Brandt said the evidence was thin.\n\n"
        "“The evidence cannot prove the crime,” according to a court filing.\n"
    )
    quotes = extract_quotes(text)
    # (the filing, not Lee Brandt, whose paragraph came before)
    assert [(q.speaker, q.mention) for q in quotes] == [("Ash Carter", "Carter"), (None, "a court filing")]


def test_who_asked_is_not_what_a_pronoun_in_the_answer_means():
    text = (
        "Ann Cole spoke on NBC.\n\n"
        "Asked by Dan Brook whether she had practiced her speech, she said, “I read it once over.”\n"
    )
    [q] = extract_quotes(text)
    assert (q.speaker, q.mention) == ("Ann Cole", "she")


def test_time_phrase_opening_a_sentence_is_not_its_subject():
    text = "Ann Cole read the request.\n\nMinutes later, she sent an email saying, “done.”\n"
    [q] = extract_quotes(text)
    assert (q.speaker, q.mention) == ("Ann Cole", "she")


def test_cue_in_a_clause_after_an_unpunctuated_quote_gives_way_to_the_sentence_cue():
    text = (
        "Gov. Ann Cole endorsed the senator on Monday.\n\n"
        "Dan Brook says he was “kind of riding the fence” until Cole said she was backing the senator.\n"
    )
    [q] = extract_quotes(text)
    assert q.speaker == "Dan Brook"


def test_early_in_opens_a_time_phrase_but_early_can_be_a_surname():
    text = (
        "Rex Early, the state chairman, spoke on Monday.\n\n"
        "Early in his campaign, Dan Brook attacked Cole, calling her “a failed candidate.”\n\n"
        "Rex Early called the plan “a mess.”\n"
    )
    assert [q.speaker for q in extract_quotes(text)] == ["Dan Brook", "Rex Early"]


def test_quote_continued_by_prose_then_a_closing_cue_with_an_appositive():
    text = (
        "Sen. Lee Brandt spoke on Monday.\n\n"
        "“He can assert it, but it seems extremely unlikely” that Brandt can catch up, said Dan Brook, "
        "deputy campaign manager for the rival.\n"
    )
    [q] = extract_quotes(text)
    assert q.speaker == "Dan Brook"


def test_dash_line_with_a_place_and_remembered_as_a_speech_verb():
    text = (
        "Delegates met on Monday.\n\n"
        '"The whole idea is something we hear about all the time."\n\n'
        "-Ann Cole, Philadelphia.\n\n"
        '"She pushed ahead anyway," remembered Dan Brook, her former spokesman.\n\n'
        "Reviews of the show came in.\n\n"
        '"The show was really great."\n\n'
        "– Man**\n"
    )
    # (a masked reviewer's name is no one's)
    assert [q.speaker for q in extract_quotes(text)] == ["Ann Cole", "Dan Brook", None]


@pytest.mark.parametrize(
    ("paragraph", "mentions"),
    [
        (
            "“Tell her I promised,” Ann Cole said, and her husband cut in. “Don’t forget me.”",
            ["Ann Cole", "her husband"],
        ),
        (
            "On Friday, Dan Brook — once a rival of hers — told Fox News that “you have to take it seriously.”",
            ["Dan Brook"],
        ),
        ("Dan Brook later Thursday told Fox News: “Both are meeting next week.”", ["Dan Brook"]),
        ("“The kids do not like him,” this source told the Post.", ["this source"]),
        ("“France will always be France,” an angry Dan Brook retaliated.", ["Dan Brook"]),
    ],
)
def test_more_ways_to_report_speech(paragraph, mentions):
    text = f"Ann Cole and Dan Brook met on Monday.\n\n{paragraph}\n"
    assert [q.mention for q in extract_quotes(text)] == mentions


def test_armed_service_before_a_name_describes_the_person():
    text = 'Marine John "Tig" Tiegen spoke in Cleveland. Marine Le Pen spoke in Paris.\n\nTiegen said "no way."\n'
    [q] = extract_quotes(text)
    assert q.speaker == "John Tiegen"


def test_dash_name_closing_a_paragraph_signs_every_quote_in_it():
    text = (
        "“He is not a leader.” ― Dan Brook\n\n"
        "“Nobody wants that as a leader. To quote a song, ‘some people are so poor.” And that is all he has "
        "“the root of all evil.” ― Ann Cole.\n"
    )
    assert [q.speaker for q in extract_quotes(text)] == ["Dan Brook", "Ann Cole", "Ann Cole"]


@pytest.mark.parametrize(
    ("sentence", "mention"),
    [
        ("Brook supporters are crying “fraud” over the count.", "Brook supporters"),
        (
            "When Democratic activists are reduced to saying that “hearsay is evidence,” it is time.",
            "Democratic activists",
        ),
    ],
)
def test_capitalised_word_before_a_plural_noun_is_not_a_name(sentence, mention):
    text = f"Dan Brook lost the primary.\n\n{sentence}\n"
    [q] = extract_quotes(text)
    assert (q.speaker, q.mention) == (None, mention)


@pytest.mark.parametrize(
    ("paragraph", "speaker", "mention"),
    [
        ("“The campaign has been reluctant,” one senior Democrat said.", None, "one senior Democrat"),
        ("“It might surprise you,” the Republican said this week.", "Dan Brook", "the Republican"),
        ("Lee Brandt echoed: “He speaks his mind.”", "Lee Brandt", "Lee Brandt"),
        ("Lee Brandt elaborated that delegates “may reconsider.”", "Lee Brandt", "Lee Brandt"),
    ],
)
def test_party_members_and_echoes(paragraph, speaker, mention):
    text = f"Republican Dan Brook spoke in Ohio on Monday.\n\n{paragraph}\n"
    [q] = extract_quotes(text)
    assert (q.speaker, q.mention) == (speaker, mention)


@pytest.mark.parametrize(
    ("paragraph", "speaker", "mention"),
    [
        ("Supporters of Cole would argue that the country is on the “wrong track.”", None, "Supporters of Cole"),
        (
            "“We have not been briefed,” Lee Brandt, a spokesman for Mayor Ann Cole told the Post.",
            "Lee Brandt",
            "Lee Brandt",
        ),
        ("The two lawmakers, however, argue that “there is precedent for prosecution.”", None, "two lawmakers"),
        (
            "Amid the replies, The Ledger’s Lee Brandt wrote a column, saying it is time to “name the traitors.”",
            "Lee Brandt",
            "Lee Brandt",
        ),
        (
            "And although he thanked them, Dan Brook sounded a rare note of humility, saying, “I do not deserve it.”",
            "Dan Brook",
            "Dan Brook",
        ),
    ],
)
def test_groups_spokesmen_asides_and_possessive_outlets(paragraph, speaker, mention):
    text = f"Mayor Ann Cole and Dan Brook met on Monday.\n\n{paragraph}\n"
    [q] = extract_quotes(text)
    assert (q.speaker, q.mention) == (speaker, mention)


def test_modal_and_adverb_between_subject_and_verb_are_not_the_subject():
    text = "Yet our shocked State Department experts somehow cannot explain why they hailed the “reset” at all.\n"
    [q] = extract_quotes(text)
    assert q.mention == "our shocked State Department experts"


def test_sentence_ending_with_a_colon_introduces_the_next_paragraph():
    text = (
        "Conservative leader Dan Brook endorsed the senator on Friday.\n\n"
        "He then listed the qualities necessary in a nominee:\n\n"
        '"Has the candidate a record of leadership for conservative principles?\n\n'
        '"Is the candidate surrounded by people of firm commitment?"\n'
    )
    assert [q.speaker for q in extract_quotes(text)] == ["Dan Brook", "Dan Brook"]


@pytest.mark.parametrize(
    ("paragraph", "speakers"),
    [
        (
            'The program was a "good thing" that yielded "frankly good information," Dan Brook remarked.',
            ["Dan Brook"] * 2,
        ),
        ('Police found no "ties of any consequence," said the bureau\'s director, Ann Cole, on Monday.', ["Ann Cole"]),
        (
            'His backing will carry "a great deal of weight" and bring the "firepower" they need, Ann Cole said.',
            ["Ann Cole"] * 2,
        ),
        ('Nobody should wave around words like "maybe" and "perhaps", Ann Cole told reporters.', ["Ann Cole"] * 2),
        (
            'The piece slams his "revolution" for implying "a consensus." And Dan Brook calls it "a lie."',
            [None, None, "Dan Brook"],
        ),
    ],
)
def test_quotes_sharing_a_closing_cue_and_a_named_description(paragraph, speakers):
    text = f"The city council met on Monday.\n\n{paragraph}\n"
    assert [q.speaker for q in extract_quotes(text)] == speakers


def test_sequence_word_opening_a_sentence_is_skipped():
    text = "First, Dan Brook attacked former nominee Ann Cole for being a “failed candidate.”\n"
    [q] = extract_quotes(text)
    assert q.speaker == "Dan Brook"


def test_what_a_group_called_is_theirs():
    text = (
        "Dan Brook spoke.\n\n"
        "The fight over whether the school is what former employees have called a “fraudulent scheme” went on.\n"
    )
    [q] = extract_quotes(text)
    assert (q.speaker, q.mention) == (None, "former employees")


@pytest.mark.parametrize(
    ("paragraph", "mentions"),
    [
        (
            'Only 52 percent of voters agreed that Cole is in "good health," while 63 percent said she was "right."',
            ["52 percent of voters", "63 percent"],
        ),
        (
            'In August, several environmental groups granted Cole an extension, saying it was "less than expected."',
            ["several environmental groups"],
        ),
        ("While arguing about the race, a friend commented: “For you, immigration is what matters.”", ["a friend"]),
    ],
)
def test_shares_counted_groups_and_comments(paragraph, mentions):
    # (but "Two analysts, Dan Brook and Lee Brandt, found", "Two years before ..., the city gave")
    text = f"Mayor Ann Cole spoke on Monday.\n\n{paragraph}\n"
    assert [q.mention for q in extract_quotes(text)] == mentions


@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        (
            'Two analysts, Dan Brook and Lee Brandt, found in 2014 that the force is "the best in the world."',
            "Dan Brook",
        ),
        (
            'Two years before the public learned of it, the State Department gave an "inaccurate" response.',
            "State Department",
        ),
    ],
)
def test_counted_phrases_that_are_not_the_subject(paragraph, speaker):
    text = f"Mayor Ann Cole spoke on Monday.\n\n{paragraph}\n"
    [q] = extract_quotes(text)
    assert q.speaker == speaker


@pytest.mark.parametrize(
    ("paragraph", "speaker", "mention"),
    [
        ("Of Cole, Dan Brook, who has given money to her rival, said, “She is flat.”", "Dan Brook", "Dan Brook"),
        (
            "Another intelligence source speaking to Fox News said, “The agents are investigating.”",
            None,
            "Another intelligence source",
        ),
    ],
)
def test_names_after_a_preposition_are_not_the_speaker(paragraph, speaker, mention):
    text = f"Mayor Ann Cole spoke on Monday.\n\n{paragraph}\n"
    [q] = extract_quotes(text)
    assert (q.speaker, q.mention) == (speaker, mention)


@pytest.mark.parametrize(
    ("paragraph", "speaker", "mention"),
    [
        ("“The harm is incalculable,” federal prosecutors wrote in seeking the penalty.", None, "prosecutors"),
        (
            "As the Ledger’s Dan Brook pointed out in December, “The delegates will change it.”",
            "Dan Brook",
            "Dan Brook",
        ),
    ],
)
def test_plural_titles_and_pointed_out(paragraph, speaker, mention):
    text = f"Mayor Ann Cole spoke on Monday.\n\n{paragraph}\n"
    [q] = extract_quotes(text)
    assert (q.speaker, q.mention) == (speaker, mention)


def test_pronoun_after_an_opening_phrase_without_a_comma():
    text = (
        "The fact-checkers looked at Dan Brook’s claim on Monday.\n\n"
        "On September 27 they published the results by announcing that the claim was “true.”\n"
    )
    [q] = extract_quotes(text)
    assert q.mention == "they"


@pytest.mark.parametrize(
    ("closing", "speaker"),
    [
        ("wrote Post White House bureau chief Ann Cole, citing participants.", "Ann Cole"),
        ("said Air Force Staff Sgt. Dan Brook, who will not vote.", "Dan Brook"),
    ],
)
def test_words_compounded_with_a_title_after_the_verb(closing, speaker):
    text = f"Lee Brandt spoke on Monday.\n\n“He did not pick a nominee to please anyone,” {closing}\n"
    [q] = extract_quotes(text)
    assert q.speaker == speaker


@pytest.mark.parametrize(
    ("paragraph", "mention", "speaker"),
    [
        (
            "The Florida senator sought to calm his supporters, and took a heckler in stride, saying he would "
            "“not get beat up” there.",
            "The Florida senator",
            "Dan Brook",
        ),
        (
            "Preceded at the lectern by Lee Brandt, the Arizona sheriff and hard-liner, Brook launched a lament for "
            'the "countless Americans" hurt.',
            "Brook",
            "Dan Brook",
        ),
        (
            '"We need change," the New York businessman said, arguing for a "common-sense" approach.',
            "the New York businessman",
            "Dan Brook",
        ),
    ],
)
def test_definite_description_opening_a_sentence_that_reports_speech(paragraph, mention, speaker):
    text = f"Sen. Dan Brook of Florida, a New York businessman, spoke on Monday.\n\n{paragraph}\n"
    quotes = extract_quotes(text)
    assert (quotes[-1].mention, quotes[-1].speaker) == (mention, speaker)


def test_description_opening_a_sentence_introduces_the_name_set_off_after_it():
    text = (
        "The campaign spent the fall on data.\n\n"
        "In early October, Smith's Virginia state director, Ann Cole, reached out to a vendor, writing in an email: "
        "“We want to use this now.”\n"
    )
    [quote] = extract_quotes(text)
    assert (quote.speaker, quote.title) == ("Ann Cole", "Virginia state director")


def test_name_with_party_label_and_colon_introduces_the_quote():
    text = 'The hearing went on for hours.\n\nRep. Ann Cole (D-Va.):"I have not heard anyone cite that figure."\n'
    [quote] = extract_quotes(text)
    assert (quote.speaker, quote.title) == ("Ann Cole", "Rep.")


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ('Gov. Bob Lane signed an order, while Ann Cole, the former governor, proposed we "wake up" now.', "Ann Cole"),
        ('The results are not in, but Ann Cole’s campaign is already claiming a "clean sweep."', "Ann Cole campaign"),
        ('Gov. Bob Lane signed an order and Ann Cole proposed we "wake up" now.', "Bob Lane"),
    ],
)
def test_quote_in_a_clause_joined_after_a_comma_is_its_subjects(sentence, speaker):
    text = f"The session ended on Monday.\n\n{sentence}\n"
    [quote] = extract_quotes(text)
    assert quote.speaker == speaker


@pytest.mark.parametrize(
    ("paragraph", "speakers"),
    [
        (
            'Bob Lane attacked Ann Cole, calling her "a failed candidate." Cole fired back in March, attacking '
            'Lane for "the greed, the showing off" of his campaign.',
            ["Bob Lane", "Ann Cole"],
        ),
        (
            'My mother, Ann Cole, was a nurse. She became upset, so that I had to change my answer: "Of course I do."',
            [None],
        ),
    ],
)
def test_prose_after_a_quote_that_ends_its_sentence_opens_a_new_one(paragraph, speakers):
    text = f"The race tightened in the spring.\n\n{paragraph}\n"
    assert [q.speaker for q in extract_quotes(text)] == speakers


def test_aside_between_dashes_keeps_the_subject_before_it():
    text = (
        "WASHINGTON — Sen. Ann Cole (R-Iowa) on Wednesday downplayed the attack on a judge — something that has "
        "thrown the party into chaos all week — and said it is the same as calling herself “a wise Latina.”\n"
    )
    [quote] = extract_quotes(text)
    assert (quote.speaker, quote.title) == ("Ann Cole", "Sen.")


def test_cue_leading_into_the_next_quote_leaves_this_one_to_its_own():
    text = (
        "Ann Cole and Bob Lane met on Monday.\n\n"
        "Both issued statements – Cole saying she was “very encouraged” and Lane calling it a “great meeting.”\n"
    )
    assert [q.speaker for q in extract_quotes(text)] == ["Ann Cole", "Bob Lane"]


def test_possessive_name_after_a_verb_is_not_its_subject():
    text = (
        "Bob Lane ran the base and Ann Cole the embassy.\n\n"
        'He said the base immediately "went into collect mode" and said Cole\'s rescue was always a priority.\n'
    )
    [quote] = extract_quotes(text)
    assert quote.speaker == "Bob Lane"


def test_pronoun_cue_is_not_bound_to_a_name_of_the_other_gender():
    text = (
        "Bernard Lane debated Ann Cole on Thursday.\n\n"
        'When Lane accused Cole of being too close to the banks, she said "I stood up against the banks" more '
        "than once.\n"
    )
    [quote] = extract_quotes(text)
    assert quote.speaker == "Ann Cole"


def test_cue_in_an_aside_between_dashes_does_not_introduce_the_quote():
    text = (
        "Bob Lane and Carl Moss debated on Thursday.\n\n"
        'He assured the crowd that his hands are not small - as Moss has said - and he can "guarantee" more.\n'
    )
    [quote] = extract_quotes(text)
    assert quote.speaker == "Bob Lane"


@pytest.mark.parametrize(
    ("sentence", "mention"),
    [
        ("Ann Cole went on to say, “People do not feel the need to show up.”", "Ann Cole"),
        ("The email goes on to say: “People do not feel the need to show up.”", "The email"),
    ],
)
def test_going_on_to_say_reports_speech(sentence, mention):
    text = f"The group wrote to members on Monday.\n\n{sentence}\n"
    [quote] = extract_quotes(text)
    assert quote.mention == mention


def test_indefinite_subject_speaks_later_in_its_sentence():
    text = (
        "Ann Cole attacked the firm on Monday.\n\n"
        'A spokesman for the firm declined to comment but said in a statement that "we did nothing wrong."\n'
    )
    [quote] = extract_quotes(text)
    assert (quote.speaker, quote.mention) == (None, "A spokesman")


def test_unnamed_speaker_whose_colon_introduces_the_quote_keeps_it():
    text = (
        "Ann Cole held a rally.\n\n"
        '"There is a young man with some problems," Cole said as the heckler yelled: "You suck!"\n'
    )
    assert [(q.speaker, q.mention) for q in extract_quotes(text)] == [("Ann Cole", "Cole"), (None, "the heckler")]


def test_horizontal_bar_sets_off_an_aside_like_an_em_dash():
    text = (
        "Ann Cole spoke in Paris.\n\n"
        "Hastily politicizing the tragedy ― much like she did after the attacks last year ― Cole cast the "
        "blame on her rivals, and emphasized the threat that “terrorism” poses.\n"
    )
    [quote] = extract_quotes(text)
    assert (quote.speaker, quote.mention) == ("Ann Cole", "Cole")


@pytest.mark.parametrize(
    ("line", "speaker"),
    [
        ("Pollsters agree - Ann Cole: “Keep contacting voters as late as possible.”", "Ann Cole"),
        ("But polls did predict the caucus - Pew Research: “Most pollsters fared much better.”", "Pew Research"),
    ],
)
def test_name_after_a_dash_labels_the_quote_after_its_colon(line, speaker):
    text = f"Polls missed the result this week.\n\n{line}\n"
    [quote] = extract_quotes(text)
    assert quote.speaker == speaker


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            'Ann Cole, the co-author of "Going Viral," about the spread of news, said the days when the nation had '
            '"a unifying story" are gone.',
            "Ann Cole",
        ),
        ("Ann Cole trashed the plan on MSNBC's “Morning Joe,” calling it a “no-brainer” to drop.", "Ann Cole"),
    ],
)
def test_sentence_going_on_across_the_title_of_a_work_keeps_its_speaker(sentence, speaker):
    text = f"The panel met on Monday.\n\n{sentence}\n"
    assert [q.speaker for q in extract_quotes(text)] == [speaker]


@pytest.mark.parametrize(
    ("sentence", "quoted"),
    [
        (
            '"It is too early to tell," said Ann Cole, who is also a host on the TV show "Shark Tank."',
            ["It is too early to tell,"],
        ),
        ("Ann Cole, star of cult classic “Thelma and Louise,” is not sure she can vote for him.", []),
    ],
)
def test_title_after_a_kind_of_work_is_not_a_quote(sentence, quoted):
    text = f"The race went on.\n\n{sentence}\n"
    assert [q.text for q in extract_quotes(text)] == quoted


@pytest.mark.parametrize(
    ("sentence", "mention"),
    [
        ("His chief aide doubled down on the attacks, saying she is qualified “on paper” only.", "His chief aide"),
        ("His office put out a statement saying the state “cannot vet every refugee.”", "His office"),
    ],
)
def test_owned_description_opening_a_sentence_speaks_through_its_participle(sentence, mention):
    text = f"Bob Lane was ready on Monday.\n\n{sentence}\n"
    [quote] = extract_quotes(text)
    assert quote.mention == mention


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Asked about the climate, she said she had made progress. “I really believe we did a good job.”", "Ann Cole"),
        ('"I do not want trouble," said one former staffer, who said he left on good terms. "I had no choice."', None),
    ],
)
def test_quote_after_a_sentence_reporting_a_pronoun_speaker(sentence, speaker):
    text = f"Ann Cole debated on Monday.\n\n{sentence}\n"
    assert extract_quotes(text)[-1].speaker == speaker


def test_pronoun_subject_after_a_lower_case_opening_phrase():
    text = (
        "Ann Cole went abroad.\n\n"
        'But back on American soil, she returned to her familiar lines: "There will be no amnesty!"\n'
    )
    [quote] = extract_quotes(text)
    assert (quote.speaker, quote.mention) == ("Ann Cole", "she")


@pytest.mark.parametrize(
    ("sentence", "mention"),
    [
        ("Cole credits the candidates, but she said his presence “is going to help us.”", "she"),
        ("Cole bemoaned the unrest and said she thought drugs were a “very big factor” in it.", "Cole"),
    ],
)
def test_pronoun_opening_a_joined_clause_is_the_mention(sentence, mention):
    text = f"Ann Cole spoke on Monday.\n\n{sentence}\n"
    [quote] = extract_quotes(text)
    assert (quote.speaker, quote.mention) == ("Ann Cole", mention)


def test_abbreviation_can_end_a_sentence_before_a_pronoun():
    text = (
        "Ann Cole spoke for the group.\n\n"
        "Cole says the plan will not prevent attacks in the U.S. She says people do not need more “lectures.”\n"
    )
    [quote] = extract_quotes(text)
    assert (quote.speaker, quote.mention) == ("Ann Cole", "She")


@pytest.mark.parametrize(
    ("sentence", "mention"),
    [
        ('Protesters marching through the streets chanted "What curfew?" until 2 a.m.', "Protesters"),
        ('"It is meant to help mothers," the 34-year-old mother of three replied.', "the 34-year-old mother"),
    ],
)
def test_unnamed_speakers_behind_a_place_or_a_count(sentence, mention):
    text = f"The city remains under a curfew.\n\n{sentence}\n"
    [quote] = extract_quotes(text)
    assert (quote.speaker, quote.mention) == (None, mention)


@pytest.mark.parametrize(
    "sentence",
    [
        "You’re given chances to speak — maybe an interview — and you’re terrified to say “yes.”",
        "I’d rather not “put myself out there” again.",
    ],
)
def test_contracted_pronoun_opening_a_sentence_is_not_a_name(sentence):
    text = f"Marketing is hard.\n\n{sentence}\n"
    [quote] = extract_quotes(text)
    assert (quote.speaker, quote.mention) == (None, None)


def test_statement_judged_as_something_is_the_judges_words():
    text = "Ann Cole met Bob Lane.\n\nCole denounced Lane's remarks as “hurtful and humiliating” on Monday.\n"
    [quote] = extract_quotes(text)
    assert quote.speaker == "Ann Cole"


def test_quote_inside_a_relative_clause_is_reported_by_its_pronoun():
    text = "Ann Cole spoke on Sunday.\n\nCole, who has in the past described him as “a sociopath,” left early.\n"
    [quote] = extract_quotes(text)
    assert (quote.speaker, quote.mention) == ("Ann Cole", "who")


@pytest.mark.parametrize(
    ("closing", "speaker"),
    [("From said.", "Al From"), ("Read said.", "Ian Read"), ("one senior Democrat said.", None)],
)
def test_surname_that_is_a_common_word_closes_a_quote(closing, speaker):
    text = f'Al From and Ian Read spoke on Monday.\n\n"The circumstances are changed," {closing}\n'
    [quote] = extract_quotes(text)
    assert quote.speaker == speaker


def test_lone_one_or_another_after_a_closing_verb_is_an_unnamed_speaker():
    text = "Ann Cole saw the planes.\n\n“We want her back,” read one. “Anybody but Lane,” said another.\n"
    assert [(q.speaker, q.mention) for q in extract_quotes(text)] == [(None, "one"), (None, "another")]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            'Ann Cole proposed a debate - but the Lane campaign rejected the idea as "ludicrous" at once.',
            "Lane campaign",
        ),
        ('A former candidate -- Carl Moss, who lost to her -- said the governor "offered no changes."', "Carl Moss"),
    ],
)
def test_clause_after_a_dash_and_a_description_after_a_mid_sentence_verb(sentence, speaker):
    text = f"Gov. Ann Cole spoke on Monday.\n\n{sentence}\n"
    [quote] = extract_quotes(text)
    assert quote.speaker == speaker


def test_unnamed_subject_before_a_participle_phrase_and_said_that_name():
    text = (
        "Ann Cole meets lawmakers often.\n\n"
        'An official, speaking on the condition of anonymity, said Wednesday that Cole "will meet with any '
        'candidate."\n'
    )
    [quote] = extract_quotes(text)
    assert (quote.speaker, quote.mention) == (None, "An official")


@pytest.mark.parametrize(
    ("sentence", "speakers"),
    [
        ('Ann Cole arrived, greeted with chants of "Bobby!" at the hall.', [None]),
        ('About 200 protesters gathered, holding signs and chanting "Dump Trump."', [None]),
        ("“Who is going to pay for it?” Cole asked.\n\n“Mexico!” the audience screamed back.", ["Ann Cole", None]),
    ],
)
def test_shouted_title_case_words_are_quotes_not_titles(sentence, speakers):
    text = f"Ann Cole held a rally on Monday.\n\n{sentence}\n"
    assert [q.speaker for q in extract_quotes(text)] == speakers


def test_name_someone_is_called_is_a_quote_not_a_title():
    text = 'Bob Lane campaigned on Monday.\n\nHis habit of referring to Sen. Ann Cole as "Pocahontas" is a strategy.\n'
    assert [q.text for q in extract_quotes(text)] == ["Pocahontas"]


@pytest.mark.parametrize(
    ("sentence", "quoted"),
    [
        ('The band leader called them to the stage, singing "It Is Our Time."', "It Is Our Time."),
        ("When the panel examined the statement, it was labeled “Mostly True.”", "Mostly True."),
        ("Years ago, an article hailed Ann Cole as “The Comeback Kid” for her work.", "The Comeback Kid"),
    ],
)
def test_title_case_words_sung_or_given_as_a_label_are_quotes(sentence, quoted):
    text = f"Ann Cole held a cookout.\n\n{sentence}\n"
    assert [q.text for q in extract_quotes(text)] == [quoted]


def test_title_before_a_kind_of_work_is_not_a_quote():
    text = 'Ann Cole spoke on Sunday.\n\nAt 2 p.m., Cole took calls on her "Keepin\' It Real" radio program.\n'
    assert extract_quotes(text) == []


@pytest.mark.parametrize(
    ("sentence", "quoted"),
    [
        ('A rally by city leaders on Wednesday had one message: "Dump Trump."', "Dump Trump."),
        ('The dissident referred to the "New Class." It ruled for decades.', "New Class."),
    ],
)
def test_title_case_words_after_a_colon_or_a_naming_verb_are_quotes(sentence, quoted):
    text = f"The city rallied on Wednesday.\n\n{sentence}\n"
    assert [q.text for q in extract_quotes(text)] == [quoted]


def test_title_case_slogan_after_a_goal_of_is_a_quote():
    text = 'Ann Cole spoke on Wednesday.\n\nIn her speech, Cole proclaimed a goal of "Peace Through Strength."\n'
    assert [(q.text, q.speaker) for q in extract_quotes(text)] == [("Peace Through Strength.", "Ann Cole")]


def test_lone_pronoun_in_quotes_is_a_word_mentioned_not_said():
    text = 'Voters are split.\n\nWhy vote for him, unless simply because "she" is a "he"? A loud, white "he."\n'
    assert extract_quotes(text) == []


@pytest.mark.parametrize(
    ("sentence", "mention"),
    [
        ("Employees treated well stay, and although leave costs money, “you can't put a price on it,” he says.", "he"),
        ('Cole exhorted Republicans to "vote your conscience" and said she was standing on principle.', "Cole"),
    ],
)
def test_closing_pronoun_cue_against_the_sentence_subject(sentence, mention):
    text = f"Tom Perez spoke, and so did Ann Cole.\n\n{sentence}\n"
    [quote] = extract_quotes(text)
    assert quote.mention == mention


def test_name_with_a_lower_case_particle_closes_a_quote():
    text = (
        "The professor was flying home, the Guardian reported.\n\n"
        "“We had called him,” his nephew Michery el Soheil added.\n"
    )
    [quote] = extract_quotes(text)
    assert quote.speaker == "Michery el Soheil"


def test_pronoun_is_not_bound_to_a_people():
    text = (
        "Ann Cole spoke to the network.\n\n"
        "Asked about her vote in the event that Lane, who has insulted women, Mexicans and Muslims in a volatile "
        "campaign, wins, she replied: “I don’t know.”\n"
    )
    [quote] = extract_quotes(text)
    assert (quote.speaker, quote.mention) == ("Ann Cole", "she")


def test_pronoun_cue_stays_when_the_sentence_opens_with_a_common_word():
    text = "Press secretary Bob Lane spoke on Tuesday.\n\nCost estimates, he added, were “based on a prototype.”\n"
    [quote] = extract_quotes(text)
    assert (quote.speaker, quote.mention) == ("Bob Lane", "he")


def test_headline_words_glued_to_a_name_do_not_make_a_person():
    text = (
        "Liberal Oscar-winner Cole ‘not sure’ about the race.\n\n"
        "Actress Ann Cole is not sure she can vote this year.\n\n"
        "She campaigned for a rival in the spring.\n\n"
        "“That is a legitimate concern,” Cole told the network.\n"
    )
    [quote] = extract_quotes(text)
    assert quote.speaker == "Ann Cole"


def test_work_called_by_its_title_is_not_a_quote():
    text = 'Ann Cole ran ads.\n\nHer campaign paid to broadcast a short film called "Tenemos Familias" on TV.\n'
    assert extract_quotes(text) == []


@pytest.mark.parametrize(
    ("sentence", "speakers"),
    [
        (
            'Last month, Director Bob Lane called her plan "extremely careless," but said she should face no charges.',
            ["Bob Lane"],
        ),
        (
            "Yesterday at the long rally in town, she said she was “very encouraged” and he called it a “great "
            "meeting.”",
            ["Ann Cole", "Bob Lane"],
        ),
    ],
)
def test_pronoun_after_and_said_is_whom_the_speaker_spoke_of(sentence, speakers):
    text = f"Ann Cole met Bob Lane on Monday.\n\n{sentence}\n"
    assert [q.speaker for q in extract_quotes(text)] == speakers


def test_pronoun_cue_reports_the_subject_of_a_sentence_begun_before_earlier_quotes():
    text = (
        "Ann Cole spoke on Monday.\n\n"
        "Cole took to Twitter to accuse the campaign of being “duped” by “a con” and urged people to check out "
        "what she called its “secret tape.”\n"
    )
    assert [(q.speaker, q.mention) for q in extract_quotes(text)] == [("Ann Cole", "Cole")] * 3


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ('The Fact Desk then ruled that Lane\'s statement about crime is "true," with a caveat.', "Fact Desk"),
        ('With a vote for Lane ruled out, Ann Cole said she is left with "two options."', "Ann Cole"),
    ],
)
def test_ruled_reports_a_verdict_but_ruled_out_does_not(sentence, speaker):
    text = f"Ann Cole and the Fact Desk looked at the claims.\n\n{sentence}\n"
    [quote] = extract_quotes(text)
    assert quote.speaker == speaker


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "The Harbor Workers Union released a statement Monday evening, saying the plan is “a betrayal of every "
            "family on the docks.”",
            "Harbor Workers Union",
        ),
        ("The Pacific Ocean has become a “battleground” for the two fleets.", None),
    ],
)
def test_named_body_after_the_that_acts_is_the_subject_not_an_opening_phrase(sentence, speaker):
    text = f"The city council met on Monday.\n\n{sentence}\n"
    [quote] = extract_quotes(text)
    assert quote.speaker == speaker


@pytest.mark.parametrize(
    ("sentence", "mention"),
    [
        (
            "The lawsuit, which was filed in state court on Friday, alleged that the county “ignored every warning.”",
            "The lawsuit",
        ),
        ("The retired judge, who chaired the panel for a decade, thinks the rule is “a mistake.”", "The retired judge"),
    ],
)
def test_subject_after_the_keeps_its_verb_past_a_relative_clause(sentence, mention):
    text = f"The county board met on Monday.\n\n{sentence}\n"
    [quote] = extract_quotes(text)
    assert quote.mention == mention


def test_age_before_a_description_subject_is_part_of_it():
    text = (
        "Ann Cole, a former senator, toured the plant.\n\n"
        "The 61-year-old former senator thinks the new levy is “a tax on work.”\n"
    )
    [quote] = extract_quotes(text)
    assert (quote.speaker, quote.mention) == ("Ann Cole", "The 61-year-old former senator")


def test_titles_joined_by_and_before_a_subject_name_belong_to_it():
    text = (
        "Former judge and Lake County Sheriff Ann Cole trashed the plan on Monday, calling it a “giveaway” to "
        "developers.\n"
    )
    [quote] = extract_quotes(text)
    assert quote.speaker == "Ann Cole"


@pytest.mark.parametrize(
    ("sentence", "speakers"),
    [
        (
            "Cole refers to the mayor as “Mr. Lane,” while Lane refers to the senator as “my old friend.”",
            ["Ann Cole", "Bob Lane"],
        ),
        ("Cole said that Lane was “a total lightweight,” while Ray Moss is “a liar.”", ["Ann Cole", "Ann Cole"]),
    ],
)
def test_clause_opening_with_while_right_after_a_quote_has_a_speaker_of_its_own(sentence, speakers):
    text = f"Ann Cole and Bob Lane met on Monday.\n\n{sentence}\n"
    assert [q.speaker for q in extract_quotes(text)] == speakers


def test_indefinite_subject_of_a_speaking_participle_is_not_an_opening_phrase():
    text = (
        "Bob Lane spoke on Monday.\n\n"
        "A spokesman for the union tried to play down Lane’s comments, saying they were “no big deal.”\n"
    )
    [quote] = extract_quotes(text)
    assert (quote.speaker, quote.mention) == (None, "A spokesman")


@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        ("“It happens, right?” Lane went on, as if he had not heard her.", "Bob Lane"),
        ("“It happens, right?” The meeting went on to other business.", "Ann Cole"),
    ],
)
def test_went_on_ending_its_clause_means_went_on_speaking(paragraph, speaker):
    text = f"Ann Cole and Bob Lane met on Monday.\n\n“Can it happen?” Cole asked.\n\n{paragraph}\n"
    assert extract_quotes(text)[-1].speaker == speaker


def test_began_with_an_object_is_not_a_speech_verb():
    text = (
        "Ann Cole, a former secretary of State, spoke to the union on Monday.\n\n"
        "The former secretary of State began her speech to the Harbor Workers Union by slamming rivals who think "
        "they can “wish away” the deficit.\n"
    )
    [quote] = extract_quotes(text)
    assert quote.speaker == "Ann Cole"


def test_dateline_place_is_not_what_a_later_it_means():
    text = "PORTLAND, Maine — Ann Cole held up a sign at the rally on Monday.\n\n“I am still here,” it read.\n"
    [quote] = extract_quotes(text)
    assert quote.speaker is None


def test_wire_credit_of_a_dateline_is_not_what_a_later_office_means():
    text = "BOSTON (AP) — Agents arrested 20 people on Monday.\n\n“We were not told,” the office said.\n"
    [quote] = extract_quotes(text)
    assert (quote.speaker, quote.mention) == (None, "the office")


def test_a_possessive_leader_names_the_body_not_the_latest_body_with_its_head():
    text = (
        "The Boston Police Department was not involved.\n\n"
        "Gov. Maura Healey spoke on Monday. Healey's office said state police “do not enforce civil immigration "
        "law.”\n"
    )
    [quote] = extract_quotes(text)
    assert (quote.speaker, quote.speaker_kind) == ("Maura Healey office", "organization")


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Cole is winning applause as she keeps talking about the “power of we.”", "Ann Cole"),
        (
            "Lane spent Monday on the farms, and he has long used that fact to taunt rivals for “not campaigning.”",
            "Bob Lane",
        ),
        ("Lane called the plan a “giveaway” after she praised its “fair deal” for farmers.", "Ann Cole"),
    ],
)
def test_pronoun_heading_the_clause_a_quote_is_in_is_the_mention_reported(sentence, speaker):
    text = f"Ann Cole and Bob Lane met on Monday.\n\n{sentence}\n"
    quote = extract_quotes(text)[-1]
    assert (quote.speaker, quote.mention) == (speaker, "she" if speaker == "Ann Cole" else "he")


def test_naming_verb_after_an_object_description_names_a_thing():
    text = (
        "Ann Cole answered her critics on Sunday.\n\n"
        "Later on Sunday, Cole shared a syllabus for a 2002 psychology class called “Perception” on her website, "
        "writing “Here is the class you claim never existed.”\n"
    )
    assert [(q.speaker, q.mention) for q in extract_quotes(text)] == [("Ann Cole", "Cole")] * 2


@pytest.mark.parametrize(
    ("sentence", "mention"),
    [
        ("Nine of 10 voters were worried about prices; most said they were “very worried.”", "most"),
        ("Half said they were “very worried” about prices.", "Half"),
    ],
)
def test_share_of_people_polled_is_the_subject_not_the_pronoun_after_its_verb(sentence, mention):
    text = f"The poll asked voters about the economy.\n\n{sentence}\n"
    [quote] = extract_quotes(text)
    assert (quote.speaker, quote.mention) == (None, mention)


def test_pledged_is_a_speech_verb():
    text = (
        "Ann Cole and Bob Lane met on Monday.\n\n"
        "And in a turn that called to mind, for some, Gov. Ray Moss’s famous refrain, Lane pledged to oppose the "
        "levy “today, tomorrow, forever.”\n"
    )
    assert [q.speaker for q in extract_quotes(text)] == ["Bob Lane"]


def test_place_of_several_capitalised_words_between_subject_and_verb():
    text = (
        "The memo leaked on Monday.\n\nDemocrats on Capitol Hill seized on the memo, arguing that it showed “intent.”\n"
    )
    [quote] = extract_quotes(text)
    assert quote.speaker == "Democrats"


def test_body_named_by_lower_case_words_after_the_is_a_subject():
    text = (
        "Ann Cole applied to lead the port.\n\n"
        "The commission saw Cole as the “perfect driver” to speed the port into the new century.\n"
    )
    [quote] = extract_quotes(text)
    assert quote.mention == "The commission"


def test_body_named_by_two_lower_case_words_after_the_is_a_subject():
    text = (
        "The Fact Desk rated it “True.” The news service pointed to a finding that staff was short “despite "
        "repeated requests” from the embassy.\n"
    )
    assert extract_quotes(text)[-1].mention == "The news service"


def test_definite_subject_keeps_its_verb_past_a_time_phrase():
    text = (
        "Ann Cole spoke on Monday.\n\n"
        "The Lane campaign on Monday also doubled down on its attacks on Cole, saying she is experienced “on "
        "paper” but weak.\n"
    )
    [quote] = extract_quotes(text)
    assert (quote.speaker, quote.mention) == ("Lane campaign", "The Lane campaign")


def test_definite_subject_keeps_its_verb_past_a_phrase_of_occasion_set_off_by_commas():
    text = (
        "Ann Cole answered questions on Monday.\n\n"
        "The Cole campaign, in a Q&A on the email dispute, worded it more carefully: “Her practice was to email "
        "officials on their work accounts.”\n"
    )
    [quote] = extract_quotes(text)
    assert (quote.speaker, quote.mention) == ("Cole campaign", "The Cole campaign")


def test_person_of_a_body_named_after_of_the_speaks_and_he_means_the_person():
    text = (
        "Archbishop Ray Moss of the Harbor Patriarchate told reporters, “We have suffered the same fate.” He "
        "added, “We will not forget.”\n"
    )
    assert [(q.speaker, q.title) for q in extract_quotes(text)] == [("Ray Moss", "Archbishop")] * 2


def test_headline_in_capitals_is_not_a_name():
    text = (
        "HARBOR CREWS REFUSE TO STAY IN PORT HOSTEL The crew cited “blocked toilets, leaking pipes and exposed "
        "wiring.”\n"
    )
    [quote] = extract_quotes(text)
    assert (quote.speaker, quote.mention) == (None, None)


def test_person_prompted_to_act_does_what_follows():
    text = (
        "Ann Cole and Bob Lane debated on Monday.\n\n"
        "Cole coached Lane to “breathe, breathe.” That prompted Ray Moss to make a joke about yoga and call "
        "Lane “very flexible.”\n"
    )
    assert [q.speaker for q in extract_quotes(text)] == ["Ann Cole", "Ray Moss"]


def test_lower_case_title_phrase_between_quote_and_name_belongs_to_the_speaker():
    text = '"I have never been prouder," former State policy planning director Ann Cole wrote to the mayor.\n'
    [quote] = extract_quotes(text)
    assert quote.speaker == "Ann Cole"


@pytest.mark.parametrize(
    ("sentence", "mention"),
    [
        (
            '"The facts have not changed," a spokesman for committee Democrats said.',
            "a spokesman for committee Democrats",
        ),
        ('"The facts have not changed," officials at the agency said.', "officials at the agency"),
    ],
)
def test_unnamed_source_for_a_body_after_a_preposition(sentence, mention):
    [quote] = extract_quotes(f"{sentence}\n")
    assert (quote.speaker, quote.mention) == (None, mention)


def test_the_two_before_a_speech_verb_are_who_speak():
    text = "Two senators sent a letter.\n\n“You have picked a new standard,” the two write.\n"
    [quote] = extract_quotes(text)
    assert quote.mention == "the two"


@pytest.mark.parametrize(
    ("sentence", "mention"),
    [
        ("(Lane’s spokeswoman challenged the claim that Lane had ever “attacked” Cole.)", "Lane’s spokeswoman"),
        ("There were sharper jabs, such as when Cole knocked Lane on trade and called him a “moderate.”", "Cole"),
    ],
)
def test_challenged_and_knocked_report_what_the_speaker_said(sentence, mention):
    text = f"Ann Cole and Bob Lane met on Monday.\n\n{sentence}\n"
    [quote] = extract_quotes(text)
    assert quote.mention == mention


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Twenty years ago, a Harbor Times article hailed Cole as “The Comeback Kid” for her work.", "Harbor Times"),
        (
            "But as Cole denounced the tax and pledged to fight “knife-wielding bureaucrats,” the crowd cheered.",
            "Ann Cole",
        ),
    ],
)
def test_hailed_and_denounced_report_what_the_speaker_said(sentence, speaker):
    text = f"Ann Cole spoke on Monday.\n\n{sentence}\n"
    [quote] = extract_quotes(text)
    assert quote.speaker == speaker


def test_fired_back_is_a_speech_cue():
    text = (
        "Bob Lane mocked the campaign on Monday.\n\n"
        "Ann Cole fired back: “As a guardian of the party,” she wrote, “we know you are rooting for us too.”\n"
    )
    assert [q.mention for q in extract_quotes(text)] == ["Ann Cole", "Ann Cole"]


@pytest.mark.parametrize(
    ("sentence", "speaker", "mention"),
    [
        ("“Harbor Blues” was written by Ray Moss after the 1999 strike.", "Ray Moss", "Ray Moss"),
        ("The town, called the “Crossroads of the Coast” by the residents, votes early.", None, "the residents"),
        ("Cole said the “ugliness of the remarks” by Lane stood out.", "Ann Cole", "Cole"),
        (
            "Cole visited the prison, dubbed the “Harbor Hilton” by American sailors held there.",
            None,
            "American sailors",
        ),
    ],
)
def test_agent_of_a_passive_naming_or_writing_verb_said_the_quote(sentence, speaker, mention):
    text = f"Ann Cole and Bob Lane met on Monday.\n\n{sentence}\n"
    [quote] = extract_quotes(text)
    assert (quote.speaker, quote.mention) == (speaker, mention)


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "Lane called Cole a “disgrace” after she attacked the police and blamed the shootings on “implicit bias.”",
            "Ann Cole",
        ),
        ("Lane blamed the media for making an issue of Cole’s claim that the plan was “dead.”", "Ann Cole"),
    ],
)
def test_blamed_on_reports_words_but_blamed_for_does_not(sentence, speaker):
    text = f"Ann Cole and Bob Lane met on Monday.\n\n{sentence}\n"
    assert extract_quotes(text)[-1].speaker == speaker


def test_headline_of_a_linked_story_with_its_byline_is_not_a_statement():
    text = (
        "SHORT READS:\n\n"
        '—"A harbor artist gets a gallery show," by the Harbor Post\'s Ann Cole: http://example.com/a.\n\n'
        "Bob Lane said the show was “a triumph.”\n"
    )
    assert [q.text for q in extract_quotes(text)] == ["a triumph."]


def test_productions_and_records_end_the_names_of_companies():
    text = (
        "A report by E! News said the deal was done. Harbor Lane Productions denied it.\n\n"
        "“At no time did we agree to it,” the production company said.\n"
    )
    [quote] = extract_quotes(text)
    assert quote.speaker == "Harbor Lane Productions"


def test_age_before_a_name_after_the_verb_is_not_the_speaker():
    text = '"I was unable to stand," wrote 43-year-old Ann Cole of Aberdeenshire, Scotland, in a case study.\n'
    [quote] = extract_quotes(text)
    assert quote.speaker == "Ann Cole"


def test_comments_after_a_quote_is_a_speech_verb():
    text = "“We're truly excited about the tour,” comments Ann Cole in a statement, “as it celebrates our history.”\n"
    assert [q.speaker for q in extract_quotes(text)] == ["Ann Cole", "Ann Cole"]


def test_surname_that_is_also_a_title_word_after_the_verb_is_a_name():
    text = '"As a general matter, tariffs are a tax," said Lawrence White, a professor at the Stern School.\n'
    [quote] = extract_quotes(text)
    assert (quote.speaker, quote.title) == ("Lawrence White", "professor at the Stern School")


def test_titles_joined_by_and_between_a_quote_and_the_name_after_it():
    text = '"We found the next best thing," lead researcher and NASA planetary scientist Ann Cole said.\n'
    [quote] = extract_quotes(text)
    assert quote.speaker == "Ann Cole"


def test_subject_of_what_was_said_after_the_verb_is_not_the_speaker():
    text = 'The United Nations High Commissioner for Human Rights said the US decision did "not modify the law".\n'
    [quote] = extract_quotes(text)
    assert quote.mention == "The United Nations High Commissioner"


@pytest.mark.parametrize(
    ("sentence", "mention"),
    [
        ("One Harbor Fund ad, which is airing this week, argues that “only Cole can win.”", "One Harbor Fund ad"),
        ("The spokesman, who joined the campaign in May, said it was “a fair deal.”", "The spokesman"),
    ],
)
def test_description_before_a_relative_clause_set_off_by_commas_speaks(sentence, mention):
    text = f"Ann Cole spoke on Monday.\n\n{sentence}\n"
    [quote] = extract_quotes(text)
    assert quote.mention == mention


def test_name_modifying_a_campaign_is_not_what_he_means():
    text = (
        "Donald Trump led the polls in October.\n\n"
        "Steve Adler, the firm's owner, said the Trump campaign has yet to follow up, though he contended his"
        " services “would be the perfect system.”\n"
    )
    [quote] = extract_quotes(text)
    assert (quote.speaker, quote.mention) == ("Steve Adler", "he")


@pytest.mark.parametrize(
    ("sentence", "mention"),
    [
        ("They met a lawyer who said “the filing was late.”", "who"),
        ("A jury heard from critics that said “the filing was late.”", "that"),
        ("The city issued a statement that said, “The filing was late.”", "The city"),
    ],
)
def test_relative_clause_after_a_noun_speaks_for_the_noun(sentence, mention):
    [quote] = extract_quotes(sentence + "\n")
    assert quote.mention == mention


def test_web_address_ends_its_sentence():
    text = 'It is hard to say, said Ann Cole, editor of Mic.com. "We compete for attention," she said.\n'
    [quote] = extract_quotes(text)
    assert (quote.mention, quote.title) == ("she", "editor of Mic.com")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("“We are shocked,” AT&T said in a statement.\n", "AT&T"),
        ("“We are shocked,” said Procter & Gamble.\n", "Procter & Gamble"),
        ("Procter & Gamble said: “We are shocked.”\n", "Procter & Gamble"),
    ],
)
def test_ampersand_joins_a_company_name(text, speaker):
    [quote] = extract_quotes(text)
    assert (quote.speaker, quote.mention, quote.speaker_kind) == (speaker, speaker, "organization")


def test_company_with_an_ampersand_is_not_what_she_means():
    text = (
        '"It will be open," said Ann Cole, the press secretary. AT&T just finished laying fiber downtown,'
        ' she said, "and more."\n'
    )
    assert [q.speaker for q in extract_quotes(text)] == ["Ann Cole", "Ann Cole"]


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("“Rubio is in a battle,” added another New Hampshire Republican.\n", "another New Hampshire Republican"),
        ("“She is too far behind,” said an Iowa Democrat.\n", "an Iowa Democrat"),
        ("One Iowa Democrat said: “She is too far behind.”\n", "One Iowa Democrat"),
    ],
)
def test_party_member_from_a_place_is_an_unnamed_source(text, mention):
    [quote] = extract_quotes(text)
    assert (quote.speaker, quote.mention) == (None, mention)


def test_party_after_a_place_is_not_part_of_the_name():
    text = "House Intelligence Republican Ann Cole agreed. “Some of it is not about articles,” Cole said.\n"
    [quote] = extract_quotes(text)
    assert (quote.speaker, quote.title) == ("Ann Cole", "Republican")


@pytest.mark.parametrize(
    ("text", "speaker", "title"),
    [
        ('"I cannot vote for Trump," said Concord resident Ann Cole.\n', "Ann Cole", "Concord resident"),
        ('"Does that fly?" wrote CBS moderator Ann Cole.\n', "Ann Cole", "CBS moderator"),
    ],
)
def test_capitalised_word_describing_the_name_after_the_verb(text, speaker, title):
    [quote] = extract_quotes(text)
    assert (quote.speaker, quote.title) == (speaker, title)


def test_place_after_from_in_a_description_is_not_the_speaker():
    text = 'Ann Cole spoke first.\n\nThe senator from Vermont said the financial system was "corrupt."\n'
    [quote] = extract_quotes(text)
    assert (quote.speaker, quote.mention) == ("Ann Cole", "The senator")


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ('"We do not have freedom," said a German diplomat.\n', "a German diplomat"),
        ('"Hillary does not care," wrote one Sanders supporter.\n', "one Sanders supporter"),
        ('"It is working," said one Syrian refugee living in Berlin.\n', "one Syrian refugee"),
    ],
)
def test_capitalised_words_describing_an_unnamed_source_after_the_verb(text, mention):
    [quote] = extract_quotes("Bernie Sanders spoke on Monday.\n\n" + text)
    assert (quote.speaker, quote.mention) == (None, mention)


def test_place_set_off_by_commas_after_in_is_not_the_speaker():
    text = 'Ann Cole spoke.\n\nA woman in Worcester, Massachusetts, told her she worries she is "too nice."\n'
    [quote] = extract_quotes(text)
    assert (quote.speaker, quote.mention) == (None, "A woman")


@pytest.mark.parametrize(
    "sentence",
    [
        'Another Muslim who worshiped at the center said he heard him talk of "immorality" there.',
        "Another Muslim who worshiped at the center and who didn't want to be named said he heard him talk of"
        ' "immorality" there.',
    ],
)
def test_capitalised_word_after_an_indefinite_determiner_is_no_name(sentence):
    [quote] = extract_quotes(f"Omar Cole spoke.\n\n{sentence}\n")
    assert (quote.speaker, quote.mention) == (None, "Another Muslim")


def test_document_by_a_named_author_speaks_for_the_author():
    text = (
        "Ann Cole of the University of North Carolina studies local news.\n\n"
        "According to a 2018 survey by Ann Cole, the firm's practice is to “consolidate copy editing” at a center.\n"
    )
    [quote] = extract_quotes(text)
    assert quote.speaker == "Ann Cole"


def test_appositive_title_ends_where_a_clause_begins():
    text = (
        "Ann Cole, a former Secret Service agent for President Bill Clinton has written a book.\n\n"
        "“She was everyone's best friend,” Cole wrote.\n"
    )
    [quote] = extract_quotes(text)
    assert quote.title == "former Secret Service agent for President Bill Clinton"


def test_closing_with_phrase_sets_its_subject_speaking():
    text = (
        "The campaign has denied it happened, with Ann Cole taking to Twitter to call the reporter"
        " “totally delusional” for the accusation.\n"
    )
    [quote] = extract_quotes(text)
    assert (quote.speaker, quote.mention) == ("Ann Cole", "Ann Cole")


def test_content_of_someones_statement_is_theirs():
    text = (
        "Hillary Clinton kept her emails.\n\n"
        'In a statement, Judicial Watch President Ann Cole called Clinton\'s assertion of a "claim of right"'
        ' over the emails "significant and disturbing."\n'
    )
    first, second = extract_quotes(text)
    assert (first.speaker, first.mention) == ("Hillary Clinton", "Clinton")
    assert (second.speaker, second.mention) == ("Ann Cole", "Ann Cole")
    assert first.statement != second.statement


def test_double_hyphen_sets_off_an_aside_like_a_dash():
    text = 'Ann Cole -- mentioned by Newsmax as the leading choice -- told reporters the plan "offered no changes."\n'
    [quote] = extract_quotes(text)
    assert (quote.speaker, quote.mention) == ("Ann Cole", "Ann Cole")


def test_name_in_dashes_after_a_description_speaks():
    text = (
        "Republicans reacted on Sunday.\n\n"
        "A former Republican presidential candidate — Ann Cole, who lost the 2008 election — said the plan"
        ' "offered no changes."\n'
    )
    [quote] = extract_quotes(text)
    assert (quote.speaker, quote.mention) == ("Ann Cole", "Ann Cole")


def test_possessive_description_never_means_its_owner():
    text = (
        "Ann Cole was sentenced on Friday.\n\n"
        'Cole\'s public defense counsel asked for three years, calling the hacking "an addiction of sorts."\n'
    )
    [quote] = extract_quotes(text)
    assert (quote.speaker, quote.title) == (None, "public defense counsel")


def test_a_people_is_no_named_speaker():
    text = "The vast majority of Americans say they prefer lower prices to items labeled “Made in the U.S.A.” here.\n"
    [quote] = extract_quotes(text)
    assert (quote.speaker, quote.mention) == (None, "Americans")


@pytest.mark.parametrize(
    ("opening", "title"),
    [
        # The age set off before the title.
        ("Ana Ruiz, 34, a plaintiff in the lawsuit, said the county was wrong.", "plaintiff in the lawsuit"),
        # A possessive employer opening the title.
        (
            "Tom Vega, Acme’s regional communications director, said the plan was sound.",
            "Acme’s regional communications director",
        ),
        # The title's head late in a phrase closed by a comma.
        (
            "Lee Park, a State University political science professor, said the data was clear.",
            "State University political science professor",
        ),
    ],
)
def test_appositive_titles_news_writing_sets_off_after_a_name(opening, title):
    surname = opening.split(",")[0].split()[-1]
    [q] = extract_quotes(f"{opening} “We will see,” {surname} said.\n")
    assert (q.speaker, q.title) == (opening.split(",")[0], title)


def test_a_run_read_again_elsewhere_stands_where_it_is_printed():
    # parse_run keeps what it read of a run; the same words elsewhere must come back at their own offsets,
    # and a nickname is looked for in the whole text each time.
    first = "Acting ICE Director Todd Lyons said it."
    second = "Later on Monday, Acting ICE Director Todd Lyons said it again."
    mentions = []
    for text in (first, second, second):
        start = text.index("Acting")
        tokens = tokenize(text, start, text.index(" said"))
        mentions.append(parse_run(tokens, text))
    assert [(m.start, m.end, m.name, m.title) for m in mentions if m is not None] == [
        (20, 30, "Todd Lyons", "Acting ICE Director"),
        (37, 47, "Todd Lyons", "Acting ICE Director"),
        (37, 47, "Todd Lyons", "Acting ICE Director"),
    ]
    for text, name in (
        ('Robert C. "Bobby" Scott said it. Bobby Scott left.', "Bobby Scott"),
        ('Robert C. "Bobby" Scott said it.', "Robert C. Scott"),
    ):
        tokens = tokenize(text, 0, text.index(" said"))
        mention = parse_run(tokens, text)
        assert mention is not None and mention.name == name
    # Read without its text (as an appositive's lead is), a run is not kept for another run's words.
    lone = [parse_run(tokenize(words, 0, len(words)), "") for words in ("Mayor Ann Vale", "Chief Tom Reed")]
    assert [m.name for m in lone if m is not None] == ["Ann Vale", "Tom Reed"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aZs .,'’\"“”-—\n\t\u00a0\u0301\u2028Y9&é…")), max_size=60), st.data())
def test_tokens_stand_where_they_are_printed(text, data):
    # The tokenizer works out offsets from lengths: each token must be the text at its offsets, in order,
    # with nothing but spaces between two tokens.
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    tokens = tokenize(text, start, end)
    position = start
    for t in tokens:
        assert start <= position <= t.start < t.end <= end
        assert text[t.start : t.end] == t.text and not text[position : t.start].strip()
        position = t.end
    assert not text[position:end].strip()
