// The address other devices use to reach this server (QR codes, invitation links): PUBLIC_URL
// when set, else this machine's LAN address and port, never localhost (a phone scanning a QR
// code with localhost in it would try to reach itself).
import os from "node:os";

export function lanAddress(): string | undefined {
  return Object.values(os.networkInterfaces())
    .flat()
    .find((net) => net && net.family === "IPv4" && !net.internal)?.address;
}

export function publicUrl(): string {
  if (process.env.PUBLIC_URL) return process.env.PUBLIC_URL.replace(/\/+$/, "");
  const port = process.env.PORT ?? "3000";
  return `http://${lanAddress() ?? "127.0.0.1"}:${port}`;
}
