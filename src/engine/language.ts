// The engine's Dutch language data (src/engine/language/nl.yml): word lists that linguists tune, loaded and
// validated once. A word listed twice in one list is reported as an error, so a list never silently disagrees
// with itself.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { load } from "js-yaml";
import { z } from "zod";
import { oneEditApart } from "./edits.ts";

const folded = z.string().regex(/^[a-z0-9]+$/, "must be one folded word (a-z, 0-9)");
const wordList = z.array(folded);
/** Cues matched on the message's words (`hasCue` in query.ts): a word, or two words written with one space. */
const cueList = z.array(z.string().regex(/^[a-z0-9]+( [a-z0-9]+)?$/, "must be one or two folded words"));
/** Phrases of two or more folded words ("stap voor stap"), read as their words. */
const phraseList = z
  .array(z.string().regex(/^[a-z0-9]+( [a-z0-9]+)+$/, "must be two or more folded words"))
  .transform((l) => l.map((p) => p.split(" ")));
/** A list that may be written as lines of words ("- [motie, amendement]"), read as one flat list. */
const groupedWordList = z.array(z.union([folded, z.array(folded)])).transform((l) => l.flat());

export const languageSchema = z.strictObject({
  version: z.literal(1),
  filler: groupedWordList,
  situational: groupedWordList,
  help_words: wordList,
  hedges: wordList,
  reported_asking_verbs: wordList,
  hedge_modifiers: wordList,
  hedge_gap_words: wordList,
  embedded_openers: wordList,
  checklist_cues: wordList,
  checklist_nouns: wordList,
  checklist_noun_leads: wordList,
  checklist_heads: wordList,
  checklist_describers: wordList,
  checklist_cue_verbs: wordList,
  expiry_verbs: wordList,
  period_words: wordList,
  checklist_lists: wordList,
  checklist_verbs: wordList,
  name_verbs: wordList,
  checklist_requests: wordList,
  checklist_request_objects: wordList,
  enumerating_words: wordList,
  step_verbs: wordList,
  send_verbs: wordList,
  sent_papers: wordList,
  steer_prepositions: wordList,
  send_as: folded,
  send_to_asker: wordList,
  steer_particles: wordList,
  paper_determiners: wordList,
  checklist_phrases: phraseList,
  example_title_prefix: folded,
  example_cues: wordList,
  comparison_cues: groupedWordList,
  particles: wordList,
  generic_heads: wordList,
  modal_adjectives: wordList,
  membership_verbs: wordList,
  determiners: wordList,
  standalone_pronouns: wordList,
  standalone_before: wordList,
  particles_before_determiner: wordList,
  question_openers: wordList,
  opener_leads: wordList,
  back_references: wordList,
  need_words: wordList,
  place_heads: wordList,
  asking_only: wordList,
  back_reference_papers: wordList,
  back_reference_nouns: wordList,
  definite_determiners: wordList,
  such_determiners: cueList,
  domain_anchors: groupedWordList,
  statement_verbs: wordList,
  pointing_pronouns: wordList,
  body_pronouns: wordList,
  demonstratives: wordList,
  continuation_openers: wordList,
  guess_openers: cueList,
  aside_openers: cueList,
  subordinators: wordList,
  conditionals: wordList,
  conditional_subjects: wordList,
  scenario_openers: wordList,
  reporting_verbs: wordList,
  instances: wordList,
  instance_heads: wordList,
  act_modifiers: wordList,
  figure_openers: wordList,
  law_changes: wordList,
  generic_bodies: wordList,
  rule_nouns: wordList,
  yes_no_subjects: wordList,
  wondering_verbs: wordList,
  pay_verbs: wordList,
  paid_persons: wordList,
  earn_verbs: wordList,
  municipality_heads: wordList,
  definition_openers: cueList,
  choice_verdicts: wordList,
  cycle_periods: wordList,
  identity_openers: wordList,
  identity_copulas: wordList,
  identity_copulas_past: wordList,
  identity_nouns: wordList,
  identity_tails: wordList,
  identity_generic: wordList,
  figure_how_words: wordList,
  compute_verbs: wordList,
  number_leads: wordList,
  help_words_with_meaning: wordList,
  chat_abbreviations: wordList,
  embedding_verbs: wordList,
  claimed_figures: wordList,
  number_units: wordList,
  number_words: wordList,
  months: wordList,
  claim_openings: z.array(z.string().regex(/^[a-z]+( [a-z]+)*$/, "must be folded words")),
  figure_request_verbs: wordList,
  decision_participles: wordList,
  year_result_cues: wordList,
  perfect_auxiliaries: wordList,
  local_markers: cueList,
  find_verbs: wordList,
  who_rule_verbs: wordList,
  identity_verbs: wordList,
  asker_pronouns: wordList,
  asker_roles: wordList,
  inverted_verbs: wordList,
  inverted_subjects: wordList,
  split_adverb_heads: wordList,
  split_adverb_tails: wordList,
  leaving_objects: wordList,
  eruit_idiom_verbs: wordList,
  sitting_verbs: wordList,
  sitting_organs: wordList,
  sitting_as: folded,
  never_corrected: groupedWordList,
  figure_cues: cueList,
  example_fact_cues: cueList,
  example_seeking: wordList,
  amount_questions: cueList,
  amount_cues: wordList,
  off_domain_words: groupedWordList,
  off_domain_phrases: cueList,
  off_domain_lookalikes: wordList,
  law_heads: wordList,
  law_content_cues: wordList,
  document_cues: cueList,
  document_describers: wordList,
  document_idioms: phraseList,
  summary_cues: wordList,
  summary_nouns: wordList,
  consequence_verbs: wordList,
  opinion_verbs: wordList,
  person_cues: cueList,
  find_intent_verbs: wordList,
  find_intent_keyword: z.string().min(1),
  find_intent_term: z.string().min(1),
  opinion_holders: wordList,
  bot_pronouns: wordList,
  opinion_objects: wordList,
  bot_possessives: wordList,
  opinion_nouns: wordList,
  summary_subject_openers: wordList,
  filler_pairs: cueList,
  writing_verbs: wordList,
  writing_objects: wordList,
  writing_addressees: wordList,
  translation_verbs: wordList,
  writing_base_objects: wordList,
  request_modals: wordList,
  stop_words: groupedWordList,
  stop_words_kept: wordList,
  intent_words: wordList,
  stem_overrides: z.record(z.string(), z.string()),
  not_verb_forms: wordList,
  irregular_verbs: z.record(z.string().regex(/^[a-z]+$/), z.string().regex(/^[a-z]+$/)),
  default_suggestions: z.array(z.string().min(1)),
  messages: z.strictObject({
    documents: z.string().min(1),
    writing: z.string().min(1),
    local_figures: z.string().min(1),
    amounts: z.string().min(1),
    off_domain: z.string().min(1),
    opinion: z.string().min(1),
  }),
});

