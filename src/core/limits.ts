// Limits shared by the core, the HTTP layer and the adapters (defined where the engine analyses questions).
export { MAX_QUESTION_CHARS } from "../engine/analyze.ts";
