// The address phones join a game at, and its QR code (SVG) for the projector.
import QRCode from "qrcode";

import { publicUrl } from "@/lib/public-url";

export function gameJoinUrl(pin: string): string {
  return `${publicUrl()}/play?pin=${pin}`;
}

export function gameJoinQrSvg(pin: string): Promise<string> {
  return QRCode.toString(gameJoinUrl(pin), { type: "svg", margin: 1, errorCorrectionLevel: "M" });
}
