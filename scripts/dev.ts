// npm run dev [-- --no-demo] - like npm start, but the Next.js dev server with hot reload.
import { runMain } from "./lib/run-main";
import { readyBanner, runServer, setUpServing } from "./lib/serve";

await runMain(async () => {
  const started = performance.now();
  const wantDemo = !process.argv.includes("--no-demo");
  const setup = await setUpServing({ demo: wantDemo });
  const env: NodeJS.ProcessEnv = { ...setup.env, NODE_ENV: "development" };
  process.exitCode = await runServer({ dev: true, port: setup.port, host: process.env.HOST ?? "0.0.0.0" }, env, () =>
    readyBanner(setup, (performance.now() - started) / 1000, wantDemo),
  );
});
