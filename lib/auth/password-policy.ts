// Passwords: at least 10 characters and not on a list of common passwords (Mozilla's
// list of the most used ones). Students may use a PIN of at least 6 digits instead.
import commonPasswords from "fxa-common-password-list";

export const MIN_PASSWORD_LENGTH = 10;
export const MIN_PIN_LENGTH = 6;

function isCommon(secret: string): boolean {
  return commonPasswords.test(secret) || commonPasswords.test(secret.toLowerCase());
}

/** A problem with a password, or undefined when it is acceptable. */
export function passwordProblem(password: string): string | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (password.length > 200) return "Use at most 200 characters.";
  if (isCommon(password) || /^(.)\1+$/.test(password))
    return "That password is too common: choose one that is harder to guess.";
  return undefined;
}

/** For students: a password as above, or a PIN of at least 6 digits that is not common. */
export function studentSecretProblem(secret: string): string | undefined {
  if (/^\d+$/.test(secret)) {
    if (secret.length < MIN_PIN_LENGTH) return `A PIN needs at least ${MIN_PIN_LENGTH} digits.`;
    if (
      isCommon(secret) ||
      /^(\d)\1+$/.test(secret) ||
      "0123456789012345".includes(secret) ||
      "9876543210987654".includes(secret)
    ) {
      return "That PIN is too easy to guess: choose another.";
    }
    return undefined;
  }
  return passwordProblem(secret);
}
