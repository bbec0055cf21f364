// The environment, validated once at start. Unknown or malformed values fail loudly here
// rather than somewhere deep in a request.
import "server-only";

import { z } from "zod";

import { DEFAULT_DATABASE_URL, isDatabaseUrl, providerOf } from "@/lib/db-provider";

export const EnvSchema = z
  .object({
    DATABASE_URL: z
      .string()
      .default(DEFAULT_DATABASE_URL)
      .refine(isDatabaseUrl, { message: "must start with file: (SQLite) or postgresql:// (PostgreSQL)" }),
    AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    PUBLIC_URL: z.url().optional(),
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  })
  .superRefine((value, ctx) => {
    if (
      isDatabaseUrl(value.DATABASE_URL) &&
      providerOf(value.DATABASE_URL) === "postgres" &&
      !value.AUTH_SECRET &&
      value.NODE_ENV === "production"
    ) {
      ctx.addIssue({
        code: "custom",
        path: ["AUTH_SECRET"],
        message: "is required with PostgreSQL (generate one with: openssl rand -base64 32)",
      });
    }
  });

export type Env = z.infer<typeof EnvSchema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = EnvSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  return result.data;
}

export const env: Env = parseEnv(process.env);
