// Runs a script's body and turns an expected failure into a clear message and exit code 1
// (no stack trace for problems the user can fix).
import { ContentError } from "../../lib/content/load";

export async function runMain(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    if (error instanceof ContentError || (error instanceof Error && error.name === "UserFacingError")) {
      console.error(error.message);
    } else {
      console.error(error);
    }
    process.exitCode = 1;
  }
}

/** An error whose message is the whole story: printed without a stack trace. */
export class UserFacingError extends Error {
  override name = "UserFacingError";
}
