"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";

import { teacherAction } from "@/lib/actions";
import { importBank, readOrRefuse } from "@/lib/banks/mutations";
import { bankPreviewOf, MAX_BANK_CHARS } from "@/lib/banks/read";
import { db } from "@/lib/db";
import { readLink } from "@/lib/imports/links";
import {
  addDraftFact,
  createDraft,
  deleteDraft,
  editDraftFact,
  previewFactEdit,
  publishDraft,
  setArticleShared,
  setFactStatus,
} from "@/lib/imports/mutations";
import { FactEditSchema, ImportArticleSchema, ImportLinkSchema } from "@/lib/imports/schemas";

// Reads an article's page for the teacher to check (nothing is stored), or finds it already imported.
export const readLinkAction = teacherAction(ImportLinkSchema, ({ url }, teacher) => readLink(db, teacher, url));

export const createDraftAction = teacherAction(ImportArticleSchema, async (input, teacher) => {
  const draft = await createDraft(db, teacher, input);
  redirect(`/teacher/import/${draft.id}`);
});

export const setFactStatusAction = teacherAction(
  z.object({
    draftId: z.string().min(1),
    factId: z.string().min(1),
    status: z.enum(["pending", "accepted", "rejected"]),
  }),
  async ({ draftId, factId, status }, teacher) => {
    await setFactStatus(db, teacher, draftId, factId, status);
    revalidatePath(`/teacher/import/${draftId}`);
  },
);

export const editFactAction = teacherAction(FactEditSchema, async (edit, teacher) => {
  await editDraftFact(db, teacher, edit);
  revalidatePath(`/teacher/import/${edit.draftId}`);
  return { saved: true };
});

// Re-previews one fact while its edit form changes: generation only, nothing written.
export const previewFactEditAction = teacherAction(FactEditSchema, (edit, teacher) =>
  previewFactEdit(db, teacher, edit),
);

export const addFactAction = teacherAction(FactEditSchema.omit({ factId: true }), async (edit, teacher) => {
  await addDraftFact(db, teacher, edit);
  revalidatePath(`/teacher/import/${edit.draftId}`);
  return { added: true };
});

export const publishDraftAction = teacherAction(
  z.object({ draftId: z.string().min(1), leaveOutUnreviewed: z.literal("on").optional() }),
  async ({ draftId, leaveOutUnreviewed }, teacher) => {
    const { slug } = await publishDraft(db, teacher, draftId, { leaveOutUnreviewed: leaveOutUnreviewed === "on" });
    redirect(`/teacher/articles/${slug}?published=1`);
  },
);

export const deleteDraftAction = teacherAction(
  z.object({ draftId: z.string().min(1) }),
  async ({ draftId }, teacher) => {
    await deleteDraft(db, teacher, draftId);
    redirect("/teacher/import");
  },
);

export const shareArticleAction = teacherAction(
  z.object({ slug: z.string().min(1), shared: z.enum(["true", "false"]) }),
  async ({ slug, shared }, teacher) => {
    await setArticleShared(db, teacher, slug, shared === "true");
    revalidatePath("/teacher/import");
  },
);

const BankFileSchema = z.object({
  fileName: z.string().trim().min(1, "Choose a file.").max(300),
  text: z.string().max(MAX_BANK_CHARS + 1, "The file is too long: split it."),
});

// Reads a bank file and shows what it holds: nothing is stored.
export const previewBankAction = teacherAction(BankFileSchema, async (input) => bankPreviewOf(readOrRefuse(input)));

export const importBankAction = teacherAction(BankFileSchema, async (input, teacher) => {
  const { setId, imported } = await importBank(db, teacher, input);
  revalidatePath("/teacher/import");
  redirect(`/teacher/sets/${setId}?imported=${imported}`);
});
