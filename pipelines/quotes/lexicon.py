"""Every word list the quote engine reads, in one place: speech verbs, titles, organisation words, name
particles, stop words, the words that open and join clauses, quote marks and dashes.

Each list says why it exists and what it holds; the code only loops over them (and over the cue table in
cue_rules.py), so a list can grow without touching the parser. The lists read by one module only are grouped
under that module's name.
"""

SPEECH_VERBS = frozenset(
    """
    said says say saying told tells tell added adds wrote writes asked asks explained explains noted notes
    stated states declared declares argued argues insisted insists continued continues recalled recalls
    remarked replied replies responded responds tweeted tweets posted posts warned warns acknowledged
    acknowledges admitted admits announced announces claimed claims complained complains conceded concedes
    cautioned cautions observed joked jokes quipped quips countered counters suggested suggests testified
    urged urges emphasized emphasizes emphasised stressed stresses shouted yelled screamed chanted predicted
    predicts promised promises pledged pledges vowed vows boasted boasts maintained maintains contended contends
    reiterated reiterates concluded concludes lamented laments mused pleaded pleads charged charges reported reports
    wondered wonders agreed agrees recounted recounts read reads began begins ended opined opines
    confirmed confirms denied denies interjected exclaimed demanded demands proclaimed proclaims
    assured assures retorted fumed scoffed sighed whispered blasted thundered texted emailed answered
    answers affirmed affirms alleged alleges described describes describing called calls calling dubbed dubs
    labeled labelled labels branded brands termed terms beamed gushed snapped barked marveled groused grumbled
    griped chided mocked teased reasoned hinted protested objected rebutted asserted asserts surmised bemoaned
    decried speculated advised implored begged reminded reacted questioned riffed scolded ranted lectured
    praised praises accused accuses slammed slams referenced rated remembered confessed retaliated echoed
    argue insist warn write explain contend agree suggest complain predict urge commented comments elaborated
    asking adding writing telling noting arguing insisting explaining warning tweeting claiming declaring
    stating complaining urging stressing predicting promising vowing boasting suggesting joking answering
    replying responding recalling acknowledging admitting announcing referencing yelling shouting screaming
    chanting ruled challenged knocked hailed denounced ripped pronounced revealed blamed blames
    """.split()
)

# Words naming a party's members: "one senior Democrat said".
PARTY_MEMBERS = frozenset({"democrat", "republican", "democrats", "republicans"})
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())

# Speech verbs whose subject asks: the answer that follows is the other person's.
QUESTION_VERBS = frozenset({"ask", "asks", "asked", "questioned", "pressed", "queried"})

# Nouns for what someone said; "Trump's claim that ..." gives the words to Trump.
SPEECH_NOUNS = frozenset(
    """
    claim claims statement statements comment comments remark remarks words tweet tweets assertion
    assertions prediction promise pledge description references reference accusation accusations warning
    argument suggestion response message vow boast insistence characterization missive letter
    """.split()
)

PRONOUNS = {
    "he": "m",
    "she": "f",
    "they": "p",
    "it": "n",
    "i": "p",
    "we": "p",
}

# Lower-case words that may sit between a subject and its verb ("Trump also said", "she has said").
ADVERBS = frozenset(
    """
    also later then previously once recently earlier again simply just further quickly frequently often
    repeatedly has had have would will was is reportedly subsequently separately privately publicly
    herself himself themselves itself bluntly flatly angrily quietly softly calmly firmly only still even
    already immediately initially originally somehow could should can cannot may might must
    """.split()
)

DETERMINERS = frozenset(
    "a an the his her their its one two three another several some many other both this that these those".split()
)
POSSESSIVE_PRONOUNS = frozenset({"his", "her", "their", "its", "my", "our", "your"})

# Heads of titles; a capitalised run ending in one of these is a title, not a name.
TITLE_HEADS = frozenset(
    """
    mayor governor gov senator sen rep representative congressman congresswoman congressmember president
    attorney sheriff supervisor supervisors secretary spokesman spokeswoman spokesperson director chairman
    chairwoman chair chairperson leader nominee candidate commissioner councilmember councilman councilwoman
    member judge justice officer official pollster strategist adviser advisor aide manager ceo professor
    analyst lawyer speaker general chief executive founder economist administrator deputy inspector
    superintendent captain lieutenant lt sgt sergeant detective det agent minister ambassador clerk
    treasurer controller comptroller assemblymember assemblyman assemblywoman lawmaker legislator
    delegate activist organizer organiser advocate researcher scientist historian author editor
    correspondent reporter columnist anchor host chancellor provost dean pastor reverend rev bishop
    cardinal archbishop pope rabbi imam counsel prosecutor defender coordinator surrogate operative consultant
    vice-president vp commander mate contender front-runner frontrunner hopeful challenger incumbent premier czar
    head boss scholar fellow partner dissident
    associate physician doctor surgeon expert specialist commentator owner veteran actor actress donor singer
    rapper comedian musician filmmaker producer novelist entrepreneur investor philanthropist narrator announcer
    ombudsman warden magistrate solicitor councillor trooper chaplain
    lady journalist alderman alderwoman whip speechwriter pundit opponent rival co-anchor co-host co-founder
    freeholder committeeman committeewoman selectman selectwoman trustee lobbyist contributor publisher auditor
    marshal constable envoy admiral colonel investigator cfo coo
    """.split()
)

