// Calling the app's server actions over HTTP, as the browser does, from outside a browser: the
// live bench's phones and host, and the tests of several app servers. An action is named by
// its id in the production build's manifest; its arguments, (previous state, FormData) for the
// app's form actions, are sent as React encodes them: the form's fields prefixed "_1_" and
// field "0" the argument list, `[null,"$K1"]`.
import { readFileSync } from "node:fs";
import path from "node:path";

/** The id of the server action `exportedName` of `filename` (e.g. "app/(student)/play/actions.ts"). */
export function serverActionId(filename: string, exportedName: string, buildDir = ".next"): string {
  const manifest = JSON.parse(readFileSync(path.join(buildDir, "server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  const found = Object.entries(manifest.node).find(
    ([, action]) => action.filename === filename && action.exportedName === exportedName,
  );
  if (!found) throw new Error(`The build has no server action ${exportedName} in ${filename}.`);
  return found[0];
}

/** The request body of a form action called with these fields. */
export function actionForm(fields: Record<string, string>): FormData {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.set(`_1_${name}`, value);
  body.set("0", '[null,"$K1"]');
  return body;
}

/** The headers of a server action's request, besides its session cookie. */
export function actionHeaders(id: string, cookie: string): Record<string, string> {
  return { cookie, "next-action": id, accept: "text/x-component" };
}
