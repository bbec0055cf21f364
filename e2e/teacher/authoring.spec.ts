import { randomUUID } from "node:crypto";

import { addDraftFact, createDraft, publishDraft } from "@/lib/imports/mutations";

import { expect, signIn, test } from "../fixtures";

// A short report written for this test (not from any outlet): the final's venue and its town are
// two facts of one subject, so the town is as true an answer as the venue.
const BODY =
  "The cup final was held at Brackenfield Stadium in Dorvale on Sunday, the league said. The winners paraded through Marlow on Monday.";
const FINAL_QUOTE = "The cup final was held at Brackenfield Stadium in Dorvale on Sunday";

test("a teacher writes a question on a fact, is refused a wrong option that is also true, fixes it, and corrects a question's right answer", async ({
  page,
  db,
  make,
}) => {
  test.slow();
  const teacher = await make.teacher();
  const owner = { id: teacher.id, role: "TEACHER" as const };
  const { id: draftId } = await createDraft(db, owner, {
    title: `Cup final ${randomUUID().slice(0, 6)}`,
    outlet: "Test Wire",
    url: "",
    publishedOn: "2025-06-02",
    body: BODY,
  });
  const fact = (relation: string, answer: string) =>
    addDraftFact(db, owner, { draftId, subject: "The cup final", relation, answer, type: "place", quote: FINAL_QUOTE });
  await fact("held at", "Brackenfield Stadium");
  await fact("held in", "Dorvale");
  const { slug } = await publishDraft(db, owner, draftId, { leaveOutUnreviewed: true });
  // A question of the article whose right answer is wrong, for the teacher to correct.
  const article = await db.article.findUniqueOrThrow({
    where: { slug },
    select: { id: true, facts: { where: { answer: "Brackenfield Stadium" }, select: { id: true } } },
  });
  const stem = "Which ground hosted the cup final?";
  await db.question.create({
    data: {
      articleId: article.id,
      type: "MULTIPLE_CHOICE",
      key: `e2e-${randomUUID()}`,
      generatorVersion: 1,
      stem,
      explanation: "The league said so.",
      quote: FINAL_QUOTE,
      options: {
        create: ["Marlow Arena", "Brackenfield Stadium", "Colne Park", "Ashby Ground"].map((text, position) => ({
          position,
          text,
          isCorrect: position === 0,
        })),
      },
      facts: { create: { factId: article.facts[0]!.id } },
      versions: { create: { version: 1, stem, explanation: "The league said so." } },
    },
  });

  await signIn(page, teacher.email);
  await page.goto(`/teacher/articles/${slug}`);

  // Write a multiple-choice question on the venue, offering the town as a wrong option.
  const write = page.getByRole("region", { name: "Write a question" });
  await write.getByText("Write a question").click();
  await expect(write.getByLabel("Type of question")).toHaveValue("MULTIPLE_CHOICE");
  await write.getByRole("radio", { name: /held at: Brackenfield Stadium/ }).check();
  await write.getByLabel("Question", { exact: true }).fill("Where was the cup final played?");
  await write.getByLabel("Option 1", { exact: true }).fill("Brackenfield Stadium");
  await write.getByLabel("Option 2", { exact: true }).fill("Dorvale");
  await write.getByLabel("Option 3", { exact: true }).fill("Colne Park");
  await write.getByRole("radio", { name: "Option 1 is right" }).check();
  await write.getByLabel("Explanation (shown after answering)").fill("The league said it was held there.");
  await write.getByRole("button", { name: "Save question" }).click();
  await expect(write.getByText(/^“Dorvale” cannot be a wrong option: it /)).toBeVisible();
  await expect(write.getByLabel("Option 2", { exact: true })).toHaveAttribute("aria-invalid", "true");
  // What was typed is kept; the town is replaced by a place that is only wrong.
  await expect(write.getByLabel("Option 1", { exact: true })).toHaveValue("Brackenfield Stadium");
  await write.getByLabel("Option 2", { exact: true }).fill("Ashby Ground");
  await write.getByRole("button", { name: "Save question" }).click();
  await expect(write.getByText(/^Saved as your own question/)).toBeVisible();
  const questions = page.getByRole("list", { name: "Generated questions" });
  const written = questions.getByRole("listitem").filter({ hasText: "Where was the cup final played?" });
  await expect(written).toContainText("your question");
  await expect(written).toContainText("Answer: Brackenfield Stadium");

  // Correct the right answer of the article's question: a new version for everyone (the teacher's import).
  const wrong = questions.getByRole("listitem").filter({ hasText: stem });
  await expect(wrong).toContainText("Answer: Marlow Arena");
  await wrong.getByText("Edit options and answer").click();
  await wrong.getByRole("radio", { name: "Option 2 is right" }).check();
  await wrong.getByRole("button", { name: "Save as a new version" }).click();
  await expect(wrong.getByText(/^Saved as version 2 for everyone\./)).toBeVisible();
  await expect(wrong).toContainText("Answer: Brackenfield Stadium");
  await expect(wrong).toContainText("version 2");
});
