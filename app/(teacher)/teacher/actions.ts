"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";

import { formAction } from "@/lib/actions";
import { requireTeacher } from "@/lib/auth/session";
import {
  createClass,
  removeStudent,
  renameClass,
  resetStudentPassword,
  rotateJoinCode,
  setClassArchived,
} from "@/lib/classes/mutations";
import { ClassIdSchema, ClassStudentSchema, CreateClassSchema, RenameClassSchema } from "@/lib/classes/schemas";
import { db } from "@/lib/db";
import { deleteStudent } from "@/lib/privacy/delete";

export const createClassAction = formAction(CreateClassSchema, async ({ name }) => {
  const teacher = await requireTeacher();
  const created = await createClass(db, teacher, name);
  redirect(`/teacher/classes/${created.id}`);
});

export const renameClassAction = formAction(RenameClassSchema, async ({ classId, name }) => {
  const teacher = await requireTeacher();
  await renameClass(db, teacher, classId, name);
  revalidatePath(`/teacher/classes/${classId}`);
  return { name };
});

export const archiveClassAction = formAction(ClassIdSchema, async ({ classId }) => {
  const teacher = await requireTeacher();
  await setClassArchived(db, teacher, classId, true);
  revalidatePath("/teacher");
  redirect("/teacher");
});

export const unarchiveClassAction = formAction(ClassIdSchema, async ({ classId }) => {
  const teacher = await requireTeacher();
  await setClassArchived(db, teacher, classId, false);
  revalidatePath(`/teacher/classes/${classId}`);
});

export const rotateCodeAction = formAction(ClassIdSchema, async ({ classId }) => {
  const teacher = await requireTeacher();
  await rotateJoinCode(db, teacher, classId);
  revalidatePath(`/teacher/classes/${classId}`);
});

export const removeStudentAction = formAction(ClassStudentSchema, async ({ classId, studentId }) => {
  const teacher = await requireTeacher();
  await removeStudent(db, teacher, classId, studentId);
  revalidatePath(`/teacher/classes/${classId}`);
});

export const resetStudentPasswordAction = formAction(ClassStudentSchema, async ({ classId, studentId }) => {
  const teacher = await requireTeacher();
  const password = await resetStudentPassword(db, teacher, classId, studentId);
  return { studentId, password };
});

export const deleteStudentAction = formAction(ClassStudentSchema, async ({ classId, studentId }) => {
  const teacher = await requireTeacher();
  await deleteStudent(db, teacher, studentId);
  revalidatePath(`/teacher/classes/${classId}`);
});
