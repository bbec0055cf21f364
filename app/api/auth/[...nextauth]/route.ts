// GET/POST /api/auth/* - next-auth's endpoints (session, CSRF token, credentials callback).
import { handlers } from "@/lib/auth/auth";

export const { GET, POST } = handlers;