export interface LanguageData {
  filler: ReadonlySet<string>;
  situational: ReadonlySet<string>;
  helpWords: ReadonlySet<string>;
  /** Verbs about the asker's own understanding ("snap", "begrijp", "weet"): they hedge, they ask nothing. */
  hedges: ReadonlySet<string>;
  /** Verbs that pass on someone else's question ("een raadslid vraagt welke …"). */
  reportedAskingVerbs: ReadonlySet<string>;
  /** Negations and degree words that, next to a hedge ("snap niet goed"), are filler too ("niet", "goed"). */
  hedgeModifiers: ReadonlySet<string>;
  /** Other words that may stand between a hedge and the question it embeds ("ik weet het eigenlijk niet | wie …"). */
  hedgeGapWords: ReadonlySet<string>;
  /** Question words that open a question embedded after a hedge or a reported asking verb ("… niet goed | wat …"). */
  embeddedOpeners: ReadonlySet<string>;
  checklistCues: ReadonlySet<string>;
  /** Nouns that ask for a checklist right after "welke" ("welke stappen"). */
  checklistNouns: ReadonlySet<string>;
  /** Words before a checklist noun that make it ask for a checklist ("welke stappen", "een paar punten"). */
  checklistNounLeads: ReadonlySet<string>;
  /** Cues that ask for a checklist as the head of a compound too ("afwegingslijstje"). */
  checklistHeads: ReadonlySet<string>;
  /** A list that holds checklist nouns: "een lijst met punten", "een rijtje van stappen". */
  checklistLists: ReadonlySet<string>;
  checklistDescribers: ReadonlySet<string>;
  checklistCueVerbs: ReadonlySet<string>;
  /** Cue verbs that after a period word say it runs out ("de termijn loopt af", "de weken aflopen"). */
  expiryVerbs: ReadonlySet<string>;
  periodWords: ReadonlySet<string>;
  /** Verbs that ask for a checklist right after "aan" ("waar moeten we aan denken"). */
  checklistVerbs: ReadonlySet<string>;
  /** "Geef me de punten": requests that before a checklist noun ask for a checklist, and whom they ask it for. */
  checklistRequests: ReadonlySet<string>;
  checklistRequestObjects: ReadonlySet<string>;
  /** "Wat moeten we allemaal uitzoeken": the words of enumeration and the verbs of steps that ask for a checklist. */
  enumeratingWords: ReadonlySet<string>;
  stepVerbs: ReadonlySet<string>;
  /** Phrases of several words that ask for a checklist ("stap voor stap"), each as its words. */
  checklistPhrases: readonly (readonly string[])[];
  /** First word of an example entry's title ("Voorbeeld: Drechtsteden …"). */
  exampleTitlePrefix: string;
  /** Words that ask for an example ("voorbeeld", "praktijkvoorbeelden"). */
  exampleCues: ReadonlySet<string>;
  /** Words that make a message compare two things ("verschil", "versus", "vergeleken"). */
  comparisonCues: ReadonlySet<string>;
  particles: readonly string[];
  /** Last parts of a compound that say nothing of its subject ("constructie", "model"). */
  genericHeads: ReadonlySet<string>;
  /** Adjectives that before "te" or "om" are a modal ("verplicht te geven" = "moeten geven"). */
  modalAdjectives: ReadonlySet<string>;
  /** Verbs after a modal adjective that keep it the subject ("verplicht om in de gr te zitten"). */
  membershipVerbs: ReadonlySet<string>;
  /** Articles and possessives: a particle right before one is a preposition ("stemde in de regio"). */
  determiners: ReadonlySet<string>;
  /** The particles that join their verb also right before a determiner ("stap je uit de gr"). */
  particlesBeforeDeterminer: ReadonlySet<string>;
  questionOpeners: ReadonlySet<string>;
  /** Words that may precede the question word of a clause ("en wat …", "ik vraag me af hoe …"). */
  openerLeads: ReadonlySet<string>;
  /** Words by which an asking clause points back to the context before it ("daarbij", "zo'n"). */
  backReferences: ReadonlySet<string>;
  /** "nodig": without a question mark, a clause with one says what the asker needs ("heb de namen nodig"). */
  needWords: ReadonlySet<string>;
  /** Before "in" and a place in a clause of context: where the asker's gemeente lies. */
  placeHeads: ReadonlySet<string>;
  /** Words that count only in an asking clause ("griffie" in the context says where the asker works). */
  askingOnly: ReadonlySet<string>;
  /** Papers that, after a definite determiner, point back to the context ("het raadsvoorstel"). */
  backReferencePapers: ReadonlySet<string>;
  /** Nouns that, after a demonstrative, stand for what the context described ("dit probleem", "die situatie"). */
  backReferenceNouns: ReadonlySet<string>;
  definiteDeterminers: ReadonlySet<string>;
  /** "Zo'n" ("zo n"): before a noun, such a one as the context named. */
  suchDeterminers: ReadonlySet<string>;
  /** Opening verbs that, right after the asker ("ik moet"), state rather than ask. */
  statementVerbs: ReadonlySet<string>;
  /** Pronouns by which a short question may point back to its context ("hoe werkt dat?"). */
  pointingPronouns: ReadonlySet<string>;
  /** Pronouns that stand for a body named before ("wanneer vergaderen ze?"). */
  bodyPronouns: ReadonlySet<string>;
  /** Demonstratives before a noun ("die omgevingsdienst"): they point at something named before. */
  demonstratives: ReadonlySet<string>;
  /** Pronouns that, standing alone at a clause's end or before a filler word, point back ("moet dat echt?"). */
  standalonePronouns: ReadonlySet<string>;
  /** Words after which such a pronoun still stands alone: "wat is dat en waarom …". */
  standaloneBefore: ReadonlySet<string>;
  /** Words that open a clause going on from what was said before ("en de termijn?"). */
  continuationOpeners: ReadonlySet<string>;
  /** Openings of a clause that guesses at the answer to the question before it ("…, gewoon een brief?"). */
  guessOpeners: ReadonlySet<string>;
  /** Words that open an aside after a question ("en trouwens, …", "overigens …"): a second, smaller question. */
  asideOpeners: ReadonlySet<string>;
  /** Conjunctions that open a clause of reason or circumstance ("omdat", "terwijl"): context, never the question. */
  subordinators: ReadonlySet<string>;
  /**
   * Conjunctions of condition ("als") that open such a clause only before a subject ("als het niets oplevert",
   * "als we stoppen"); "als raadslid", "als gemeente" is not a clause.
   */
  conditionals: ReadonlySet<string>;
  conditionalSubjects: ReadonlySet<string>;
  scenarioOpeners: ReadonlySet<string>;
  /** Verbs of saying before "dat" ("de wethouder zei dat …"): who said it is context, what was said the subject. */
  reportingVerbs: ReadonlySet<string>;
  /** Kinds of body that are one particular GR ("veiligheidsregio", "ggd"): in a question mostly context. */
  instances: ReadonlySet<string>;
  /** Heads of compounds that name one body ("afvaldienst", "belastingsamenwerking"): such compounds are instances. */
  instanceHeads: readonly string[];
  /** Acts on a regeling that, before an instance head, make a kind of paper, not a body ('wijzigingsregeling'). */
  actModifiers: ReadonlySet<string>;
  /** Question words that ask for a figure, name or date ("hoeveel", "wie"); "kan", "mag" ask about rules. */
  figureOpeners: ReadonlySet<string>;
  /** Words for a change of the law: the year after them and "van" is when a rule began ("de wijziging van 2022"). */
  lawChanges: ReadonlySet<string>;
  /** Bodies every GR or gemeente has, often written in capitals ("GS", "AB"): no name of one body. */
  genericBodies: ReadonlySet<string>;
  /** Nouns of a rule or a means after "welke" ("welke rechten hebben wij"): no figure asked. */
  ruleNouns: ReadonlySet<string>;
  /** Subjects right after a clause's first word that make it a yes-no question ("betalen wij dat?"). */
  yesNoSubjects: ReadonlySet<string>;
  /** Verbs of wondering before an embedded yes-no question ("weet jij of …", "ik vraag me af of …"). */
  wonderingVerbs: ReadonlySet<string>;
  /** "Hoeveel krijgt een raadslid": verbs of being paid and the persons paid (`asksAmount`). */
  payVerbs: ReadonlySet<string>;
  paidPersons: ReadonlySet<string>;
  /** "Wat verdient die directeur?": after "wat", verbs of earning ask pay whoever earns. */
  earnVerbs: ReadonlySet<string>;
  /** Words before a name of one municipality ("de gemeente Zwolle", "de raad van Deventer"). */
  municipalityHeads: ReadonlySet<string>;
  /** Openings of a question what something is ("wat is", "wat betekent"). */
  definitionOpeners: ReadonlySet<string>;
  /** Verdicts on a choice ("wat is goedkoper?"): an asking clause of these alone names no subject of its own. */
  choiceVerdicts: ReadonlySet<string>;
  /** Periods of the budget cycle: after "volgende" ("het volgende begrotingsjaar") the rule's next one. */
  cyclePeriods: ReadonlySet<string>;
  /** A short "wie is het geworden?", "welke gemeenten waren dat?" after a context: who or what the context meant. */
  identity: {
    openers: ReadonlySet<string>;
    copulas: ReadonlySet<string>;
    pastCopulas: ReadonlySet<string>;
    nouns: ReadonlySet<string>;
    tails: ReadonlySet<string>;
    generic: ReadonlySet<string>;
  };
  /** After "hoe", the words that make it ask for a figure ("hoe hoog", "hoe vaak"); otherwise it asks how. */
  figureHowWords: ReadonlySet<string>;
  /** After "hoe" and before a person, the verbs that ask for that person's name ("hoe heet de wethouder …"). */
  nameVerbs: ReadonlySet<string>;
  /** "De kaders sturen" is sending them: the verb forms, the papers sent, the prepositions of steering, and the word
   * a verb of sending is searched as. */
  sending: {
    verbs: ReadonlySet<string>;
    papers: ReadonlySet<string>;
    steerPrepositions: ReadonlySet<string>;
    as: string;
    toAsker: ReadonlySet<string>;
    steerParticles: ReadonlySet<string>;
    /** Words before a paper that make it one document (`paper_determiners`). */
    paperDeterminers: ReadonlySet<string>;
  };
  /** Verbs that ask to work a figure out ("uitrekenen"): such a clause asks for the figure. */
  computeVerbs: ReadonlySet<string>;
  /** Help words that in a sentence carry their meaning ("qua info"). */
  helpWordsWithMeaning: ReadonlySet<string>;
  /** Chat abbreviations ("btw"): filler unless the base uses the word. */
  chatAbbreviations: ReadonlySet<string>;
  /** Verbs after which a question word opens the real question ("kun je me vertellen hoeveel …"). */
  embeddingVerbs: ReadonlySet<string>;
  /** After "klopt het dat", words that make the claim a figure ("met 8 procent", "2 miljoen"): see asksLocalFigure. */
  claimedFigures: ReadonlySet<string>;
  /** Words before a number that make it a reference ("art 27", "artikel 35"). */
  numberLeads: ReadonlySet<string>;
  /** Words after a number that make it a term or a date ("12 weken", "30 april"). */
  numberUnits: ReadonlySet<string>;
  /** Numbers written as words ("acht"): before a figure ("acht procent") they name no subject. */
  numberWords: ReadonlySet<string>;
  /** The months: a day and a month ("14 maart") name one moment. */
  months: ReadonlySet<string>;
  /** Openings of a checked claim ("klopt het dat", "is het waar dat"), as word arrays. */
  claimOpenings: readonly (readonly string[])[];
  /** Verbs that, closing a clause addressed to the bot, ask to hand a figure over ("kun je me … geven"). */
  figureRequestVerbs: ReadonlySet<string>;
  decisionParticiples: ReadonlySet<string>;
  /** A financial result ('tekort') that, of one year ('over 2023'), is one body's figure. */
  yearResultCues: ReadonlySet<string>;
  perfectAuxiliaries: ReadonlySet<string>;
  /** Whose or when a figure is asked ("onze", "wij", "dit jaar", "volgende keer"): one or two words. */
  localMarkers: ReadonlySet<string>;
  /** Verbs of looking something up: "waar vind ik …" asks where to look, not for the figure itself. */
  findVerbs: ReadonlySet<string>;
  /** Verbs that after "wie" ask about a rule, not a figure ("wie betaalt het tekort"). */
  whoRuleVerbs: ReadonlySet<string>;
  /** Verbs of being or working before the asker's role ("ik ben raadslid", "ik werk als griffier"). */
  identityVerbs: ReadonlySet<string>;
  /** The asker as subject ("ik", "we"): a role right after "als" with one of these shortly before is the asker's. */
  askerPronouns: ReadonlySet<string>;
  /** Roles of the asker that are context after an identity verb or "als" and content elsewhere. */
  askerRoles: ReadonlySet<string>;
  /** Words that are a verb of the question's frame when a subject follows ("hoe zorg je dat …"): then filler. */
  invertedVerbs: ReadonlySet<string>;
  /** The subjects that, right after one of invertedVerbs, make it that verb. */
  invertedSubjects: ReadonlySet<string>;
  /** "er", "daar": with "uit" at the clause's end they make "eruit" ("kunnen we daar nog uit?"). */
  splitAdverbHeads: ReadonlySet<string>;
  splitAdverbTails: ReadonlySet<string>;
  /** "uit de gr", "uit een regeling": leaving it. */
  leavingObjects: ReadonlySet<string>;
  /** Verbs with which "eruit" is an idiom ("eruitzien", "eruit komen"), not leaving. */
  eruitIdiomVerbs: ReadonlySet<string>;
  /** "in het AB zitten": a verb of sitting with "in" and an organ is being a member (searched as `as`). */
  sitting: { verbs: ReadonlySet<string>; organs: ReadonlySet<string>; as: string };
  figureCues: ReadonlySet<string>;
  /** Figure cues the example entries answer for their own region (members, founding year). */
  exampleFactCues: ReadonlySet<string>;
  /** With an example fact cue, these ask for examples anywhere ("welke gemeenten hebben al …"). */
  exampleSeeking: ReadonlySet<string>;
  /** How a question asks for an amount ("hoeveel", "hoe hoog"): one or two words. */
  amountQuestions: ReadonlySet<string>;
  /** Pay, allowances and rates ("vergoeding", "salaris", "cent"): amounts the base never has, local or not. */
  amountCues: ReadonlySet<string>;
  /** Words of subjects the base never covers (`off_domain_words`): an asking clause naming one is refused. */
  offDomainWords: ReadonlySet<string>;
  /** The same as cues of one or two words ("of tegen" in "moet mijn fractie voor of tegen stemmen"). */
  offDomainPhrases: ReadonlySet<string>;
  /** Words that end in an off-domain word without being a compound of it ("kregen", "vertrouwen"). */
  offDomainLookalikes: ReadonlySet<string>;
  /** The word that names a law, alone before its name ("Wet normering …") or ending it ("Participatiewet"). */
  lawHeads: ReadonlySet<string>;
  /** Words by which a question asks what a law requires ("stelt", "bepaalt", "volgens", "eisen"). */
  lawContentCues: ReadonlySet<string>;
  /** Words that point at a pasted or attached text ("plak", "bijlage", "dit stuk"). */
  documentCues: ReadonlySet<string>;
  /** Words before a document cue that make it describe others' papers ("de regeling als bijlage"). */
  documentDescribers: ReadonlySet<string>;
  /** Idioms whose words are no document cue ("stuk voor stuk" is "one by one"), each as its words. */
  documentIdioms: readonly (readonly string[])[];
  /** Document cues that sum up ("samenvatten"): followed by a question word they sum up a subject, not a text. */
  /** Of those, the nouns: a question word a few words later says what to sum up ("samenvatting gevraagd: wat …"). */
  summaryNouns: ReadonlySet<string>;
  summaryCues: ReadonlySet<string>;
  /** Verbs that ask what follows from a step ("wat gebeurt er dan met het personeel"): a rule, never a figure. */
  consequenceVerbs: ReadonlySet<string>;
  /** Verbs of an opinion ("vindt", "denkt"): with a party of `opinionHolders`, a political opinion is asked. */
  opinionVerbs: ReadonlySet<string>;
  /** Figure cues that pick one person ("welke wethouder"): with a definite body of `instances` a local fact. */
  personCues: ReadonlySet<string>;
  /** With "waar" in an asking clause, verbs that ask where to look ("waar vind ik …", "waar kan ik hem naar verwijzen"). */
  findIntentVerbs: ReadonlySet<string>;
  /** The keyword by which an entry says it answers where-to-look questions ("waar vind ik"). */
  findIntentKeyword: string;
  /** The verb the base says where to look with ("vinden"): in a where-to-find question every verb of looking up. */
  findIntentTerm: string;
  /** Parties and fractions whose opinion the base never holds ("fractie", "coalitie"). */
  opinionHolders: ReadonlySet<string>;
  /** The bot addressed ("jij", "u"): right after a verb of opinion, with `opinionObjects` after it, its opinion. */
  botPronouns: ReadonlySet<string>;
  opinionObjects: ReadonlySet<string>;
  /** "Wat is jouw mening …": the bot's possessive and a noun of opinion after "wat". */
  botPossessives: ReadonlySet<string>;
  opinionNouns: ReadonlySet<string>;
  /** Question words after which a summing-up cue is about a subject ("samenvatten wat de wijziging veranderde"). */
  summarySubjectOpeners: ReadonlySet<string>;
  /** Two words that together are filler ("niet alleen"), written with one space. */
  fillerPairs: ReadonlySet<string>;
  /** A request to write a text: a writing verb, a kind of text, and the bot addressed ("schrijf je een motie"). */
  writingVerbs: ReadonlySet<string>;
  writingObjects: ReadonlySet<string>;
  writingAddressees: ReadonlySet<string>;
  /** Of the writing verbs, those that ask for a text whatever its kind ("vertaal"). */
  translationVerbs: ReadonlySet<string>;
  /** Texts the base explains: a writing request only as a command or a request to the bot ("kun je …"). */
  writingBaseObjects: ReadonlySet<string>;
  requestModals: ReadonlySet<string>;
  /** Question and chat words indexed nowhere, besides the stopword package's Dutch list. */
  stopWords: ReadonlySet<string>;
  /** Words of that package's list that carry meaning here ("niet", "zonder", "andere"): searchable. */
  stopWordsKept: ReadonlySet<string>;
  /** Question words that say what kind of answer is wanted ("waarom", "wanneer"): indexed, never the subject. */
  intentWords: ReadonlySet<string>;
  stemOverrides: Readonly<Record<string, string>>;
  /** Irregular verb forms → their infinitive ("opgeheven" → opheffen), for `infinitivesOf`. */
  irregularVerbs: ReadonlyMap<string, string>;
  /** Words that look like a verb form but are none ("gemiddeld"). */
  notVerbForms: ReadonlySet<string>;
  /** Real Dutch words (base forms) that are never typo-corrected: "motie" is no typo of "motief". */
  neverCorrected: readonly string[];
  /** Words that tie a question to cooperation between municipalities (feature `anchored`). */
  domainAnchors: readonly string[];
  defaultSuggestions: readonly string[];
  messages: {
    documents: string;
    writing: string;
    localFigures: string;
    amounts: string;
    offDomain: string;
    opinion: string;
  };
}

