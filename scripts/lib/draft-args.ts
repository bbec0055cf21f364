// The arguments of `npm run draft`, given with or without npm's `--`. Without it, npm keeps
// the options for itself: `--published 2025-05-16` reaches the script as
// npm_config_published=true and a bare "2025-05-16"; `--published=2025-05-16` as
// npm_config_published=2025-05-16; `--json` as npm_config_json=true.
import { UserFacingError } from "./run-main";

export const DRAFT_USAGE =
  "Usage: npm run draft path/to/article.txt --published YYYY-MM-DD [--json]\n" +
  "       (with or without npm's `--`; an article.md with front matter may leave out --published)";

export interface DraftArgs {
  file: string;
  published?: string;
  json: boolean;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Options npm took for itself, when the script runs as `npm run draft`. */
function npmOptions(env: Record<string, string | undefined>): { published?: string | true; json: boolean } {
  if (env.npm_lifecycle_event !== "draft") return { json: false };
  const published = env.npm_config_published;
  return {
    published: published === undefined || published === "" ? undefined : published === "true" ? true : published,
    json: env.npm_config_json === "true",
  };
}

export function parseDraftArgs(argv: string[], env: Record<string, string | undefined> = {}): DraftArgs {
  const fromNpm = npmOptions(env);
  let published = typeof fromNpm.published === "string" ? fromNpm.published : undefined;
  let json = fromNpm.json;
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "--json") json = true;
    else if (arg === "--published") {
      published = argv[++i];
      if (!published || published.startsWith("-")) {
        throw new UserFacingError(`--published needs a date written YYYY-MM-DD.\n${DRAFT_USAGE}`);
      }
    } else if (arg.startsWith("--published=")) published = arg.slice("--published=".length);
    else if (arg === "--help" || arg === "-h") throw new UserFacingError(DRAFT_USAGE);
    else if (arg.startsWith("-")) throw new UserFacingError(`Unknown option ${arg}.\n${DRAFT_USAGE}`);
    else positional.push(arg);
  }
  // `npm run draft FILE --published DATE`: npm kept the flag and passed the date on its own.
  if (fromNpm.published === true && published === undefined) {
    const index = positional.findIndex((arg) => DATE.test(arg));
    if (index < 0) throw new UserFacingError(`--published needs a date written YYYY-MM-DD.\n${DRAFT_USAGE}`);
    published = positional.splice(index, 1)[0];
  }
  if (positional.length > 1) {
    throw new UserFacingError(`Give one article file, not several (${positional.join(", ")}).\n${DRAFT_USAGE}`);
  }
  const file = positional[0];
  if (!file) throw new UserFacingError(`Give the article file to draft from.\n${DRAFT_USAGE}`);
  if (published !== undefined && !DATE.test(published)) {
    throw new UserFacingError(`--published ${published}: write the date as YYYY-MM-DD.\n${DRAFT_USAGE}`);
  }
  return { file, published, json };
}
