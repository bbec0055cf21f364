// Field limits the forms enforce as the user types and the schemas enforce on the server
// (kept apart from the schemas so browser code does not load Zod).

export const DISPLAY_NAME_MAX = 60;
