// npm run dev [-- --no-demo] - like npm start, but the Next.js dev server with hot reload.
import { runMain } from "./lib/run-main";
import { readyBanner, runNext, setUpServing } from "./lib/serve";

await runMain(async () => {
  const started = performance.now();
  const wantDemo = !process.argv.includes("--no-demo");
  const setup = await setUpServing({ demo: wantDemo });
  const env: NodeJS.ProcessEnv = { ...setup.env, NODE_ENV: "development" };
  process.exitCode = await runNext(["dev", "-p", String(setup.port)], env, () =>
    readyBanner(setup, (performance.now() - started) / 1000, wantDemo),
  );
});