# Words that modify a title head to their right ("City Attorney", "Police Chief", "Vice President").
TITLE_MODIFIERS = frozenset(
    """
    city council district police vice press deputy acting assistant former chief senior general executive state
    county interim associate special presidential vice-presidential republican democratic democrat gop
    federal national border homeland security immigration top campaign senate house majority minority
    white u.s. us lead principal managing communications policy political legal foreign domestic
    public defense defence health labor justice transportation energy education commerce treasury
    interior agriculture veterans housing field regional longtime party elected appointed incoming
    outgoing retired current first ranking
    """.split()
)

HONORIFICS = {
    "mr": "m",
    "mrs": "f",
    "ms": "f",
    "miss": "f",
    "dr": "",
    "prof": "",
    "sir": "m",
    "dame": "f",
}

# Capitalised words that start sentences or name times, never people.
NON_NAME_CAPS = frozenset(
    """
    the a an in on at but and or if when while after before as asked speaking according during since still
    yet so meanwhile however earlier later last this that these those then there here it he she they we i
    his her their our my your what why how who where which because although though despite with without
    for from to of by about into over under between among against through across among also even only
    now today tonight yesterday tomorrow monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november december jan feb mar
    apr jun jul aug sep sept oct nov dec mr mrs ms dr no yes not all every each both some many most
    more less several other another such than like unlike instead once whether until unless upon within
    writing reporting additional contributing related read watch see photo video update rival
    perhaps maybe indeed likewise similarly ultimately finally minutes hours days weeks months years moments
    decades amid amidst throughout toward towards beyond besides enter alongside outside inside behind beside
    somewhere anywhere elsewhere everywhere therefore thus hence consequently nevertheless nonetheless moreover
    furthermore otherwise accordingly near around ahead atop aboard above below regarding concerning
    following including via
    is are was were do does did has have had can could should would
    one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen
    seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred
    """.split()
)

# Last words of names of things, not bodies: a law or an event says nothing ("the Medical Leave Act").
UNSPEAKING_ORG_HEADS = frozenset("act amendment treaty accord debates convention summit conference".split())
# Words of the names of newspapers, magazines and networks ("The Des Moines Register", "CNN"), which "the
# newspaper", "the network" or "the editorial board" later means.
PUBLICATION_WORDS = frozenset(
    """
    times post journal news press reuters network cnn nbc abc cbs fox msnbc npr ap afp bbc guardian tribune
    herald chronicle gazette magazine daily weekly review observer examiner inquirer register star sun globe
    mail telegraph economist politico breitbart axios bloomberg
    """.split()
)
# Heads of descriptions that stand for the publication an article names: "the newspaper said", "the
# paper's editorial board wrote", "the editors wrote" (and "editorial board", two words).
PUBLICATION_HEADS = frozenset("newspaper paper publication outlet magazine network editors".split())
ORG_WORDS = (
    frozenset(
        """
        department dept office committee campaign party house senate council board agency administration
        association union institute center centre foundation coalition commission bureau service services
        police group university college court congress inc corp corporation company co bank fund project
        alliance organization organisation church club team ministry government city county state states
        republicans democrats gop fbi ice dhs cbp doj record report poll survey school schools clinic hospital
        authority district caucus federation firm llc ltd plc circuit watch society league forum initiative
        partnership immigration customs enforcement protection security affairs health human reserve studios
        studio equities holdings capital labs entertainment pictures productions records charities charity
        ministries
        """.split()
    )
    | UNSPEAKING_ORG_HEADS
    | PUBLICATION_WORDS
)

# Lower-case heads that make a description an unnamed source ("a spokesperson", "officials").
UNNAMED_HEADS = frozenset(
    """
    spokesman spokeswoman spokesperson official officials source sources aide aides person people
    adviser advisers advisor advisors staffer staffers statement release memo report witness witnesses
    resident residents officer officers agent agents lawyer lawyers attorney attorneys representative
    representatives member members supporter supporters critic critics protester protesters
    teachers parents students voters workers analysts experts doctors nurses activists organizers
    """.split()
)

