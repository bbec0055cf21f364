// Module resolution hooks, registered by scripts/lib/server-only-outside-next.mjs.
export async function resolve(specifier, context, nextResolve) {
  const resolved = await nextResolve(specifier, context);
  if (specifier !== "server-only") return resolved;
  return { ...resolved, url: new URL("empty.js", resolved.url).href, shortCircuit: true };
}