export const LANGUAGE_FILE = join(import.meta.dirname, "language", "nl.yml");

/**
 * Parses a YAML file of word lists against its schema; throws an Error naming the file and every problem, a word
 * listed twice in one list included (so a list never silently disagrees with itself). Also used for the follow-up
 * cues (src/core/follow-up.ts).
 */
export function parseWordLists<T extends Record<string, unknown>>(raw: string, schema: z.ZodType<T>, file: string): T {
  // js-yaml rather than `yaml` (used where a file's problems are reported by line): the same data from the 72 KB
  // language file in a tenth of the time (13 instead of 128 ms at every start), and a syntax error names the file.
  const result = schema.safeParse(load(raw, { filename: file }));
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
    throw new Error(`${file}: ${problems.join("; ")}`);
  }
  const twice = Object.entries(result.data).flatMap(([name, list]) =>
    Array.isArray(list)
      ? list.filter((w, i) => list.indexOf(w) !== i).map((w) => `${name}: "${String(w)}" is listed twice`)
      : [],
  );
  if (twice.length) throw new Error(`${file}: ${twice.join("; ")}`);
  return result.data;
}

/** Parses and validates language data; throws an Error naming the file, the list and every problem. */
export function parseLanguage(raw: string, file = LANGUAGE_FILE): LanguageData {
  const d = parseWordLists(raw, languageSchema, file);
  return {
    filler: new Set(d.filler),
    situational: new Set(d.situational),
    helpWords: new Set(d.help_words),
    hedges: new Set(d.hedges),
    reportedAskingVerbs: new Set(d.reported_asking_verbs),
    hedgeModifiers: new Set(d.hedge_modifiers),
    hedgeGapWords: new Set(d.hedge_gap_words),
    embeddedOpeners: new Set(d.embedded_openers),
    checklistCues: new Set(d.checklist_cues),
    checklistNouns: new Set(d.checklist_nouns),
    checklistNounLeads: new Set(d.checklist_noun_leads),
    checklistHeads: new Set(d.checklist_heads),
    checklistLists: new Set(d.checklist_lists),
    checklistDescribers: new Set(d.checklist_describers),
    checklistCueVerbs: new Set(d.checklist_cue_verbs),
    expiryVerbs: new Set(d.expiry_verbs),
    periodWords: new Set(d.period_words),
    checklistVerbs: new Set(d.checklist_verbs),
    checklistPhrases: d.checklist_phrases,
    checklistRequests: new Set(d.checklist_requests),
    checklistRequestObjects: new Set(d.checklist_request_objects),
    enumeratingWords: new Set(d.enumerating_words),
    stepVerbs: new Set(d.step_verbs),
    exampleTitlePrefix: d.example_title_prefix,
    exampleCues: new Set(d.example_cues),
    comparisonCues: new Set(d.comparison_cues),
    particles: d.particles,
    genericHeads: new Set(d.generic_heads),
    modalAdjectives: new Set(d.modal_adjectives),
    membershipVerbs: new Set(d.membership_verbs),
    determiners: new Set(d.determiners),
    particlesBeforeDeterminer: new Set(d.particles_before_determiner),
    questionOpeners: new Set(d.question_openers),
    openerLeads: new Set(d.opener_leads),
    backReferences: new Set(d.back_references),
    needWords: new Set(d.need_words),
    placeHeads: new Set(d.place_heads),
    askingOnly: new Set(d.asking_only),
    backReferencePapers: new Set(d.back_reference_papers),
    backReferenceNouns: new Set(d.back_reference_nouns),
    definiteDeterminers: new Set(d.definite_determiners),
    suchDeterminers: new Set(d.such_determiners),
    statementVerbs: new Set(d.statement_verbs),
    pointingPronouns: new Set(d.pointing_pronouns),
    bodyPronouns: new Set(d.body_pronouns),
    demonstratives: new Set(d.demonstratives),
    standalonePronouns: new Set(d.standalone_pronouns),
    standaloneBefore: new Set(d.standalone_before),
    continuationOpeners: new Set(d.continuation_openers),
    guessOpeners: new Set(d.guess_openers),
    asideOpeners: new Set(d.aside_openers),
    subordinators: new Set(d.subordinators),
    conditionals: new Set(d.conditionals),
    conditionalSubjects: new Set(d.conditional_subjects),
    scenarioOpeners: new Set(d.scenario_openers),
    reportingVerbs: new Set(d.reporting_verbs),
    instances: new Set(d.instances),
    instanceHeads: d.instance_heads,
    actModifiers: new Set(d.act_modifiers),
    figureOpeners: new Set(d.figure_openers),
    lawChanges: new Set(d.law_changes),
    genericBodies: new Set(d.generic_bodies),
    ruleNouns: new Set(d.rule_nouns),
    yesNoSubjects: new Set(d.yes_no_subjects),
    wonderingVerbs: new Set(d.wondering_verbs),
    payVerbs: new Set(d.pay_verbs),
    paidPersons: new Set(d.paid_persons),
    earnVerbs: new Set(d.earn_verbs),
    municipalityHeads: new Set(d.municipality_heads),
    definitionOpeners: new Set(d.definition_openers),
    choiceVerdicts: new Set(d.choice_verdicts),
    cyclePeriods: new Set(d.cycle_periods),
    identity: {
      openers: new Set(d.identity_openers),
      copulas: new Set(d.identity_copulas),
      pastCopulas: new Set(d.identity_copulas_past),
      nouns: new Set(d.identity_nouns),
      tails: new Set(d.identity_tails),
      generic: new Set(d.identity_generic),
    },
    figureHowWords: new Set(d.figure_how_words),
    nameVerbs: new Set(d.name_verbs),
    sending: {
      verbs: new Set(d.send_verbs),
      papers: new Set(d.sent_papers),
      steerPrepositions: new Set(d.steer_prepositions),
      as: d.send_as,
      toAsker: new Set(d.send_to_asker),
      steerParticles: new Set(d.steer_particles),
      paperDeterminers: new Set(d.paper_determiners),
    },
    computeVerbs: new Set(d.compute_verbs),
    numberLeads: new Set(d.number_leads),
    helpWordsWithMeaning: new Set(d.help_words_with_meaning),
    chatAbbreviations: new Set(d.chat_abbreviations),
    embeddingVerbs: new Set(d.embedding_verbs),
    claimedFigures: new Set(d.claimed_figures),
    numberUnits: new Set(d.number_units),
    numberWords: new Set(d.number_words),
    months: new Set(d.months),
    claimOpenings: d.claim_openings.map((o) => o.split(" ")),
    figureRequestVerbs: new Set(d.figure_request_verbs),
    decisionParticiples: new Set(d.decision_participles),
    yearResultCues: new Set(d.year_result_cues),
    perfectAuxiliaries: new Set(d.perfect_auxiliaries),
    localMarkers: new Set(d.local_markers),
    findVerbs: new Set(d.find_verbs),
    whoRuleVerbs: new Set(d.who_rule_verbs),
    identityVerbs: new Set(d.identity_verbs),
    askerPronouns: new Set(d.asker_pronouns),
    askerRoles: new Set(d.asker_roles),
    invertedVerbs: new Set(d.inverted_verbs),
    invertedSubjects: new Set(d.inverted_subjects),
    splitAdverbHeads: new Set(d.split_adverb_heads),
    splitAdverbTails: new Set(d.split_adverb_tails),
    leavingObjects: new Set(d.leaving_objects),
    eruitIdiomVerbs: new Set(d.eruit_idiom_verbs),
    sitting: { verbs: new Set(d.sitting_verbs), organs: new Set(d.sitting_organs), as: d.sitting_as },
    figureCues: new Set(d.figure_cues),
    exampleFactCues: new Set(d.example_fact_cues),
    exampleSeeking: new Set(d.example_seeking),
    amountQuestions: new Set(d.amount_questions),
    amountCues: new Set(d.amount_cues),
    offDomainWords: new Set(d.off_domain_words),
    offDomainPhrases: new Set(d.off_domain_phrases),
    offDomainLookalikes: new Set(d.off_domain_lookalikes),
    lawHeads: new Set(d.law_heads),
    lawContentCues: new Set(d.law_content_cues),
    documentCues: new Set(d.document_cues),
    documentDescribers: new Set(d.document_describers),
    documentIdioms: d.document_idioms,
    summaryCues: new Set(d.summary_cues),
    summaryNouns: new Set(d.summary_nouns),
    consequenceVerbs: new Set(d.consequence_verbs),
    opinionVerbs: new Set(d.opinion_verbs),
    personCues: new Set(d.person_cues),
    findIntentVerbs: new Set(d.find_intent_verbs),
    findIntentKeyword: d.find_intent_keyword,
    findIntentTerm: d.find_intent_term,
    opinionHolders: new Set(d.opinion_holders),
    botPronouns: new Set(d.bot_pronouns),
    opinionObjects: new Set(d.opinion_objects),
    botPossessives: new Set(d.bot_possessives),
    opinionNouns: new Set(d.opinion_nouns),
    summarySubjectOpeners: new Set(d.summary_subject_openers),
    fillerPairs: new Set(d.filler_pairs),
    writingVerbs: new Set(d.writing_verbs),
    writingObjects: new Set(d.writing_objects),
    writingAddressees: new Set(d.writing_addressees),
    translationVerbs: new Set(d.translation_verbs),
    writingBaseObjects: new Set(d.writing_base_objects),
    requestModals: new Set(d.request_modals),
    stopWords: new Set(d.stop_words),
    stopWordsKept: new Set(d.stop_words_kept),
    intentWords: new Set(d.intent_words),
    stemOverrides: d.stem_overrides,
    irregularVerbs: new Map(Object.entries(d.irregular_verbs)),
    notVerbForms: new Set(d.not_verb_forms),
    neverCorrected: d.never_corrected,
    domainAnchors: d.domain_anchors,
    defaultSuggestions: d.default_suggestions,
    messages: {
      documents: d.messages.documents.trim(),
      writing: d.messages.writing.trim(),
      localFigures: d.messages.local_figures.trim(),
      amounts: d.messages.amounts.trim(),
      offDomain: d.messages.off_domain.trim(),
      opinion: d.messages.opinion.trim(),
    },
  };
}

