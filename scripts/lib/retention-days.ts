import { DEFAULT_RETENTION_DAYS } from "../../lib/privacy/retention";
import { UserFacingError } from "./run-main";

export function retentionDays(): number {
  const raw = process.env.RETENTION_DAYS;
  if (raw === undefined || raw === "") return DEFAULT_RETENTION_DAYS;
  const days = Number(raw);
  if (!Number.isInteger(days) || days < 1)
    throw new UserFacingError(`RETENTION_DAYS must be a whole number of days; got "${raw}".`);
  return days;
}
