"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { formAction } from "@/lib/actions";
import { closeAssignment, updateAssignment } from "@/lib/assignments/mutations";
import { requireTeacher } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AssignmentSchema } from "@/lib/sets/schemas";

export const updateAssignmentAction = formAction(
  AssignmentSchema.and(z.object({ assignmentId: z.string().min(1) })),
  async (input) => {
    const teacher = await requireTeacher();
    await updateAssignment(db, teacher, input.assignmentId, input);
    revalidatePath(`/teacher/assignments/${input.assignmentId}`);
    return { saved: true };
  },
);

export const closeAssignmentAction = formAction(
  z.object({ assignmentId: z.string().min(1) }),
  async ({ assignmentId }) => {
    const teacher = await requireTeacher();
    await closeAssignment(db, teacher, assignmentId);
    revalidatePath(`/teacher/assignments/${assignmentId}`);
  },
);