/**
 * The token is one of `words`, or a compound ending in one of at least `minHead` letters ("afscheidsspeech" for
 * "speech", "ziekteverlof" for "verlof"). Shorter words only count whole: "zin" is no head of "bezin". With
 * `minRest`, a compound opening with such a word and going on for at least that many letters counts too: its first
 * part names its field ("treinverbinding" for "trein").
 */
/** The token ends in one of these words ("gekregen" in "kregen"). */
export function endsWithAny(token: string, words: ReadonlySet<string>): boolean {
  for (const w of words) if (token.endsWith(w)) return true;
  return false;
}

export function isWordOrCompoundOf(
  token: string,
  words: ReadonlySet<string>,
  minHead: number,
  minRest?: number,
): boolean {
  if (words.has(token)) return true;
  for (const w of words) {
    if (w.length < minHead || token.length <= w.length) continue;
    if (token.endsWith(w)) return true;
    if (minRest !== undefined && token.length >= w.length + minRest && token.startsWith(w)) return true;
  }
  return false;
}

/**
 * The token at i asks for a checklist: a checklist cue (also written apart, "check lijst", or ending a compound,
 * "afwegingslijstje"), a checklist noun right after "welke" ("welke stappen") or in a list ("een lijst met punten"),
 * or a checklist verb right after "aan" ("waar moeten we aan denken").
 */
