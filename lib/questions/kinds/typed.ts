// What the typed kinds (fill in the blank, numeric) share: the answer is text.
import type { z as zod } from "zod";

import type { Zod } from "@/lib/questions/kinds/kind";

export function typedAnswerSchema<T extends string>(type: T): (z: Zod) => zod.ZodType<{ type: T; text: string }> {
  return (z) => z.object({ type: z.literal(type), text: z.string().trim().min(1, "Type an answer.").max(200) });
}

/** Typed kinds show no choices: the options a typed question stores are the wrong answers it rejects. */
export const noChoices = () => ({ options: [], matchTargets: [] });
