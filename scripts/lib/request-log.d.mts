import type { IncomingMessage, ServerResponse } from "node:http";

export declare function requestLogMode(env: NodeJS.ProcessEnv): "json" | "off";
export declare function routeMatcher(
  manifest: { staticRoutes: { page: string }[]; dynamicRoutes: { page: string; regex: string }[] },
  publicFiles: string[],
): (path: string) => string;
export declare function buildRouteMatcher(dir: string): (path: string) => string;
export declare function requestLogLine(entry: {
  time: Date;
  method: string;
  route: string;
  status: number;
  ms: number;
  pid: number;
  aborted: boolean;
}): string;
export declare function requestLogger(
  routeOf: (path: string) => string,
  write?: (text: string) => void,
): (req: IncomingMessage, res: ServerResponse) => void;
