// Shapes of the account forms, shared by the forms and their actions.
import { z } from "zod";

import { DISPLAY_NAME_MAX } from "@/lib/accounts/limits";
import { displayNameProblem } from "@/lib/accounts/names";
import { passwordProblem, studentSecretProblem } from "@/lib/auth/password-policy";

const trimmed = (max: number, label: string) =>
  z
    .string({ error: `${label} is required.` })
    .trim()
    .min(1, `${label} is required.`)
    .max(max, `${label} must be at most ${max} characters.`);

/** The name a class sees: any language, no swear words or slurs (the same rule when a teacher renames). */
export const DisplayNameSchema = trimmed(DISPLAY_NAME_MAX, "Name").superRefine((value, ctx) => {
  const problem = displayNameProblem(value);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

export const EmailSchema = z
  .string({ error: "Email is required." })
  .trim()
  .toLowerCase()
  .pipe(z.email("Enter an email address like name@school.org."));

export const PasswordSchema = z.string({ error: "Password is required." }).superRefine((value, ctx) => {
  const problem = passwordProblem(value);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

export const StudentSecretSchema = z.string({ error: "Choose a password or PIN." }).superRefine((value, ctx) => {
  const problem = studentSecretProblem(value);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

export const JoinCodeSchema = z
  .string({ error: "Enter the class code." })
  .transform((value) => value.toUpperCase().replace(/[\s-]/g, ""))
  .pipe(z.string().min(1, "Enter the class code.").max(20, "That is longer than a class code."));

export const SignInSchema = z.object({
  identifier: trimmed(200, "Email or username"),
  password: z.string().min(1, "Password is required.").max(200),
  next: z.string().optional(),
});

export const SignUpSchema = z.object({
  displayName: DisplayNameSchema,
  email: EmailSchema,
  password: PasswordSchema,
  role: z.enum(["TEACHER", "LEARNER"], { error: "Choose teacher or learner." }),
  invite: z.string().max(200).optional(),
});
export type SignUpInput = z.infer<typeof SignUpSchema>;

export const JoinAsNewStudentSchema = z.object({
  code: JoinCodeSchema,
  displayName: DisplayNameSchema,
  secret: StudentSecretSchema,
});
export type JoinAsNewStudentInput = z.infer<typeof JoinAsNewStudentSchema>;

export const ChangePasswordSchema = z.object({
  current: z.string().min(1, "Enter your current password or PIN."),
  next: z.string().min(1, "Choose a new password or PIN."),
});

export const ResetRequestSchema = z.object({ email: EmailSchema });
export const ResetWithTokenSchema = z.object({ token: z.string().min(10).max(200), password: PasswordSchema });
