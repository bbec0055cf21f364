"use server";

import { revalidatePath } from "next/cache";

import { teacherAction } from "@/lib/actions";
import { db } from "@/lib/db";
import { editQuestionAnswer, writeQuestion } from "@/lib/sets/authoring";
import { EditAnswerSchema, WriteQuestionSchema } from "@/lib/sets/authoring-schemas";

export const editAnswerAction = teacherAction(EditAnswerSchema, async ({ questionId, slug, ...answer }, teacher) => {
  const change = await editQuestionAnswer(db, teacher, questionId, answer);
  revalidatePath(`/teacher/articles/${slug}`);
  return change;
});

export const writeQuestionAction = teacherAction(WriteQuestionSchema, async (input, teacher) => {
  const written = await writeQuestion(db, teacher, input);
  revalidatePath(`/teacher/articles/${input.slug}`);
  return written;
});
