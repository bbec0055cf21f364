// Starting the Quizwire HTTP server (scripts/server.mjs) as a child process: shared by
// `npm start`, `npm run dev`, the e2e server and the fault suite's own server.
import { spawn } from "node:child_process";
import path from "node:path";

const SERVER = path.resolve("scripts/server.mjs");

/** Spawns the server; `onReady` runs once it listens, and its later output is passed on. */
export function spawnServer(
  options: { dev?: boolean; port: number; host: string },
  env: NodeJS.ProcessEnv,
  onReady: () => void,
) {
  const args = [SERVER, "--port", String(options.port), "--host", options.host, ...(options.dev ? ["--dev"] : [])];
  const server = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "inherit"], env });
  let announced = false;
  server.stdout.on("data", (chunk: Buffer) => {
    if (announced) {
      process.stdout.write(chunk);
    } else if (chunk.toString().includes("Ready")) {
      announced = true;
      onReady();
    }
  });
  return server;
}
