declare module "stopword" {
  /** Dutch stop words. */
  export const nld: string[];
  export function removeStopwords(tokens: string[], stopwords?: string[]): string[];
}
