// The engine's tuned numbers, each with what it does and, where it was measured, what the measurement said
// (docs/engine.md has the rounds behind them). Changing one changes answers: run the fixture sets and `npm run
// calibrate` after any change here (tests/engine/confidence.test.ts requires the committed model to match a refit).

// Ranking the candidates (index.ts).

/** A checklist asked for ranks this much higher than a topic. */
export const CHECKLIST_BOOST = 1.6;
/**
 * And this much more for each term of the message its title holds that at most CHECKLIST_TITLE_SHARED checklist titles
 * hold (round thirty-two: +9 on the probe sets, nothing lost).
 */
export const CHECKLIST_TITLE_BOOST = 0.25;
export const CHECKLIST_TITLE_SHARED = 2;
/** Rank factor for an entry naming two or more of the things a comparison asks about outside its body. */
export const COMPARISON_BOOST = 1.3;
/** Rank factor for an entry that says where to look, when the message asks where to find something. */
export const FIND_BOOST = 2;
/** Runner-up within this share of the best score makes a confident reply "ambiguous". */
export const AMBIGUOUS_RATIO = 0.9;
/** A confident answer lists a runner-up ("Bedoelde u…") only when it is within this share of the best score. */
export const CLOSE_RATIO = 0.75;
/**
 * A topic covering at least what its checklist covers answers a message that asks for no checklist when it ranks this
 * share of the checklist's rank: a checklist lists many words and outranks its topic on rank alone.
 */
export const TOPIC_RANK = 0.6;
/** ... and covers at least this share of what the checklist covers. */
export const TOPIC_COVERAGE = 0.9;
/**
 * Rank = BM25 × (COVERAGE_FLOOR + coverage/2 + coverage outside the body/2): coverage re-orders BM25's candidates at
 * most by a factor of two. (0.25, a factor of five, let a candidate covering one common word of a long message beat
 * the entry BM25 found for its rare subject word: top-1 on the fixtures 486 → 489 of 540 with 1.)
 */
export const COVERAGE_FLOOR = 1;
/** Candidates taken from BM25 for coverage scoring. */
export const CANDIDATES = 20;
/** Candidates taken for a checklist request. */
export const CHECKLIST_CANDIDATES = 60;
/** How many of the best BM25 candidates are compared with the way people ask them (their questions). */
export const RERANK = 8;
/** Rank factor for an entry whose whole subject (title or key phrase) the message names. */
export const NAMED_BOOST = 0.3;
/** Rank factor for an entry whose title part, or words of its title, the message puts in quotes ("een 'lege bv'"). */
export const QUOTED_BOOST = 1.5;
/**
 * Further rank factor for an entry that is called by the quoted term: its title is that term and at most its
 * abbreviation or spelled-out form ("GR (gemeenschappelijke regeling)" for "… staat 'GR'. Wat wordt daarmee bedoeld?").
 * The term may be in most entries, so without it the definition lost to entries that matched the context.
 */
export const CALLED_BOOST = 2.5;
/** A title part of at most this many words can be a name (see CALLED_BOOST). */
export const NAME_WORDS = 3;
/** Phrasing similarity at which a message counts as one of the entry's own questions. */
export const OWN_QUESTION = 0.85;
/** Share of all the message's words (by idf, situational ones too) an entry must hold to count as its own question. */
export const OWN_QUESTION_ALL = 0.5;
/**
 * Rank factor of an example entry whose region the message names only in its context, not in the asking clause
 * (see exampleNames). Tried on every example entry whose region the asking clause does not name: one more fixture
 * ranked right, but the confidence model then answered six fewer in cross-validation (docs/engine.md, round six).
 */
export const EXAMPLE_PRIOR = 0.7;
/**
 * Rank factor of an example entry whose region the message does not name at all, nor asks for an example: milder than
 * EXAMPLE_PRIOR, which was too strong for this case (round six); 0.9 lifted the calibration and probe sets, 0.8 less
 * (docs/engine.md, round twenty-four).
 */
export const EXAMPLE_UNNAMED_PRIOR = 0.9;
/** A capitalised title word of an example entry found in at most this many entries is one of its names. */
export const EXAMPLE_NAME_DF = 4;
/**
 * ... and a name for the local-figure check ("wie zitten er in het db van regio rivierenland"): the examples' regions
 * come up in a few more entries (the overview, the forms), yet a figure asked of them is still one body's figure.
 */
export const REGION_NAME_DF = 12;
/** Focus weight from which a concept counts as asked about (the asking clause, or context it points back to). */
export const ASKED_WEIGHT = 0.7;
/** A checklist covering this share of what the best entry covers answers a checklist request. */
export const CHECKLIST_COVERAGE = 0.4;
/** ... and ranks at least this share of the best entry's rank (after the checklist boost). */
export const CHECKLIST_RANK = 0.3;

// Reading the message (query.ts): how much each kind of match and each word counts.

/** A concept the entry holds only in its body counts this share of its credit. */
export const BODY_ONLY = 0.8;
/** Credit for a concept of the message by how the entry holds it: the word itself, a synonym, a typo's correction, a part of a compound. */
export const CREDIT = {
  exact: 1,
  joined: 1,
  synonym: 0.85,
  colloquial: 0.85,
  corrected: 0.7,
  part: 0.5,
  allParts: 0.85,
} as const;
/**
 * Search weight, as a share of its own, of a word inside a colloquial phrase of several words the message holds ("niet
 * meer meedoen"). Measured on the fixture sets (2026-12-06): 0.5 answered four more than 1, 0.25 and 0.35 no more.
 */
export const PHRASE_WORD_SEARCH = 0.5;
/** Search weight of a situational word the base knows: it may help the ranking a little. */
export const SITUATIONAL_SEARCH = 0.2;
/** Weight of the IDF of a word that occurs in the base only outside titles, questions and keywords. */
export const INCIDENTAL = 0.5;
/** A name weighs this much of its focus weight in the coverage. */
export const NAME_WEIGHT = 0.5;
/** The kind of body a GR is ("veiligheidsregio", "GGD") weighs this much: it says which GR, rarely what is asked. */
export const INSTANCE_WEIGHT = 0.25;
/** A known compound found in at most this share of the entries is also searched by its parts. */
export const RARE_COMPOUND = 0.05;
/** How many words after a verb its separated particle may stand. */
export const SEPARABLE_WINDOW = 6;
/** Most letters a typo correction changes (deleted, added, changed or swapped neighbours). */
export const MAX_TYPO_EDITS = 2;
/** Letters at the end of a word that a correction into another form of it may change ("efficiënter" → efficiency). */
export const ENDING_LETTERS = 3;