export function isChecklistCue(tokens: readonly string[], i: number, lang: LanguageData): boolean {
  const t = tokens[i]!;
  return (
    (lang.checklistCues.has(t) && !verifies(tokens, i, lang) && !expires(tokens, i, lang)) ||
    // Written apart ("check lijst", "afvink lijst") or as the head of a compound ("afwegingslijstje").
    (i > 0 && lang.checklistCues.has(tokens[i - 1]! + t)) ||
    isWordOrCompoundOf(t, lang.checklistHeads, 1) ||
    (lang.checklistNouns.has(t) && lang.checklistNounLeads.has(tokens[i - 1] ?? "")) ||
    // "heb je een lijst met punten waar wij naar moeten kijken": a list of steps or points is a checklist.
    ((lang.checklistNouns.has(t) || lang.checklistDescribers.has(t)) &&
      (tokens[i - 1] === "met" || tokens[i - 1] === "van") &&
      lang.checklistLists.has(tokens[i - 2] ?? "")) ||
    // "een lijst met aandachtspunten", "een rij van stappen", "een lijst met vragen": the list word asks for the
    // checklist too.
    (lang.checklistLists.has(t) &&
      (tokens[i + 1] === "met" || tokens[i + 1] === "van") &&
      (lang.checklistCues.has(tokens[i + 2] ?? "") ||
        lang.checklistNouns.has(tokens[i + 2] ?? "") ||
        lang.checklistDescribers.has(tokens[i + 2] ?? ""))) ||
    // "heb je een lijstje met de stappen", ending the clause: what the list holds, not a subject. (Followed by more,
    // "met de stappen die we bij het uittreden moeten zetten", the noun stays: it says the list is about something.)
    (lang.checklistNouns.has(t) &&
      i === tokens.length - 1 &&
      (tokens[i - 1] === "met" || (tokens[i - 1] === "de" && tokens[i - 2] === "met"))) ||
    // "waar moeten we aan denken", "waar we vooraf aan moeten denken" (a modal between).
    (lang.checklistVerbs.has(t) &&
      (tokens[i - 1] === "aan" || (tokens[i - 2] === "aan" && lang.statementVerbs.has(tokens[i - 1]!)))) ||
    // "Stappen om dat goed te beoordelen?", "punten om op te letten": a clause that opens with steps or points for a
    // purpose asks for them (after a verb, "uit de GR stappen om kosten te besparen", it is no noun).
    (i === 0 && opensWithStepsFor(tokens, lang)) ||
    // "een vaste set vragen", "een rijtje punten": a list word right before what it holds, and that noun after it.
    (lang.checklistNouns.has(t) && lang.checklistLists.has(tokens[i - 1] ?? "")) ||
    (lang.checklistLists.has(t) && lang.checklistNouns.has(tokens[i + 1] ?? "")) ||
    withinPhrase(lang.checklistPhrases, tokens, i) ||
    requestsChecklistNoun(tokens, i, lang) ||
    misspellsChecklistHead(t, lang)
  );
}

