import type { IncomingHttpHeaders } from "node:http";

export declare const CLIENT_IP_HEADER: string;
export declare function clientIpOf(
  request: { headers: IncomingHttpHeaders; socket: { remoteAddress?: string } },
  trustProxy: number,
): string | undefined;
