// Importing by link, end to end below the page: the link is read in the drafting thread from
// the tests' local web server (an admin's allowance of its host is the only reason it may be
// fetched), checked, drafted through createDraft, and the same address is found again, never
// duplicated, among what the teacher can see.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { AppError } from "@/lib/errors";
import { readLink } from "@/lib/imports/links";
import { createDraft, publishDraft, setArticleShared, setFactStatus } from "@/lib/imports/mutations";
import { findDraft } from "@/lib/imports/queries";
import { setFetchAllowedHosts } from "@/lib/settings";
import { startPageServer, type PageServer } from "@/tests/support/page-server";

import { makeUser, rejectsWith } from "./factories";
import { createTestDatabase, TEST_PROVIDER, type TestDatabase } from "./test-db";

describe(`importing by link on ${TEST_PROVIDER}`, () => {
  let test: TestDatabase;
  let server: PageServer;
  beforeAll(async () => {
    test = await createTestDatabase();
    server = await startPageServer();
  });
  afterAll(async () => {
    await server.close();
    await test.drop();
  });

  async function message(promise: Promise<unknown>): Promise<string> {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).message;
  }

  it("refuses the local server until an admin allows its host, and says why", async () => {
    const teacher = await makeUser(test.db, "TEACHER");
    const hits = server.hits.length;
    expect(await message(readLink(test.db, teacher, `${server.base}/wire.html`))).toMatch(
      /127\.0\.0\.1 is on a private network/,
    );
    expect(server.hits.length).toBe(hits);
    expect(await message(readLink(test.db, teacher, "file:///etc/passwd"))).toMatch(/Only web addresses/);
    await setFetchAllowedHosts(test.db, [`${server.host}:${server.port}`]);
  });

  it("reads an article for the teacher to check, drafts it, and finds the same address again instead of a copy", async () => {
    const teacher = await makeUser(test.db, "TEACHER");
    const other = await makeUser(test.db, "TEACHER");
    const read = await readLink(test.db, teacher, `${server.base}/wire.html?utm_source=newsletter#top`);
    if (!("article" in read)) throw new Error("expected an article");
    const { article } = read;
    expect(article).toMatchObject({
      url: `${server.base}/wire.html`,
      title: "Harbour board approves night ferry to Kestrel Island",
      outlet: "Tidewire",
      author: "Imogen Halloway",
      publishedOn: "2025-06-03",
    });
    expect(await test.db.articleDraft.count({ where: { ownerId: teacher.id } })).toBe(0);

    const { id } = await createDraft(test.db, teacher, {
      title: article.title,
      outlet: article.outlet,
      url: article.url,
      publishedOn: article.publishedOn!,
      body: article.body,
    });
    const draft = (await findDraft(test.db, teacher, id))!;
    expect(draft.url).toBe(`${server.base}/wire.html`);
    // The dateline is drafted as the place the report was filed from, as for pasted wire copy.
    expect(draft.facts.some((f) => f.answer === "Port Alder")).toBe(true);

    // The same link, written another way or reached through a redirect, finds the draft.
    expect(await readLink(test.db, teacher, `${server.base}/wire.html`)).toEqual({
      existing: { kind: "draft", title: article.title, href: `/teacher/import/${id}` },
    });
    expect(await readLink(test.db, teacher, `${server.base}/moved`)).toMatchObject({ existing: { kind: "draft" } });
    await rejectsWith(
      createDraft(test.db, teacher, {
        title: "Again",
        outlet: "Tidewire",
        url: `${server.base}/wire.html#x`,
        publishedOn: "2025-06-03",
        body: article.body,
      }),
      "conflict",
    );

    await setFactStatus(test.db, teacher, id, draft.facts[0]!.id, "accepted");
    const { slug } = await publishDraft(test.db, teacher, id, { leaveOutUnreviewed: true });
    expect(await readLink(test.db, teacher, `${server.base}/wire.html`)).toEqual({
      existing: { kind: "article", title: article.title, href: `/teacher/articles/${slug}` },
    });

    // Another teacher is not told of a private import: they read the page and may import it.
    const theirs = await readLink(test.db, other, `${server.base}/wire.html`);
    expect(theirs).toHaveProperty("article.title", article.title);
    // Once shared, it is found by every teacher.
    await setArticleShared(test.db, teacher, slug, true);
    expect(await readLink(test.db, other, `${server.base}/wire.html`)).toMatchObject({
      existing: { kind: "article", href: `/teacher/articles/${slug}` },
    });
    expect(await test.db.article.count({ where: { url: `${server.base}/wire.html` } })).toBe(1);
  });

  it("gives a clear message for a paywall, a page with no article, a PDF, a page in German and a huge page", async () => {
    const teacher = await makeUser(test.db, "TEACHER");
    const read = (pathname: string) => message(readLink(test.db, teacher, `${server.base}${pathname}`));
    expect(await read("/paywall.html")).toMatch(/behind The Ledger's paywall/);
    expect(await read("/index.html")).toMatch(/No article was found/);
    expect(await read("/report.pdf")).toMatch(/is a PDF/);
    expect(await read("/german.html")).toMatch(/not in English/);
    expect(await read("/huge.html")).toMatch(/larger than 3 MB/);
    expect(await read("/to-intranet")).toMatch(/intranet\.test/);
    expect(await test.db.articleDraft.count({ where: { ownerId: teacher.id } })).toBe(0);
  });
});