/**
 * The clause opens with steps or points for a purpose ("Stappen om dat goed te beoordelen?"), or asks with "wat", a
 * modal, a word of enumeration and a verb of steps what to go through ("wat moeten we allemaal uitzoeken voordat …").
 * Only a clause's own words: in a whole message "wat" and "allemaal" may stand in different sentences.
 */
export function clauseAsksForChecklist(tokens: readonly string[], lang: LanguageData): boolean {
  return opensWithStepsFor(tokens, lang) || asksWhatAllToGoThrough(tokens, lang);
}

/** "Stappen om dat goed te beoordelen?", "punten om op te letten": steps or points for a purpose, opening the text. */
function opensWithStepsFor(tokens: readonly string[], lang: LanguageData): boolean {
  return lang.checklistNouns.has(tokens[0] ?? "") && tokens[1] === "om";
}

/** "Wat moeten we allemaal uitzoeken": "wat", a modal, a word of enumeration and a verb of steps. */
function asksWhatAllToGoThrough(tokens: readonly string[], lang: LanguageData): boolean {
  const wat = tokens.indexOf("wat");
  return (
    wat >= 0 &&
    wat <= 1 &&
    lang.statementVerbs.has(tokens[wat + 1] ?? "") &&
    tokens.some((t) => lang.enumeratingWords.has(t)) &&
    tokens.some((t) => lang.stepVerbs.has(t))
  );
}