# Nouns for a person described rather than named ("the New York businessman", "the Vermont senator"): when
# no titled person in the article matches, such a description means the person the article names most.
PERSON_NOUNS = frozenset(
    """
    businessman businesswoman billionaire mogul tycoon magnate politician congressman congresswoman
    lawmaker legislator governor senator president nominee candidate democrat republican
    """.split()
)

# Title words that name one office, so "the senator" finds "Sen. Bernie Sanders".
TITLE_SYNONYMS = {
    "sen": "senator",
    "gov": "governor",
    "rep": "congressman",
    "representative": "congressman",
    "congresswoman": "congressman",
    "congressmember": "congressman",
    "pres": "president",
    "candidate": "nominee",
    "democrat": "democratic",
    "gop": "republican",
    "spokeswoman": "spokesman",
    "spokesperson": "spokesman",
}

# Organisation heads general enough to stand for any body ("the agency said").
# Documents that "say" things for whoever issued them ("the ruling said", "the IMF report says").
DOCUMENT_NOUNS = frozenset(
    """
    letter memo report statement article ruling book complaint ad clip brief lawsuit filing study survey
    editorial decision order release analysis piece resolution video spot commercial message email tweet website
    """.split()
)
# Documents that are one kind of thing under several names: "a web video by the RNC ... The clip says",
# "the ACLU filed a lawsuit ... The complaint says".
SAME_DOCUMENTS = (frozenset("ad clip video spot commercial".split()), frozenset("lawsuit complaint filing".split()))
# Verbs by which someone puts a document out, for a later "the report said": "the Federal Reserve on Tuesday
# released its monetary policy report", "Sanders is releasing a new 30-second ad" ("put out" too).
ISSUING_VERBS = frozenset(
    """
    issued issues issuing released releases releasing published publishes publishing sent sends sending
    filed files filing unveiled unveils unveiling posted posts posting aired airs airing launched launches
    launching circulated circulates signed signs
    """.split()
)
# Words between the one who issues a document and the verb: "Sanders is releasing", "the agency has issued".
ISSUING_AUXILIARIES = frozenset("is was are were has have had also just".split())
# Participles naming who put a document out after it: "a separate statement issued by the Sanders campaign".
ISSUED_BY = frozenset("issued released published sent filed signed written posted produced sponsored".split())
# Past participles without "-ed" that open a phrase set off after a subject: "The memo, written by aides, says".
IRREGULAR_PARTICIPLES = frozenset("written sent made seen given held known taken brought led begun shown".split())
# Verbs that are putting out a document of one kind, whose noun a later mention uses: "Abedin emailed
# supporters ... The email goes on to say", "the ACLU sued the county ... The complaint says".
DOCUMENT_VERBS = {"emailed": "email", "tweeted": "tweet", "sued": "lawsuit"}

# Bodies a named person leads, printed with the person's possessive ("Trump's campaign").
LED_BODIES = frozenset({"campaign", "administration", "office", "team", "camp", "staff"})

GENERIC_ORG_HEADS = frozenset(
    "agency group organization organisation company firm body office department union".split()
)
# Words of the names of the bodies a generic head is most likely to mean, so that "the agency said" after
# "Immigration and Customs Enforcement detained a Columbia University student" is ICE, not the university.
_GOVERNMENT_WORDS = frozenset(
    """
    department dept agency bureau administration service commission enforcement customs patrol police office
    ministry authority protection security fbi ice dhs cbp doj
    """.split()
)
_FIRM_WORDS = frozenset("inc corp corporation company co llc ltd plc firm holdings capital".split())
GENERIC_HEAD_BODIES = {
    "agency": _GOVERNMENT_WORDS,
    "department": _GOVERNMENT_WORDS,
    "office": _GOVERNMENT_WORDS,
    "company": _FIRM_WORDS,
    "firm": _FIRM_WORDS,
    "union": frozenset({"union", "federation"}),
}

# Paragraphs that are page chrome, not article prose.
CHROME_PREFIXES = ("MORE:", "READ MORE", "RELATED:", "WATCH:", "SEE ALSO", "ALSO READ", "READ:", "LISTEN:")

