"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";

import { teacherAction } from "@/lib/actions";
import { createAssignment } from "@/lib/assignments/mutations";
import { db } from "@/lib/db";
import {
  addToSet,
  createSet,
  describeChange,
  editQuestion,
  renameSet,
  removeFromSet,
  reorderSet,
  retireQuestion,
  setSetShared,
  shuffleSet,
} from "@/lib/sets/mutations";
import { findVisibleSet } from "@/lib/sets/queries";
import {
  AddToSetSchema,
  AssignmentSchema,
  CreateSetSchema,
  EditQuestionSchema,
  SetTitleSchema,
} from "@/lib/sets/schemas";

const SetId = z.object({ setId: z.string().min(1) });

export const createSetAction = teacherAction(CreateSetSchema, async (input, teacher) => {
  const set = await createSet(db, teacher, { ...input, shared: input.shared === "on" });
  redirect(`/teacher/sets/${set.id}`);
});

export const moveQuestionAction = teacherAction(
  SetId.extend({ questionId: z.string().min(1), direction: z.enum(["up", "down"]) }),
  async ({ setId, questionId, direction }, teacher) => {
    const set = await findVisibleSet(db, teacher, setId);
    const ids = set?.items.map((i) => i.question.id) ?? [];
    const at = ids.indexOf(questionId);
    const to = direction === "up" ? at - 1 : at + 1;
    if (at >= 0 && to >= 0 && to < ids.length) [ids[at], ids[to]] = [ids[to]!, ids[at]!];
    await reorderSet(db, teacher, setId, ids);
    revalidatePath(`/teacher/sets/${setId}`);
  },
);

export const removeFromSetAction = teacherAction(
  SetId.extend({ questionId: z.string().min(1) }),
  async ({ setId, questionId }, teacher) => {
    await removeFromSet(db, teacher, setId, questionId);
    revalidatePath(`/teacher/sets/${setId}`);
  },
);

export const addToSetAction = teacherAction(AddToSetSchema, async (input, teacher) => {
  const added = await addToSet(db, teacher, input.setId, input);
  revalidatePath(`/teacher/sets/${input.setId}`);
  redirect(`/teacher/sets/${input.setId}?added=${added}`);
});

export const shuffleSetAction = teacherAction(SetId, async ({ setId }, teacher) => {
  await shuffleSet(db, teacher, setId);
  revalidatePath(`/teacher/sets/${setId}`);
});

export const shareSetAction = teacherAction(
  SetId.extend({ shared: z.enum(["true", "false"]) }),
  async ({ setId, shared }, teacher) => {
    await setSetShared(db, teacher, setId, shared === "true");
    revalidatePath(`/teacher/sets/${setId}`);
  },
);

export const renameSetAction = teacherAction(
  SetId.extend({ title: SetTitleSchema }),
  async ({ setId, title }, teacher) => {
    await renameSet(db, teacher, setId, title);
    revalidatePath(`/teacher/sets/${setId}`);
    return { title };
  },
);

export const retireQuestionAction = teacherAction(
  z.object({ questionId: z.string().min(1), slug: z.string() }),
  async ({ questionId, slug }, teacher) => {
    const change = await retireQuestion(db, teacher, questionId);
    revalidatePath(`/teacher/articles/${slug}`);
    return describeChange(change);
  },
);

export const editQuestionAction = teacherAction(
  EditQuestionSchema.extend({ slug: z.string() }),
  async ({ questionId, stem, explanation, slug }, teacher) => {
    const change = await editQuestion(db, teacher, questionId, { stem, explanation });
    revalidatePath(`/teacher/articles/${slug}`);
    return describeChange(change);
  },
);

export const createAssignmentAction = teacherAction(AssignmentSchema, async (input, teacher) => {
  const assignment = await createAssignment(db, teacher, input);
  redirect(`/teacher/assignments/${assignment.id}`);
});
