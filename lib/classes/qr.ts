// The class's join link as a QR code (SVG), for the projector and login cards.
import QRCode from "qrcode";

import { publicUrl } from "@/lib/public-url";

export function joinUrl(joinCode: string): string {
  return `${publicUrl()}/join?code=${joinCode}`;
}

export function joinQrSvg(joinCode: string): Promise<string> {
  return QRCode.toString(joinUrl(joinCode), { type: "svg", margin: 1, errorCorrectionLevel: "M" });
}
