// Flag parsing shared by the command-line tools: node:util parseArgs, with a bad or unknown flag returned as a
// Dutch message (the tools print it with their usage and exit 2) instead of thrown.
import { parseArgs, type ParseArgsConfig } from "node:util";

export function parseFlags<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> | { error: string } {
  try {
    return parseArgs(config);
  } catch (err) {
    return { error: `Ongeldige optie: ${(err as Error).message}` };
  }
}
