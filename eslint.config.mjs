import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// What pure code (and the question kinds, which also load in the browser) may not import.
const PURE_IMPORT_PATTERNS = [
  {
    group: [
      "@/lib/db",
      "@/lib/db/*",
      "@/lib/db-provider",
      "@/lib/generated/*",
      "@prisma/*",
      "@/lib/env",
      "@/lib/auth/*",
      "@/lib/*/queries",
      "@/lib/*/mutations",
      "@/lib/*/store",
      "next/*",
      "server-only",
    ],
    message: "Pure modules take data and return data: load it in a queries/mutations module and pass it in.",
  },
];

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    ".next/**",
    "lib/generated/**",
    "node_modules/**",
    "test-results/**",
    "playwright-report/**",
    "next-env.d.ts",
    "data/**",
  ]),
  {
    // Playwright fixtures call their argument `use`; it is not React's hook.
    files: ["e2e/**/*.ts"],
    rules: { "react-hooks/rules-of-hooks": "off", "no-empty-pattern": "off" },
  },
  {
    // Rules that need type information: promises that are forgotten or misused are the
    // bugs that lose answers.
    files: ["**/*.ts", "**/*.tsx", "**/*.mts"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/await-thenable": "error",
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-imports": [
        "error",
        { paths: [{ name: "next/font/google", message: "It needs the network at build time; use next/font/local." }] },
      ],
    },
  },
  {
    // Pure code (after the block above, whose import rule this one extends): question
    // generation and grading, drafting, the memory model and results analysis take plain data
    // and return plain data. They never reach the database or the request, so they run the
    // same in the browser, a worker, a script and a unit test.
    files: [
      "lib/questions/**/*.{ts,tsx}",
      "lib/drafting/**/*.ts",
      "lib/imports/preview.ts",
      "lib/learning/memory.ts",
      "lib/learning/review.ts",
      "lib/learning/timeline.ts",
      "lib/results/analysis.ts",
    ],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [{ name: "next/font/google", message: "It needs the network at build time; use next/font/local." }],
          patterns: PURE_IMPORT_PATTERNS,
        },
      ],
    },
  },
  {
    // Question kinds load in the browser (the answer card describes answers through them):
    // Zod reaches them only as the server hands it to answerSchema, never as an import. (This
    // block replaces the pure-code import rule for these files, so it takes its patterns too.)
    files: ["lib/questions/kinds/**/*.ts", "tests/kinds/**/*.ts"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "zod",
              allowTypeImports: true,
              message: "Kinds run in the browser: build the answer schema with the Zod answerSchema is given.",
            },
          ],
          patterns: PURE_IMPORT_PATTERNS,
        },
      ],
    },
  },
]);