# Abbreviations that end with a period without ending the sentence.
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr sen rep gov lt gen sgt det st jr sr prof rev col capt maj cmdr adm pres supt insp del sens reps ald
    jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k d.c inc corp co no vs etc
    """.split()
)

# Abbreviated places and agencies as news writes them, and what they stand for.
EXPANSIONS = {
    "SF": "San Francisco",
    "S.F.": "San Francisco",
    "LA": "Los Angeles",
    "L.A.": "Los Angeles",
    "NYC": "New York City",
    "SFPD": "San Francisco Police Department",
    "LAPD": "Los Angeles Police Department",
    "NYPD": "New York Police Department",
    "CPD": "Chicago Police Department",
    "OPD": "Oakland Police Department",
    "SJPD": "San Jose Police Department",
    "ICE": "Immigration and Customs Enforcement",
    "DHS": "Department of Homeland Security",
    "CBP": "Customs and Border Protection",
    "DOJ": "Department of Justice",
    "FBI": "Federal Bureau of Investigation",
}

# Plural titles before a list of names ("Sens. Jon Tester and David Vitter"): each holds the singular.
PLURAL_TITLES = {"Sens.": "Sen.", "Reps.": "Rep."}

# Titles as abbreviated before names ("Sen. Jon Tester"); kept as printed in titles.
TITLE_ABBREVIATIONS = frozenset(
    {"sen", "rep", "gov", "lt", "gen", "sgt", "det", "supt", "pres", "rev", "da", "d.a", "del", "sens", "reps"}
    | {"col", "cmdr", "capt", "maj", "adm", "cpl", "pvt", "brig"}
    | {"ald"}  # (AP style for alderman: "Ald. Byron Sigcho-Lopez")
)

# Common given names, for resolving "he" and "she" to the right person. Ambiguous names are left out.
MALE_NAMES = frozenset(
    """
    aaron adam alan albert alex alexander andrew anthony antonio arthur barack ben benjamin bernie bill billy
    bob bobby brad bradley brandon brian bruce bryan carl carlos charles charlie chris christopher chuck clarence
    cory craig dan daniel danny darrell dave david dennis derek dick don donald doug douglas duncan dwight eddie
    edward elijah eric ernest eugene frank fred gabriel gary gavin george gerald glenn gordon greg gregory harold
    harry henry howard ian isaac jack jacob james jason jeb jeff jeffrey jeh jerry jesse jim jimmy joe joel john
    johnny jon jonathan jose joseph josh joshua juan justin keith ken kenneth kevin kyle larry lawrence lee
    louis luis marco mark martin matt matthew michael mike mitch mitt nathan newt nicholas nick noah oscar
    patrick paul peter phil philip ralph randy raymond reince rex richard rick rob robert roger ron ronald roy
    rudy russell ryan sam samuel scott sean sergio seth shamann stephen steve steven ted thomas tim
    timothy todd tom tony travis tyler victor vincent walter wayne william willie zachary bernard chad corey
    curtis dale dean franklin fernando hector jared jerome karl kirk lance lindsey manuel marcus mario marvin
    maxwell miguel neil norman omar pedro rafael reggie reid rodney sheldon stanley stuart ted tobias trey
    """.split()
)
FEMALE_NAMES = frozenset(
    """
    abigail alexandra alice alicia allison amanda amy ana andrea angela ann anna anne barbara betsy betty
    beverly brenda brooke carly carol caroline catherine cathy cheryl christina christine cindy claire
    deborah debbie debra denise diana diane donna doris dorothy elaine eleanor elena elizabeth ellen emily
    emma evelyn frances gabrielle gina gloria grace hannah heather heidi helen hillary hope huma ivanka jackie
    jan jane janet janice jean jennifer jessica jill joan joanne jodi joyce judith judy julia julie karen
    kate katherine kathleen kathryn kathy kayleigh kellyanne kelly kim kimberly kirsten kristi kristen laura
    lauren linda lisa lois loretta lori louise lynn madeleine margaret maria marie marilyn martha mary
    megan melania melanie melissa michelle mildred nancy natalie nicole nikki norma olivia pam pamela patricia
    paula peggy rachel rebecca rita roberta robin rose ruth sally samantha sandra sara sarah sharon shirley
    stephanie susan suzanne tammy teresa theresa tina tulsi valerie victoria virginia wendy yvonne zoe alma
    amelia beth bonnie brittany carmen claudia colleen connie dolores erin eva gwen holly irene jacqueline
    jasmine joy kamala katie leah lillian lucy marcia maxine meghan miriam monica naomi priya
    renee sonia stacey sylvia tamara tanya tara vanessa
    """.split()
)
GIVEN_NAMES = MALE_NAMES | FEMALE_NAMES
# Given names written as two initials without periods, which an acronym ("UN", "AP") never opens a person's
# name with: "JD Vance", "JB Pritzker", "AJ Delgado" (not "DJ", a title: "DJ Beverly Bond").
INITIAL_GIVEN_NAMES = frozenset("aj bj cj jb jd jj jp jt pj rj tj".split())

# Title words that say whether a person is a man or a woman ("9/11 widow Terry Strada").
FEMALE_TITLE_WORDS = frozenset(
    """
    widow mother wife daughter sister grandmother aunt niece mom congresswoman spokeswoman chairwoman
    businesswoman councilwoman assemblywoman congresswomen actress queen princess girlfriend lady
    """.split()
)
MALE_TITLE_WORDS = frozenset(
    """
    widower father husband son brother grandfather uncle nephew dad congressman spokesman chairman
    businessman councilman assemblyman actor king prince boyfriend
    """.split()
)

# First words of place names; a run starting with one is a place, not a person ("North Korea").
# Countries, whose governments speak as bodies ("Japan said"); not those that are also given names.
COUNTRIES = frozenset(
    """
    britain china russia japan germany france mexico canada israel iran iraq syria turkey india pakistan
    afghanistan ukraine cuba venezuela brazil egypt lebanon libya yemen qatar italy spain greece poland
    sweden norway australia vietnam philippines indonesia nigeria kenya ethiopia somalia colombia
    argentina chile peru guatemala honduras nicaragua haiti burma myanmar taiwan
    """.split()
)
PLACE_WORDS = frozenset(
    """
    north south east west northern southern eastern western new united san los las santa fort saint st
    mount lake port great upper lower central
    """.split()
)

# Words that never sit inside a speaker description ("that it was too early to tell").
FUNCTION_WORDS = frozenset(
    """
    is was are were be been being to that it this which who what when whether if not no would could should
    will can may might must has have had do does did and or but than then there here
    """.split()
)
# Words that set one office holder apart from another with the same office: "the Florida senator" is not
# the senator from Vermont, "the Republican nominee" not the Democratic one.
US_STATES = frozenset(
    """
    alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii idaho
    illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota
    mississippi missouri montana nebraska nevada hampshire jersey york carolina dakota ohio oklahoma oregon
    pennsylvania rhode tennessee texas utah vermont virginia wisconsin wyoming
    """.split()
)
# AP-style state abbreviations as tokens read them (lower case, no final period): "Concord, N.H.,".
STATE_ABBREVIATIONS = frozenset(
    """
    ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo mont neb nev
    n.h n.j n.m n.y n.c n.d okla ore pa r.i s.c s.d tenn vt va wash w.va wis wyo d.c
    """.split()
)
PARTIES = frozenset({"republican", "democratic", "libertarian", "green"})


# ---- read by tokens.py

# The marks that may open a nickname, and a nickname in quote marks inside a name: Rep. Robert C. "Bobby"
# Scott, Marcia "Cia" Price.
NICKNAME_OPENERS = frozenset('"\u201c')
APOSTROPHES = frozenset("'’")


# ---- read by segment.py

OPENERS = frozenset('"\u201c\u201e\u00ab')
CLOSERS = frozenset('"\u201d\u00bb')


# ---- read by mentions.py

CONNECTORS = frozenset("of de la le van von der del da di du bin al el ibn dos and for the".split())
POSSESSIVE = ("'s", "’s", "s'", "s’")  # "Trump's", "Sanders’"
# Words naming bodies that are also surnames: "Michael Bloomberg", "Don Guardian" are people.
SURNAME_ORG_WORDS = frozenset({"bloomberg", "guardian"})
NAME_SUFFIXES = frozenset({"II", "III", "IV", "JR", "SR"})
RANKS = frozenset({"acting", "former", "interim", "deputy", "assistant", "retired", "outgoing", "incoming"})
PLACE_CONNECTORS = frozenset({"of", "for", "and", "the"})
PARTY_WORDS = frozenset({"democrat", "republican", "independent", "libertarian"})
# Words joining an unnamed group to whom it belongs: "Supporters of Sanders", "Aides to Clinton".
LINKS = frozenset({"of", "for", "to", "at", "with"})
# Armed services, describing someone before their name: "Marine John Tiegen" (but "Marine Le Pen").
SERVICES = frozenset({"marine", "army", "navy"})
# Capitalised words that stay common words even right before "said".
NOT_SURNAMES = (
    DETERMINERS
    | FUNCTION_WORDS
    | frozenset(PRONOUNS)
    | PARTY_MEMBERS
    | WEEKDAYS
    | frozenset("so yet also as while after before since asked according meanwhile however independent".split())
)


# ---- read by entities.py

# Common Chinese, Korean and Vietnamese family names, which English-language news prints first ("Xi
# Jinping", "Ban Ki-moon", "Nguyen Xuan Phuc"): a later mention by the family name alone ("Xi said") means
# that person. ("He" and "Do" are left out: as words they are everywhere.)
FAMILY_NAMES_FIRST = frozenset(
    """
    wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo gao lin luo zheng liang xie song tang
    han feng deng cao peng zeng xiao tian dong pan yuan cai jiang yu du ye cheng wei su lu ding ren shen yao
    jin fu zhong cui tan xi wen mao qian qin lai kong bai hou shi meng
    kim lee park choi jung jeong kang cho yoon jang lim oh seo shin kwon hwang ahn yoo hong moon ban
    nguyen tran le pham hoang vu dang bui ngo duong
    """.split()
)

# Title words that, in lower case and alone, are mostly common nouns ("the general public", "the host city").
COMMON_NOUN_TITLES = frozenset("general speaker host press member head partner associate fellow owner".split())
RELATIVES = frozenset({"who", "which", "that", "whose", "whom"})
# Words that open a relative clause after a noun phrase, "where" included ("a doctor at the hospital where").
CLAUSE_RELATIVES = RELATIVES | {"where"}
# Prepositions that end a noun phrase ("the architect of ...") or open a phrase of their own ("For China, ...").
NOUN_PHRASE_PREPOSITIONS = frozenset({"of", "at", "for", "in", "with", "to", "from", "on"})
# Verbs after which the description names their subject ("Trump became the nominee"), not someone else.
LINKING_VERBS = frozenset({"became", "remained", "seemed", "appeared", "named", "elected", "crowned"})
TIME_NOUNS = frozenset("day days week weeks month months year years night morning afternoon evening time".split())
SENTENCE_BREAKS = frozenset({".", "!", "?", '"', "“", "”"})
# Verbs no title holds: after a name and a comma they open a clause.
CLAUSE_VERBS = frozenset("is was are were has have had been will would can could".split())
# After an -ing word that opens an appositive, these make it a verb with its object or complement, so the
# phrase says what someone does, not what they are: ", providing a boost to ...", ", vying to be ...",
# ", questioning the Ohio governor's credentials", ", according to a spokesman" (not ", visiting fellow at").
PARTICIPLE_FOLLOWERS = DETERMINERS | POSSESSIVE_PRONOUNS | {"to", "up", "out"}
# The same after an -ed word: ", addressed to fellow conservatives,", ", steered by a former president,".
PAST_PARTICIPLE_FOLLOWERS = PARTICIPLE_FOLLOWERS | {"by", "in", "on", "at", "for", "with", "from"}
# Words opening a subordinate clause. After a quote it only sets the scene ("“...,” when Clinton blasted
# him", read by cue_rules.py); after a name and a comma it is a clause, never a title ("Hillary Clinton, as
# she pursues the nomination, ...").
SUBORDINATORS = frozenset({"when", "as", "while", "after", "before", "because", "since", "until"})
# An appositive opening with one of these is a clause too: "Trump, especially as the mogul creates ...".
APPOSITIVE_CLAUSE_OPENERS = SUBORDINATORS | {"especially", "although", "though", "if", "unless", "whereas"}


# ---- read by attribution.py

SENTENCE_END = frozenset({".", "!", "?"})
CLAUSE_STOP = frozenset({".", "!", "?", ";", ":", "(", ")", '"', "“", "”"})
# Prepositions before a noun in the prose around cues; not "to", which there mostly marks an infinitive.
PREPOSITIONS = frozenset({"for", "of", "at", "with", "from", "in", "on"})
# Before a name that an -ing speech verb follows, these make it an object ("a letter to Lynch asking");
# "with" and "of" do not ("with McCain calling it", "footage of Clinton asking").
OBJECT_PREPOSITIONS = frozenset({"for", "at", "from", "in", "on", "to"})
TITLE_WORDS = TITLE_HEADS | TITLE_MODIFIERS
DESCRIPTIVE = TITLE_WORDS | PERSON_NOUNS
DASHES = frozenset({"―", "—", "–", "-"})
# Long words ending in -ly that are not adverbs.
NOT_ADVERBS = frozenset({"assembly", "monopoly", "anomaly", "butterfly"})
# Words opening a subject the text does not name, or names only through its owner: "A spokesman", "His office".
INDEFINITE_OPENERS = POSSESSIVE_PRONOUNS | {"a", "an", "one"}
# Verbs whose object comes before the quote ("called the system “rotten”"): the speaker is never after.
OBJECT_VERBS = frozenset(
    """
    called calls calling labeled labelled labels branded brands termed terms dubbed dubs described describes
    praised praises accused accuses slammed slams told tells tell
    """.split()
)
# A noun phrase after "said" that one of these follows opens a clause: "said the party is bound to lose".
# Verbs that report speech with "in", "up" or "out" after them: "her husband cut in", "Smith piped up",
# "as Byler pointed out".
PHRASAL_SPEECH_VERBS = frozenset(
    {"cut", "cuts", "chimed", "chimes", "piped", "pipes", "spoke", "speaks", "pointed", "points", "weighed", "cried"}
    | {"fired", "fires", "shot", "shoots", "hit", "hits", "lashed", "lashes"}
)
# Prepositions that say where a person described is from: "a woman in Worcester, Massachusetts".
PLACE_OF = frozenset({"in", "from"})
# Determiners that make one of a group: "another New Hampshire Republican", "a German diplomat".
INDEFINITE_DETERMINERS = frozenset({"a", "an", "one", "another"})
SINGLE_MEMBERS = frozenset({"democrat", "republican"})
INDEFINITE_PRONOUNS = frozenset({"someone", "somebody", "anyone", "anybody", "one"})
# Past forms of speech verbs that are no nouns: "that said" is a verb, "that claim" a noun.
PAST_SPEECH = frozenset({"said", "told", "wrote", "read"})
# "is calling", "were saying": a speech verb in the progressive.
PROGRESSIVE = frozenset({"is", "are", "was", "were", "been"})
AUXILIARIES = frozenset("is was are were would will could should can may might must has have had does did".split())
PARTICIPLE_PREPOSITIONS = frozenset({"at", "by", "with", "in", "on", "to", "for", "about", "from", "after"})
OPENING_ADVERBS = frozenset({"then", "later", "instead", "and", "but", "so", "yet", "still", "now", "also"})
# Determiners that count a group opening a sentence: "several environmental groups granted ...".
QUANTIFIERS = frozenset({"several", "many", "some", "most", "two", "three", "four", "dozens", "hundreds"})
TIME_UNITS = frozenset({"seconds", "minutes", "hours", "days", "weeks", "months", "years", "decades", "times"})
OPENING_PREPOSITIONS = frozenset({"of", "about", "for", "with", "to", "on", "in", "like", "unlike"})
# Prepositions opening a phrase before a subject, comma or not: "On September 27 they published".
PHRASE_PREPOSITIONS = frozenset({"on", "in", "at", "after", "before", "during", "since", "by", "until"})
# Words that order what a sentence tells, set off by a comma: "First, Donald Trump attacked ...".
SEQUENCE_WORDS = frozenset({"first", "second", "third", "next", "separately", "overall", "lastly"})
# After a speech verb these open what was said ("saying that ..."), not who said it.
DEMONSTRATIVES = frozenset({"that", "this", "these", "those"})
# Words opening a clause that comes before the main one: "When Trump suggested ..., Rubio fired back:" (not
# "As Breitbart News reported, ...:", which gives the source).
# Counts that close a description of a parent ("a mother of three").
COUNTS = frozenset("two three four five six seven eight nine ten 2 3 4 5 6 7 8 9 10".split())
# Auxiliaries that never make an -ing form a finite verb ("had answering", unlike "was answering").
NON_PROGRESSIVE_AUXILIARIES = frozenset("has had have would will could should can cannot may might must".split())
# Words after which a pronoun heads a clause of its own rather than standing for the sentence's subject.
OWN_CLAUSE_OPENERS = frozenset({"when", "where", "who", "whom"})
# A phrase of place or occasion between a name and its verb: "Trump in his speech called".
OCCASION_PREPOSITIONS = frozenset({"in", "at", "during"})
# Prepositions of place and movement: the noun after them is where someone is, not who speaks.
PLACE_PREPOSITIONS = frozenset(
    "through across into onto over around near under toward towards outside inside along past behind beyond".split()
)
# Particles that turn a speech verb into one that reports no words: "ruled out".
NOT_SPEECH_PARTICLES = {
    "ruled": ("out",),
    "rules": ("out",),
    "shouted": ("down",),  # ("was booed and shouted down by supporters": silenced, not speaking)
    # ("until the Mexican government agreed to make a payment of “...”": a deed, not words)
    "agreed": ("to",),
    "agrees": ("to",),
    "began": ("to", "his", "her", "their", "its", "the"),
    "begins": ("to", "his", "her", "their", "its", "the"),
}
# Speech verbs that also name something: "a class called “Perception”".
NAMING_PARTICIPLES = frozenset({"called", "dubbed", "labeled", "labelled", "termed", "branded"})
# Words that open a clause describing the noun before them ("the days when ...").
CLAUSE_LINKS = frozenset({"when", "that", "which", "where", "whose"})
# Words joining a clause of its own to a sentence after a comma; the contrasting ones bring a speaker of
# their own (`“...,” while Collins suggested ...`).
CONTRASTING_JOINTS = frozenset({"while", "whereas", "although", "though"})
CLAUSE_JOINTS = CONTRASTING_JOINTS | {"but", "and"}
# Participles whose passive agent ("by ...") named something in the quote's words, before it ("called the “...”
# by the citizens") or after it with its auxiliary ("“...” was coined by"); those that follow may also have
# written or said it ("“American Skin” was written by Springsteen").
PASSIVE_NAMING = NAMING_PARTICIPLES | {"described", "deemed", "coined"}
PASSIVE_SPEECH = PASSIVE_NAMING | {"written", "penned", "said", "uttered"}
# Verbs by which one moves another to act: "That prompted Rubio to ... call Trump “very flexible”".
PROMPTING_VERBS = frozenset({"prompted", "prompting", "led", "forced", "pushed", "inspired", "moved", "spurred"})
# Words that open a clause with a subject of its own: "after she attacked", "and he has long used".
SUBORDINATE_OPENERS = frozenset(
    {"after", "as", "because", "since", "when", "while", "though", "although", "and", "but"}
)
CLAUSE_OPENERS = frozenset({"when", "while", "after", "before", "because", "since", "although", "though", "if"})
# Words that start a phrase or clause of their own after a name, rather than a noun the name describes.
PHRASE_STARTERS = FUNCTION_WORDS | PREPOSITIONS | PHRASE_PREPOSITIONS | CLAUSE_OPENERS
# Words opening an aside set off by commas between a subject and its verb: ", which was filed ...,", ", in a Q&A,".
ASIDE_OPENERS = PHRASE_PREPOSITIONS | {"who", "which"}
# Words of a time between a document and what it says: "a statement Wednesday evening saying".
TIME_WORDS = WEEKDAYS | frozenset("today yesterday morning afternoon evening night".split())
# Words set off by commas between a subject and its verb: "The two lawmakers, however, argue".
ASIDES = frozenset({"however", "meanwhile", "too", "though", "instead", "also", "nonetheless", "still", "then"})
TWO_WORD_ASIDES = frozenset({("for", "example"), ("for", "instance"), ("in", "fact"), ("of", "course"), ("in", "turn")})
# Determiners that stand for someone unnamed when they open a sentence: "Another said ...".
STANDALONE_DETERMINERS = frozenset({"another", "others", "some", "many", "both", "several", "most", "half"})
# Determiners that open a speaker phrase after its verb: "said the 46-year-old", "said one source".
INVERTED_DETERMINERS = INDEFINITE_DETERMINERS | {"the"}


# ---- read by cue_rules.py

QUOTE_MARKS = frozenset('"\u201c\u201d')


# ---- read by engine.py

MINOR_WORDS = frozenset("a an and as at by for from in of on or the to with".split())
WORK_INTRODUCERS = frozenset({"on", "of", "in", "to", "the", "a", "an", "including"})
WORK_NOUNS = frozenset(
    "show movie film program programme book memoir novel series song album play musical documentary podcast "
    "sitcom drama classic episode tour script".split()
)
MENTIONED_PRONOUNS = frozenset("he she him her they them it we us i you".split())
CHANT_VERBS = frozenset(
    "chant chants chanted chanting shout shouts shouted shouting yell yells yelled yelling scream screams screamed "
    "screaming cried cry cries sing sings sang singing".split()
)
NAMING_VERBS = frozenset(
    "call calls called calling dub dubs dubbed dubbing refer refers referred referring label labels labeled "
    "labelled branded brand brands nicknamed hailed".split()
)
SLOGAN_NOUNS = frozenset("goal slogan motto mantra refrain message theme promise vow call cry".split())
CHANT_NOUNS = frozenset("chant chants chorus cries cry calls shouts".split())
LOCAL_TITLES = ("mayor", "supervisor", "sheriff", "city attorney", "district attorney", "chief", "council")


# ---- read by candidates.py

OBJECT_MARKERS = frozenset("by to of with for from about at on against than like".split())
# Head nouns of descriptions that can speak: people, offices, bodies and the documents that speak for them.
SPEAKING_HEADS = UNNAMED_HEADS | PERSON_NOUNS | DOCUMENT_NOUNS | ORG_WORDS
