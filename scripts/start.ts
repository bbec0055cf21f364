// npm start [-- --no-demo] - the two-command start: apply migrations, load content/, build
// if the sources changed, and serve the production app on PORT (3000). On a new embedded
// database it also creates demo accounts and prints their logins.
import { spawnSync } from "node:child_process";

import { isBuildCurrent, markBuildCurrent, sourceHash } from "./lib/build-state";
import { runMain, UserFacingError } from "./lib/run-main";
import { NEXT_BIN, readyBanner, runServer, setUpServing } from "./lib/serve";

await runMain(async () => {
  const started = performance.now();
  const wantDemo = !process.argv.includes("--no-demo");
  const setup = await setUpServing({ demo: wantDemo });
  const env: NodeJS.ProcessEnv = { ...setup.env, NODE_ENV: "production" };
  if (!isBuildCurrent()) {
    console.log("Building the app (first start, or the sources changed; under a minute)...");
    const sources = sourceHash();
    const build = spawnSync(process.execPath, [NEXT_BIN, "build"], { stdio: "inherit", env });
    if (build.status !== 0) throw new UserFacingError("The build failed; see the messages above.");
    markBuildCurrent(sources);
  }
  const host = process.env.HOST ?? "0.0.0.0";
  process.exitCode = await runServer({ port: setup.port, host }, env, () =>
    readyBanner(setup, (performance.now() - started) / 1000, wantDemo),
  );
});
