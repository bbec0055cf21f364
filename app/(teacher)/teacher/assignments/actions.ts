"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { teacherAction } from "@/lib/actions";
import { closeAssignment, updateAssignment } from "@/lib/assignments/mutations";
import { db } from "@/lib/db";
import { AssignmentSchema } from "@/lib/sets/schemas";

export const updateAssignmentAction = teacherAction(
  AssignmentSchema.and(z.object({ assignmentId: z.string().min(1) })),
  async (input, teacher) => {
    await updateAssignment(db, teacher, input.assignmentId, input);
    revalidatePath(`/teacher/assignments/${input.assignmentId}`);
    return { saved: true };
  },
);

export const closeAssignmentAction = teacherAction(
  z.object({ assignmentId: z.string().min(1) }),
  async ({ assignmentId }, teacher) => {
    await closeAssignment(db, teacher, assignmentId);
    revalidatePath(`/teacher/assignments/${assignmentId}`);
  },
);
