import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";

import type { CurrentUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";

// Next's redirect() and notFound() throw; so do these stand-ins.
const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({
  TEACHER_ROLES: ["TEACHER", "ADMIN"],
  requireUser: (next?: string) =>
    session.user ? Promise.resolve(session.user) : Promise.reject(new Error(`redirect /sign-in?next=${next ?? ""}`)),
}));
vi.mock("next/navigation", () => ({
  notFound: () => {
    throw new Error("notFound");
  },
}));

const { teacherAction, userAction } = await import("@/lib/actions");

const teacher: CurrentUser = { id: "t1", role: "TEACHER", displayName: "Mr T", email: "t@school.org", username: null };
const student: CurrentUser = { id: "s1", role: "STUDENT", displayName: "Ada", email: null, username: "ada" };

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

beforeEach(() => {
  session.user = teacher;
});

describe("userAction", () => {
  const handler = vi.fn((input: { name: string }, user: CurrentUser) => Promise.resolve(`${user.id}:${input.name}`));
  const rename = teacherAction(z.object({ name: z.string().min(2) }), handler);

  beforeEach(() => {
    handler.mockClear();
  });

  it("hands the acting user and the parsed form to the handler", async () => {
    expect(await rename(null, form({ name: "Year 9" }))).toEqual({ ok: true, data: "t1:Year 9" });
  });

  it("checks the user before the form: signed out, to sign in; another role, a 404; the handler never runs", async () => {
    session.user = null;
    await expect(rename(null, form({ name: "x" }))).rejects.toThrow(/redirect \/sign-in/);
    session.user = student;
    await expect(rename(null, form({ name: "x" }))).rejects.toThrow("notFound");
    expect(handler).not.toHaveBeenCalled();
  });

  it("shows field errors, and an AppError, next to the form", async () => {
    expect(await rename(null, form({ name: "x" }))).toMatchObject({
      ok: false,
      fieldErrors: { name: expect.any(String) },
    });
    const failing = userAction(null, z.object({}), () => Promise.reject(new AppError("conflict", "Taken.")));
    expect(await failing(null, form({}))).toMatchObject({ ok: false, error: "Taken." });
  });

  it("answers another role with the forbidden message when it has one, and sends sign-in back to next", async () => {
    const remove = userAction(["STUDENT"], z.object({}), () => Promise.resolve("gone"), {
      forbidden: "Ask an admin.",
      next: "/account",
    });
    expect(await remove(null, form({}))).toEqual({ ok: false, error: "Ask an admin." });
    session.user = student;
    expect(await remove(null, form({}))).toEqual({ ok: true, data: "gone" });
    session.user = null;
    await expect(remove(null, form({}))).rejects.toThrow("redirect /sign-in?next=/account");
  });
});
