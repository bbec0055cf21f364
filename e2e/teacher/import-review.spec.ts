import { expect, signIn, test } from "../fixtures";

// A short report written for this test (not from any outlet).
const ARTICLE = [
  "RIVERTON, March 3 — The Riverton town council voted on Monday to build a new footbridge over the Calder River, ending a debate that had lasted four years.",
  "The bridge will cost 4.2 million euros and should open in 2027, said Mayor Helen Okafor. Councillors approved the plan by 9 votes to 2.",
  "Work on the 180-metre bridge will begin in June, and engineers from Delft University of Technology will check the design. About 12,000 people cross the river every day, according to the council's own count.",
].join("\n\n");

test("the review shows each fact's questions, and an edited subject is previewed at once", async ({ page, make }) => {
  // Drafting, then five previews and two saves on a shared machine: more than the default 30 s.
  test.slow();
  const teacher = await make.teacher();
  await signIn(page, teacher.email);
  await page.getByRole("link", { name: "Import", exact: true }).click();
  await page.getByLabel("Headline").fill("Riverton votes for a footbridge");
  await page.getByLabel("Outlet").fill("Test Wire");
  await page.getByLabel("Published on").fill("2025-03-03");
  await page.getByLabel("The article's text").fill(ARTICLE);
  await page.getByRole("button", { name: "Draft the facts" }).click();
  await expect(page.getByRole("heading", { name: "Riverton votes for a footbridge" })).toBeVisible();
  const facts = page.getByRole("list", { name: "Draft facts" }).getByRole("article");

  // A fact still to review already shows the questions it would serve, with the right answer.
  const first = facts.first();
  await expect(first).toContainText("to review");
  await first.getByText(/^Questions: \d+ served · \d+ held back/).click();
  const firstQuestions = first.getByRole("list", { name: "Questions from this fact" }).getByRole("listitem");
  await expect(firstQuestions.first()).toBeVisible();
  await expect(firstQuestions.first()).toContainText("Right answer:");

  // The bridge's length: its subject edited into a fragment that gives the answer away.
  const bridge = facts.filter({ has: page.getByText("180", { exact: true }) });
  await expect(bridge).toHaveCount(1);
  await bridge.getByText("Edit", { exact: true }).click();
  const preview = bridge.getByRole("region", { name: "Preview of this edit" });
  await bridge.getByLabel("Answer type").selectOption("number");
  await bridge.getByLabel("Relation").fill("length");
  await bridge.getByLabel("Unit (numbers)").fill("metres");
  await bridge.getByLabel("Subject").fill("Work on the 180-metre bridge will begin");
  // Re-previewed while typing, before anything is saved: some question is held back, with its reason.
  await expect(preview).toContainText("will begin");
  await expect(preview.getByText(/^Held back: \S/).first()).toBeVisible();
  await expect(preview).toContainText(/[1-9]\d* held back/);
  await bridge.getByRole("button", { name: "Save and accept" }).click();
  await expect(bridge).toContainText("accepted");
  await expect(bridge.getByText(/^Questions: \d+ served · [1-9]\d* held back/)).toBeVisible();

  // A subject emptied while typing is said beside its field, not as a field's code name.
  await bridge.getByLabel("Subject").fill("");
  await expect(bridge.getByLabel("Subject")).toHaveAccessibleDescription("Say what the fact is about.");
  await expect(preview).toContainText("Correct the fields marked above");
  await expect(preview).not.toContainText("subject:");

  // Fixed: every question of the fact is served again.
  await bridge.getByLabel("Subject").fill("the new footbridge");
  await expect(preview).toContainText("the new footbridge");
  await expect(preview).toContainText(/[1-9]\d* served · 0 held back/);
  await expect(preview.getByText(/^Held back:/)).toHaveCount(0);
  await bridge.getByRole("button", { name: "Save and accept" }).click();
  await expect(bridge).toContainText("— length:");
  await expect(bridge.getByText(/^Questions: [1-9]\d* served · 0 held back/)).toBeVisible();
  await expect(bridge).not.toContainText("No question would be served");
});
