import { readFileSync } from "node:fs";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { loadContent } from "@/lib/content/load";
import { syncContent } from "@/lib/content/sync";
import {
  addDraftFact,
  createDraft,
  editDraftFact,
  previewDraft,
  previewFactEdit,
  publishDraft,
  setFactStatus,
} from "@/lib/imports/mutations";
import { findDraft } from "@/lib/imports/queries";

import { makeUser, rejectsWith } from "./factories";
import { createTestDatabase, TEST_PROVIDER, type TestDatabase } from "./test-db";

const ELECTION = readFileSync("tests/fixtures/drafting/slovenia-election-2025-10-13/article.md", "utf8").replace(
  /^---[\s\S]*?---\s*/,
  "",
);

describe(`importing an article on ${TEST_PROVIDER}`, () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase();
    await syncContent(test.db, loadContent("content"));
  });
  afterAll(() => test.drop());

  const input = { title: "Election result", outlet: "Wire", url: "", publishedOn: "2025-10-13", body: ELECTION };

  it("refuses bad text with a clear message and stores nothing", async () => {
    const teacher = await makeUser(test.db, "TEACHER");
    const drafts = await test.db.articleDraft.count();
    await rejectsWith(createDraft(test.db, teacher, { ...input, body: "" }), "invalid_input");
    await rejectsWith(
      createDraft(test.db, teacher, { ...input, body: `<p style="mso-line-height-rule:exactly">${ELECTION}</p>` }),
      "invalid_input",
    );
    await rejectsWith(createDraft(test.db, teacher, { ...input, body: "x".repeat(100_001) }), "invalid_input");
    await rejectsWith(createDraft(test.db, teacher, { ...input, publishedOn: "2099-01-01" }), "invalid_input");
    await rejectsWith(
      createDraft(test.db, teacher, {
        ...input,
        body: "Die Regierung hat am Montag angekündigt, dass die Wahlen im Herbst stattfinden werden und dass die Bürger ihre Stimme abgeben können.",
      }),
      "invalid_input",
    );
    expect(await test.db.articleDraft.count()).toBe(drafts);
  });

  it("drafts facts, keeps the review in the draft, publishes the accepted ones with their questions", async () => {
    const teacher = await makeUser(test.db, "TEACHER");
    const other = await makeUser(test.db, "TEACHER");
    const { id } = await createDraft(test.db, teacher, input);
    const draft = (await findDraft(test.db, teacher, id))!;
    expect(draft.facts.length).toBeGreaterThan(5);
    expect(await findDraft(test.db, other, id)).toBeNull();
    expect(await test.db.article.count({ where: { title: "Election result" } })).toBe(0);

    const [first, second, third] = draft.facts;
    await setFactStatus(test.db, teacher, id, first!.id, "accepted");
    await setFactStatus(test.db, teacher, id, second!.id, "rejected");
    await editDraftFact(test.db, teacher, {
      draftId: id,
      factId: third!.id,
      subject: third!.subject,
      relation: third!.relation,
      answer: third!.answer,
      type: third!.type,
      unit: third!.unit,
      qualifier: third!.qualifier,
      quote: third!.quote,
      aliases: "",
    });
    await rejectsWith(
      editDraftFact(test.db, teacher, {
        draftId: id,
        factId: third!.id,
        subject: "x",
        relation: "y",
        answer: "z",
        type: "phrase",
        quote: "A sentence that is not in the article.",
      }),
      "invalid_input",
    );
    const sentence = ELECTION.split(/(?<=\.)\s+/)[0]!.trim();
    await addDraftFact(test.db, teacher, {
      draftId: id,
      subject: "The article",
      relation: "opens with",
      answer: sentence.split(" ")[0]!,
      type: "phrase",
      quote: sentence,
    });
    await rejectsWith(setFactStatus(test.db, other, id, first!.id, "accepted"), "not_found");

    const reviewed = (await findDraft(test.db, teacher, id))!;
    expect(reviewed.facts.filter((f) => f.status === "accepted")).toHaveLength(3);
    await rejectsWith(publishDraft(test.db, other, id, { leaveOutUnreviewed: true }), "not_found");
    // Facts still to review are never dropped by surprise: publishing says how many, and waits.
    const pending = reviewed.facts.filter((f) => f.status === "pending").length;
    expect(pending).toBeGreaterThan(0);
    await expect(publishDraft(test.db, teacher, id)).rejects.toThrow(
      `${pending} facts are still to review. Accept or reject them, or tick “Leave out the ${pending} facts still to review” to publish without them.`,
    );
    expect(await test.db.article.count({ where: { title: "Election result" } })).toBe(0);
    expect((await findDraft(test.db, teacher, id))!.facts).toEqual(reviewed.facts);
    const { slug } = await publishDraft(test.db, teacher, id, { leaveOutUnreviewed: true });
    const article = await test.db.article.findUniqueOrThrow({
      where: { slug },
      include: { facts: true, questionSets: true },
    });
    expect(article).toMatchObject({ source: "IMPORT", ownerId: teacher.id, shared: false });
    expect(article.facts).toHaveLength(3);
    expect(await test.db.question.count({ where: { articleId: article.id } })).toBeGreaterThan(0);
    expect(await findDraft(test.db, teacher, id)).toBeNull();
  });

  it("a fact can replace a fact of the teacher's earlier import, which then leaves the quizzes", async () => {
    const teacher = await makeUser(test.db, "TEACHER");
    const first = await createDraft(test.db, teacher, {
      ...input,
      title: "First round",
      publishedOn: "2025-05-16",
      body: "After talks in Istanbul on Friday, the two sides agreed to exchange 1,000 prisoners of war each, according to officials who attended.",
    });
    await addDraftFact(test.db, teacher, {
      draftId: first.id,
      subject: "Prisoner exchange agreed at the first round",
      relation: "prisoners of war exchanged by each side",
      answer: "1,000",
      type: "number",
      unit: "prisoners of war",
      qualifier: "each",
      quote: "the two sides agreed to exchange 1,000 prisoners of war each",
    });
    const { slug: olderSlug } = await publishDraft(test.db, teacher, first.id, { leaveOutUnreviewed: true });
    const older = await test.db.fact.findFirstOrThrow({ where: { article: { slug: olderSlug } } });
    const body =
      "After a second round of talks in Istanbul on Monday, the two sides agreed to exchange 1,200 prisoners of war each, according to officials who attended.";
    const { id } = await createDraft(test.db, teacher, {
      ...input,
      title: "Second round",
      publishedOn: "2025-06-02",
      body,
    });
    await addDraftFact(test.db, teacher, {
      draftId: id,
      subject: "Prisoner exchange agreed at the second round",
      relation: "prisoners of war exchanged by each side",
      answer: "1,200",
      type: "number",
      unit: "prisoners of war",
      qualifier: "each",
      quote: "the two sides agreed to exchange 1,200 prisoners of war each",
      supersedes: `${olderSlug}#${older.key}`,
    });
    await publishDraft(test.db, teacher, id, { leaveOutUnreviewed: true });
    expect((await test.db.fact.findUniqueOrThrow({ where: { id: older.id } })).supersededById).not.toBeNull();
    const inQuiz = await test.db.questionSetItem.count({
      where: { set: { kind: "ARTICLE" }, question: { facts: { some: { factId: older.id } } } },
    });
    expect(inQuiz).toBe(0);
    // Loading the content again does not bring it back.
    await syncContent(test.db, loadContent("content"));
    expect(
      await test.db.questionSetItem.count({
        where: { set: { kind: "ARTICLE" }, question: { facts: { some: { factId: older.id } } } },
      }),
    ).toBe(0);
  });

  it("a fact cannot replace a fact of another teacher's unshared import", async () => {
    const owner = await makeUser(test.db, "TEACHER");
    const other = await makeUser(test.db, "TEACHER");
    const body = "The city council elected Maria Novak as its new chair on Monday, the council said in a statement.";
    const fact = {
      subject: "The city council",
      relation: "new chair",
      answer: "Maria Novak",
      type: "person" as const,
      quote: "The city council elected Maria Novak as its new chair on Monday",
    };
    const first = await createDraft(test.db, owner, {
      ...input,
      title: "Council vote",
      publishedOn: "2025-06-02",
      body,
    });
    await addDraftFact(test.db, owner, { draftId: first.id, ...fact });
    const { slug } = await publishDraft(test.db, owner, first.id, { leaveOutUnreviewed: true });
    const hidden = await test.db.fact.findFirstOrThrow({ where: { article: { slug } } });

    const second = await createDraft(test.db, other, {
      ...input,
      title: "Council, again",
      publishedOn: "2025-06-03",
      body,
    });
    await addDraftFact(test.db, other, { draftId: second.id, ...fact, supersedes: `${slug}#${hidden.key}` });
    await rejectsWith(publishDraft(test.db, other, second.id, { leaveOutUnreviewed: true }), "invalid_input");
    expect((await test.db.fact.findUniqueOrThrow({ where: { id: hidden.id } })).supersededById).toBeNull();
  });

  describe("the review shows what each fact will become", () => {
    // A short report written for this test (not from any outlet).
    const FOOTBRIDGE = [
      "RIVERTON, March 3 — The Riverton town council voted on Monday to build a new footbridge over the Calder River, ending a debate that had lasted four years.",
      "The bridge will cost 4.2 million euros and should open in 2027, said Mayor Helen Okafor. Councillors approved the plan by 9 votes to 2.",
      "Work on the 180-metre bridge will begin in June, and engineers from Delft University of Technology will check the design. About 12,000 people cross the river every day, according to the council's own count.",
    ].join("\n\n");
    const bridge = {
      title: "Riverton votes for a footbridge",
      outlet: "Test Wire",
      url: "",
      publishedOn: "2025-03-03",
    };
    const length = {
      subject: "the new footbridge",
      relation: "length",
      answer: "180",
      type: "number" as const,
      unit: "metres",
      quote: "Work on the 180-metre bridge will begin in June",
    };

    it("previews every fact not rejected, pending ones too, only for the draft's teacher", async () => {
      const teacher = await makeUser(test.db, "TEACHER");
      const other = await makeUser(test.db, "TEACHER");
      const { id } = await createDraft(test.db, teacher, { ...bridge, body: FOOTBRIDGE });
      const draft = (await findDraft(test.db, teacher, id))!;
      expect(draft.facts.every((f) => f.status === "pending")).toBe(true);

      const preview = await previewDraft(test.db, teacher, id);
      expect(preview.facts.map((f) => f.factId)).toEqual(draft.facts.map((f) => f.id));
      const served = preview.facts.flatMap((f) => f.questions).filter((q) => !q.heldBackReason);
      expect(served.length).toBeGreaterThan(0);
      for (const q of served) {
        expect(q.stem).not.toBe("");
        expect(q.answer).not.toBe("");
      }

      const [rejected] = draft.facts;
      await setFactStatus(test.db, teacher, id, rejected!.id, "rejected");
      const after = await previewDraft(test.db, teacher, id);
      expect(after.facts.map((f) => f.factId)).not.toContain(rejected!.id);
      expect(after.facts).toHaveLength(draft.facts.length - 1);

      await rejectsWith(previewDraft(test.db, other, id), "not_found");
    });

    it("re-previews an edit with the draft's other facts at once, without saving it", async () => {
      const teacher = await makeUser(test.db, "TEACHER");
      const { id } = await createDraft(test.db, teacher, { ...bridge, body: FOOTBRIDGE });
      await addDraftFact(test.db, teacher, { draftId: id, ...length });
      const draft = (await findDraft(test.db, teacher, id))!;
      const fact = draft.facts.find((f) => f.subject === length.subject)!;
      const edit = { draftId: id, factId: fact.id, ...length };

      // The same fields preview as the whole draft previews them: with the other facts around.
      const saved = (await previewDraft(test.db, teacher, id)).facts.find((f) => f.factId === fact.id)!;
      expect(saved.served).toBeGreaterThan(0);
      expect(await previewFactEdit(test.db, teacher, edit)).toEqual(saved);

      // A subject turned into a fragment that gives the answer away: held back, with a reason.
      const fragment = await previewFactEdit(test.db, teacher, {
        ...edit,
        subject: "Work on the 180-metre bridge will begin",
      });
      const held = fragment.questions.filter((q) => q.heldBackReason);
      expect(held.length).toBeGreaterThan(saved.heldBack);
      expect(held[0]!.heldBackReason).toMatch(/\w/);
      // Previewing wrote nothing.
      expect((await findDraft(test.db, teacher, id))!.facts).toEqual(draft.facts);

      // Once saved, the draft's own preview shows the same.
      await editDraftFact(test.db, teacher, { ...edit, subject: "Work on the 180-metre bridge will begin" });
      const afterSave = (await previewDraft(test.db, teacher, id)).facts.find((f) => f.factId === fact.id)!;
      expect(afterSave.heldBack).toBe(fragment.heldBack);
    });

    it("refuses a malformed edit with a clear message and changes nothing", async () => {
      const teacher = await makeUser(test.db, "TEACHER");
      const other = await makeUser(test.db, "TEACHER");
      const { id } = await createDraft(test.db, teacher, { ...bridge, body: FOOTBRIDGE });
      await addDraftFact(test.db, teacher, { draftId: id, ...length });
      const draft = (await findDraft(test.db, teacher, id))!;
      const fact = draft.facts.find((f) => f.subject === length.subject)!;
      const edit = { draftId: id, factId: fact.id, ...length };

      await expect(previewFactEdit(test.db, teacher, { ...edit, answer: "many" })).rejects.toThrow(/not a number/);
      await rejectsWith(previewFactEdit(test.db, teacher, { ...edit, answer: "many" }), "invalid_input");
      await rejectsWith(
        previewFactEdit(test.db, teacher, { ...edit, quote: "A sentence that is not in the article." }),
        "invalid_input",
      );
      await rejectsWith(previewFactEdit(test.db, teacher, { ...edit, factId: "no-such-fact" }), "not_found");
      await rejectsWith(previewFactEdit(test.db, other, edit), "not_found");
      expect((await findDraft(test.db, teacher, id))!.facts).toEqual(draft.facts);
    });
  });

  it("an edit that gives two place facts one subject never offers one's answer as the other's wrong option", async () => {
    const teacher = await makeUser(test.db, "TEACHER");
    const body = [
      "DORVALE, May 4 — The cup final was held at Brackenfield Stadium in Dorvale on Sunday, and the home side won 2-1.",
      "Supporters travelled from Rivertown, Ashby and Colne. The trophy parade went through Marlow on Monday.",
    ].join("\n\n");
    const { id } = await createDraft(test.db, teacher, {
      title: "Home side lifts the cup",
      outlet: "Test Wire",
      url: "",
      publishedOn: "2025-05-04",
      body,
    });
    const finalQuote = "The cup final was held at Brackenfield Stadium in Dorvale on Sunday";
    const places = [
      { subject: "Cup final", relation: "held at", answer: "Brackenfield Stadium", quote: finalQuote },
      { subject: "Trophy parade", relation: "held in", answer: "Dorvale", quote: finalQuote },
      {
        subject: "Supporters",
        relation: "travelled from",
        answer: "Rivertown",
        quote: "Supporters travelled from Rivertown",
      },
      {
        subject: "Trophy parade",
        relation: "went through",
        answer: "Marlow",
        quote: "The trophy parade went through Marlow",
      },
    ];
    for (const place of places) await addDraftFact(test.db, teacher, { draftId: id, type: "place", ...place });
    const draft = (await findDraft(test.db, teacher, id))!;
    const town = draft.facts.find((f) => f.answer === "Dorvale")!;
    const edit = { draftId: id, factId: town.id, ...places[1]!, type: "place" as const, subject: "Cup final" };

    // The teacher makes the town a second answer for the cup final: the venue is also true of it.
    const preview = await previewFactEdit(test.db, teacher, edit);
    // What is offered as wrong: multiple-choice options and false statements (a fill-in shows the sentence).
    const offered = (questions: typeof preview.questions) =>
      questions
        .filter((q) => !q.heldBackReason && q.type !== "FILL_BLANK")
        .flatMap((q) => [
          q.type === "TRUE_FALSE" && q.answer === "True" ? "" : q.stem,
          ...q.options.filter((o) => o !== q.answer),
        ]);
    expect(offered(preview.questions).join(" | ")).not.toMatch(/Brackenfield/);
    expect(preview.served).toBeGreaterThan(0);

    // Saved, the venue's own questions do not offer the town either.
    await editDraftFact(test.db, teacher, edit);
    const venue = draft.facts.find((f) => f.answer === "Brackenfield Stadium")!;
    const venuePreview = (await previewDraft(test.db, teacher, id)).facts.find((f) => f.factId === venue.id)!;
    expect(offered(venuePreview.questions).join(" | ")).not.toMatch(/Dorvale/);
  });
});
