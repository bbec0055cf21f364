// next-auth: credentials sign-in with signed JWT sessions (no session table). Every token
// carries the user's sessionVersion; lib/auth/session.ts compares it with the database so a
// sign-out, password reset or disabled account ends every session at once. next-auth's own
// /api/auth/session endpoint asks the database too (the jwt callback): an ended session is no
// session there either, and its cookie is cleared. A live one answers the user's id and role
// (the session callback; e2e/ops/sign-in-leaks.spec.ts checks both answers). The app itself
// never reads that endpoint.
import "server-only";

import NextAuth, { CredentialsSignin, type DefaultSession } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";

import { clientIpFromHeaders } from "@/lib/auth/client-ip";
import { userFromSession } from "@/lib/auth/session-user";
import { checkSignIn } from "@/lib/auth/sign-in";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Role } from "@/lib/generated/sqlite/enums";

declare module "next-auth" {
  interface Session {
    user: { id: string; role: Role } & DefaultSession["user"];
  }
  interface User {
    role?: Role;
    sessionVersion?: number;
  }
}

export class InvalidSignIn extends CredentialsSignin {
  override code = "invalid";
}
export class RateLimitedSignIn extends CredentialsSignin {
  override code = "rate_limited";
}

const CredentialsSchema = z.object({ identifier: z.string().min(1).max(200), password: z.string().min(1).max(200) });

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

export const { handlers, signIn, signOut } = NextAuth({
  secret: env.AUTH_SECRET,
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/sign-in" },
  providers: [
    Credentials({
      credentials: { identifier: {}, password: {} },
      async authorize(credentials, request) {
        const parsed = CredentialsSchema.safeParse(credentials);
        if (!parsed.success) throw new InvalidSignIn();
        const result = await checkSignIn(db, { ...parsed.data, clientIp: clientIpFromHeaders(request.headers) });
        if (!result.ok) throw result.reason === "rate_limited" ? new RateLimitedSignIn() : new InvalidSignIn();
        return { id: result.user.id, role: result.user.role, sessionVersion: result.user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.role = user.role;
        token.sv = user.sessionVersion;
        return token;
      }
      // Reading an existing session: null (no session) when it has ended on the server.
      const current = await userFromSession(db, { userId: token.sub ?? "", sessionVersion: Number(token.sv ?? -1) });
      return current ? { ...token, role: current.role } : null;
    },
    session({ session, token }) {
      session.user.id = token.sub ?? "";
      session.user.role = token.role as Role;
      return session;
    },
  },
  logger: {
    // A wrong password is an expected event, not an error with a stack trace.
    error(error) {
      if (error instanceof CredentialsSignin || error.name === "CredentialsSignin") return;
      console.error(error);
    },
  },
});
