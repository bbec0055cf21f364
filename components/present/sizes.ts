// Type sized from the screen for presentation mode (server and client alike): `vh` for height,
// capped by `vw` so a screen narrower than 16:9 still fits.
export function projectorSize(vh: number): string {
  return `min(${vh}vh, ${(vh * 9) / 16}vw)`;
}
