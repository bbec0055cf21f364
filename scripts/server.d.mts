import type { IncomingHttpHeaders } from "node:http";

export declare const CLIENT_IP_HEADER: string;
export declare const PROTO_HEADER: string;
export declare const MAX_REQUEST_BODY_BYTES: number;
export declare function protoOf(
  request: { headers: IncomingHttpHeaders; socket: { encrypted?: boolean } },
  trustProxy: number,
): "http" | "https";
export declare function declaresBodyOver(request: { headers: IncomingHttpHeaders }): boolean;
export declare function clientIpOf(
  request: { headers: IncomingHttpHeaders; socket: { remoteAddress?: string } },
  trustProxy: number,
): string | undefined;
