import type { Metadata } from "next";
import Link from "next/link";

import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { requireAdmin } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { getFetchAllowedHosts, getSignupMode } from "@/lib/settings";

import { AllowedHostsForm, ForEveryoneButton, InvitationForm, SignupModeForm, UserActions } from "./admin-forms";

export const metadata: Metadata = { title: "Admin" };

export default async function AdminPage() {
  const admin = await requireAdmin("/admin");
  const [mode, hosts, feeds, users] = await Promise.all([
    getSignupMode(db),
    getFetchAllowedHosts(db),
    db.feed.findMany({
      where: { forEveryone: true },
      orderBy: { title: "asc" },
      select: { id: true, title: true, url: true, lastError: true },
    }),
    db.user.findMany({
      where: { role: { in: ["ADMIN", "TEACHER", "LEARNER"] } },
      orderBy: [{ role: "asc" }, { displayName: "asc" }],
      select: { id: true, displayName: true, email: true, role: true, disabledAt: true, lastActiveAt: true },
    }),
  ]);
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold tracking-tight">Admin</h1>
      <Card className="flex flex-col gap-3">
        <h2 className="text-lg font-semibold">Sign-up</h2>
        <SignupModeForm mode={mode} />
      </Card>
      <Card className="flex flex-col gap-3">
        <h2 className="text-lg font-semibold">Invite someone</h2>
        <InvitationForm />
      </Card>
      <Card className="flex flex-col gap-3">
        <h2 className="text-lg font-semibold">Links and feeds</h2>
        <AllowedHostsForm hosts={hosts} />
        <h3 className="font-semibold">Feeds for every teacher</h3>
        {feeds.length === 0 ? (
          <p className="text-muted">
            None. Add one from{" "}
            <Link href="/teacher/feeds" className="underline underline-offset-4">
              Feeds
            </Link>
            , ticking “For every teacher”.
          </p>
        ) : (
          <ul className="flex flex-col gap-2" aria-label="Feeds for every teacher">
            {feeds.map((feed) => (
              <li key={feed.id} className="flex flex-wrap items-center justify-between gap-2">
                <span>
                  <span className="font-semibold">{feed.title}</span>
                  <span className="block text-sm break-all text-muted">{feed.url}</span>
                  {feed.lastError && <span className="block text-sm text-bad">{feed.lastError}</span>}
                </span>
                <ForEveryoneButton feedId={feed.id} forEveryone />
              </li>
            ))}
          </ul>
        )}
      </Card>
      <section className="flex flex-col gap-3" aria-labelledby="users-heading">
        <h2 id="users-heading" className="text-xl font-semibold">
          Teachers, learners and admins
        </h2>
        <ul className="flex flex-col gap-2" aria-label="Users">
          {users.map((user) => (
            <li
              key={user.id}
              className="flex flex-col gap-2 rounded-2xl border border-line p-3 sm:flex-row sm:items-center sm:justify-between"
            >
              <div>
                <p className="flex flex-wrap items-center gap-2 font-semibold">
                  {user.displayName} <Badge>{user.role.toLowerCase()}</Badge>
                  {user.disabledAt && <Badge tone="bad">disabled</Badge>}
                </p>
                <p className="text-sm text-muted">{user.email}</p>
              </div>
              {/* Another admin's account is their own: no reset or disable from here. */}
              {user.id !== admin.id && user.role !== "ADMIN" && (
                <UserActions userId={user.id} name={user.displayName} disabled={Boolean(user.disabledAt)} />
              )}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
