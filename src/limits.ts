// Limits shared by every layer: the engine, the store, the HTTP layer and the adapters.

/** The longest question (characters) that is analysed and stored; longer input is cut to this length. */
export const MAX_QUESTION_CHARS = 1000;
