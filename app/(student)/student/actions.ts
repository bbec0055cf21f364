"use server";

import { revalidatePath } from "next/cache";

import { formAction } from "@/lib/actions";
import { requireStudent } from "@/lib/auth/session";
import { leaveClass } from "@/lib/classes/mutations";
import { ClassIdSchema } from "@/lib/classes/schemas";
import { db } from "@/lib/db";

export const leaveClassAction = formAction(ClassIdSchema, async ({ classId }) => {
  const student = await requireStudent();
  await leaveClass(db, student, classId);
  revalidatePath("/student");
});
