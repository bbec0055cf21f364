"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";

import { formAction } from "@/lib/actions";
import { requireTeacher } from "@/lib/auth/session";
import { db } from "@/lib/db";
import {
  addDraftFact,
  createDraft,
  deleteDraft,
  editDraftFact,
  publishDraft,
  setArticleShared,
  setFactStatus,
} from "@/lib/imports/mutations";
import { FactEditSchema, ImportArticleSchema } from "@/lib/imports/schemas";

export const createDraftAction = formAction(ImportArticleSchema, async (input) => {
  const teacher = await requireTeacher();
  const draft = await createDraft(db, teacher, input);
  redirect(`/teacher/import/${draft.id}`);
});

export const setFactStatusAction = formAction(
  z.object({
    draftId: z.string().min(1),
    factId: z.string().min(1),
    status: z.enum(["pending", "accepted", "rejected"]),
  }),
  async ({ draftId, factId, status }) => {
    const teacher = await requireTeacher();
    await setFactStatus(db, teacher, draftId, factId, status);
    revalidatePath(`/teacher/import/${draftId}`);
  },
);

export const editFactAction = formAction(FactEditSchema, async (edit) => {
  const teacher = await requireTeacher();
  await editDraftFact(db, teacher, edit);
  revalidatePath(`/teacher/import/${edit.draftId}`);
  return { saved: true };
});

export const addFactAction = formAction(FactEditSchema.omit({ factId: true }), async (edit) => {
  const teacher = await requireTeacher();
  await addDraftFact(db, teacher, edit);
  revalidatePath(`/teacher/import/${edit.draftId}`);
  return { added: true };
});

export const publishDraftAction = formAction(z.object({ draftId: z.string().min(1) }), async ({ draftId }) => {
  const teacher = await requireTeacher();
  const { slug } = await publishDraft(db, teacher, draftId);
  redirect(`/teacher/articles/${slug}`);
});

export const deleteDraftAction = formAction(z.object({ draftId: z.string().min(1) }), async ({ draftId }) => {
  const teacher = await requireTeacher();
  await deleteDraft(db, teacher, draftId);
  redirect("/teacher/import");
});

export const shareArticleAction = formAction(
  z.object({ slug: z.string().min(1), shared: z.enum(["true", "false"]) }),
  async ({ slug, shared }) => {
    const teacher = await requireTeacher();
    await setArticleShared(db, teacher, slug, shared === "true");
    revalidatePath("/teacher/import");
  },
);
