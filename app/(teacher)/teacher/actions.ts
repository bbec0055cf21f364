"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";

import { teacherAction } from "@/lib/actions";
import {
  createClass,
  removeStudent,
  renameClass,
  renameStudent,
  resetStudentPassword,
  rotateJoinCode,
  setClassArchived,
} from "@/lib/classes/mutations";
import {
  ClassIdSchema,
  ClassStudentSchema,
  CreateClassSchema,
  RenameClassSchema,
  RenameStudentSchema,
} from "@/lib/classes/schemas";
import { db } from "@/lib/db";
import { deleteStudent } from "@/lib/privacy/delete";

export const createClassAction = teacherAction(CreateClassSchema, async ({ name }, teacher) => {
  const created = await createClass(db, teacher, name);
  redirect(`/teacher/classes/${created.id}`);
});

export const renameClassAction = teacherAction(RenameClassSchema, async ({ classId, name }, teacher) => {
  await renameClass(db, teacher, classId, name);
  revalidatePath(`/teacher/classes/${classId}`);
  return { name };
});

export const archiveClassAction = teacherAction(ClassIdSchema, async ({ classId }, teacher) => {
  await setClassArchived(db, teacher, classId, true);
  revalidatePath("/teacher");
  redirect("/teacher");
});

export const unarchiveClassAction = teacherAction(ClassIdSchema, async ({ classId }, teacher) => {
  await setClassArchived(db, teacher, classId, false);
  revalidatePath(`/teacher/classes/${classId}`);
});

export const rotateCodeAction = teacherAction(ClassIdSchema, async ({ classId }, teacher) => {
  await rotateJoinCode(db, teacher, classId);
  revalidatePath(`/teacher/classes/${classId}`);
});

export const removeStudentAction = teacherAction(ClassStudentSchema, async ({ classId, studentId }, teacher) => {
  await removeStudent(db, teacher, classId, studentId);
  revalidatePath(`/teacher/classes/${classId}`);
});

export const renameStudentAction = teacherAction(
  RenameStudentSchema,
  async ({ classId, studentId, displayName }, teacher) => {
    await renameStudent(db, teacher, classId, studentId, displayName);
    revalidatePath(`/teacher/classes/${classId}`);
    return { displayName };
  },
);

export const resetStudentPasswordAction = teacherAction(ClassStudentSchema, async ({ classId, studentId }, teacher) => {
  const password = await resetStudentPassword(db, teacher, classId, studentId);
  return { studentId, password };
});

export const deleteStudentAction = teacherAction(ClassStudentSchema, async ({ classId, studentId }, teacher) => {
  await deleteStudent(db, teacher, studentId);
  revalidatePath(`/teacher/classes/${classId}`);
});
