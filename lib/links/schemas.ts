// What an admin types to allow hosts on the school's network: one host a line, each checked.
import { z } from "zod";

import { allowedHostProblem } from "./addresses";

export const AllowedHostsSchema = z.object({
  hosts: z
    .string()
    .max(2000, "Keep the list under 2,000 characters.")
    .transform((text, ctx) => {
      const hosts = text
        .split(/[\s,]+/)
        .map((h) => h.trim())
        .filter(Boolean);
      for (const host of hosts) {
        const problem = allowedHostProblem(host);
        if (problem) ctx.addIssue({ code: "custom", message: problem });
      }
      return hosts;
    }),
});
