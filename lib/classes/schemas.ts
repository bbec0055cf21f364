import { z } from "zod";

import { DisplayNameSchema } from "@/lib/accounts/schemas";

export const ClassNameSchema = z
  .string({ error: "Give the class a name." })
  .trim()
  .min(1, "Give the class a name.")
  .max(80, "Use at most 80 characters.");

export const CreateClassSchema = z.object({ name: ClassNameSchema });
export const RenameClassSchema = z.object({ classId: z.string().min(1), name: ClassNameSchema });
export const ClassIdSchema = z.object({ classId: z.string().min(1) });
export const ClassStudentSchema = z.object({ classId: z.string().min(1), studentId: z.string().min(1) });
export const RenameStudentSchema = ClassStudentSchema.extend({ displayName: DisplayNameSchema });