/** "Geef me de punten", "noem ons een paar stappen": a request for a checklist noun, the asker and an article between. */
function requestsChecklistNoun(tokens: readonly string[], i: number, lang: LanguageData): boolean {
  if (!lang.checklistNouns.has(tokens[i]!)) return false;
  const before = tokens.slice(Math.max(0, i - 4), i);
  const request = before.findIndex((t) => lang.checklistRequests.has(t));
  return request >= 0 && lang.checklistRequestObjects.has(before[request + 1] ?? "");
}

/** The token at i is a word of one of `phrases` written out in full ("stap voor stap", "stuk voor stuk"). */
export function withinPhrase(phrases: readonly (readonly string[])[], tokens: readonly string[], i: number): boolean {
  return phrases.some((p) => p.some((w, k) => w === tokens[i] && p.every((x, j) => tokens[i - k + j] === x)));
}

/** "checklst", "cheklist": one typo off a checklist head of TYPO_HEAD_LETTERS letters or more. */
function misspellsChecklistHead(t: string, lang: LanguageData): boolean {
  if (t.length < TYPO_HEAD_LETTERS - 1) return false;
  for (const head of lang.checklistHeads)
    if (head.length >= TYPO_HEAD_LETTERS && head[0] === t[0] && oneEditApart(head, t)) return true;
  return false;
}
const TYPO_HEAD_LETTERS = 8;

