import { createRequire } from "node:module";

import { describe, expect, it } from "vitest";

import { actionForm } from "./server-actions";

// React's own encoder of a server action's arguments, as the browser's copy of Next uses it.
const require = createRequire(import.meta.url);
const { encodeReply } = require("next/dist/compiled/react-server-dom-webpack/client.edge.js") as {
  encodeReply(args: unknown[]): Promise<FormData | string>;
};

describe("actionForm", () => {
  it("encodes a form action's (previous state, FormData) as the browser's React does", async () => {
    const fields = { gameId: "game-1", command: "next" };
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.set(name, value);
    const browser = await encodeReply([null, form]);
    expect(browser).toBeInstanceOf(FormData);
    const entries = (body: FormData) => [...body.entries()].map(([k, v]) => `${k}=${String(v)}`).sort();
    expect(entries(actionForm(fields))).toEqual(entries(browser as FormData));
  });
});