/**
 * "De 12 weken voor onze zienswijze lopen af op tweede pinksterdag": a period before a verb of going through
 * (`expiry_verbs`) runs out; nothing is gone through.
 */
function expires(tokens: readonly string[], i: number, lang: LanguageData): boolean {
  return lang.expiryVerbs.has(tokens[i]!) && tokens.slice(0, i).some((t) => lang.periodWords.has(t));
}

/** More words than this after an opening checking verb make a sentence of their own ("ff checken: kan het …"). */
const VERIFIED_SENTENCE = 4;

/**
 * A checking verb before "of" or a question word ("te checken wanneer de verkiezingen zijn", "checken in welke gr'en
 * we zitten"), or opening a message that goes on with a sentence, asks to verify one fact, not for a checklist.
 */
function verifies(tokens: readonly string[], i: number, lang: LanguageData): boolean {
  if (!lang.checklistCueVerbs.has(tokens[i]!)) return false;
  // "ik ben de begroting aan het checken": what the asker is doing, not a request.
  if (tokens[i - 1] === "het" && tokens[i - 2] === "aan") return true;
  const asks = (t: string | undefined) => t === "of" || (t !== undefined && lang.figureOpeners.has(t));
  // "ff checken: kan het college zonder de raad in een nieuwe gr stappen?": opening the message (after filler only)
  // and followed by a sentence of its own, it says the asker checks what follows.
  if (tokens.slice(0, i).every((t) => lang.filler.has(t)) && tokens.length - i > VERIFIED_SENTENCE) return true;
  // "checken of afvinken": "of" between two cues joins them.
  if (tokens[i + 1] === "of" && lang.checklistCues.has(tokens[i + 2] ?? "")) return false;
  return asks(tokens[i + 1]) || asks(tokens[i + 2]);
}

/**
 * The token at i names who the asker is: a role within three words after a verb of being or working ("ik ben sinds
 * kort raadslid", "ik werk als griffier"), or right after "als" with the asker shortly before ("wat kan ik als
 * raadslid doen", "wij als ambtelijke werkgroep": one word may stand between) or opening the clause with the asker
 * right after ("als rekenkamerlid zoek ik …"). Such a role is
 * context, like "fractievoorzitter". "Als" alone is not enough: "een termijn als wethouder" asks about the wethouder.
 */
export function isAskerRole(tokens: readonly string[], i: number, lang: LanguageData): boolean {
  if (!lang.askerRoles.has(tokens[i]!)) return false;
  const asker = (from: number, to: number) =>
    tokens.slice(Math.max(0, from), to).some((t) => lang.askerPronouns.has(t));
  if (tokens[i - 1] === "als" && (asker(i - 5, i - 1) || (i === 1 && asker(i + 1, i + 4)))) return true;
  // "wij als ambtelijke werkgroep", "ik als nieuw raadslid": one describing word between "als" and the role.
  if (tokens[i - 2] === "als" && asker(i - 6, i - 2)) return true;
  return tokens.slice(Math.max(0, i - 3), i).some((t) => lang.identityVerbs.has(t));
}

/** A role of `asker_roles`, or a compound ending in one ("beleidsadviseur", "griffiemedewerker"). */
export function isRoleWord(word: string, lang: LanguageData): boolean {
  if (lang.askerRoles.has(word)) return true;
  for (const role of lang.askerRoles) if (word.length > role.length + 2 && word.endsWith(role)) return true;
  return false;
}

/**
 * "Als" before a role opens who the asker is, not a condition: "als beleidsadviseur reis ik vaak naar de regio",
 * "als raadslid vind ik …". ("als een gemeente uittreedt", "als gemeenten samenwerken" stay conditions.)
 */
export function opensWithRole(tokens: readonly string[], lang: LanguageData): boolean {
  return tokens[0] === "als" && tokens[1] !== undefined && isRoleWord(tokens[1], lang);
}

/**
 * A word of `inverted_verbs` directly followed by a subject ("hoe zorg je dat …", "zorg ik ervoor"): the verb of the
 * question's frame, no subject. The same word before anything else may be a noun ("zorg en jeugd").
 */
export function isInvertedVerb(tokens: readonly string[], i: number, lang: LanguageData): boolean {
  return lang.invertedVerbs.has(tokens[i]!) && lang.invertedSubjects.has(tokens[i + 1] ?? "");
}

/** The engine's language data, loaded once. */
export const language: LanguageData = parseLanguage(readFileSync(LANGUAGE_FILE, "utf8"));
