import { formatJoinCode } from "../../lib/classes/codes";
import type { DemoLogins } from "../../lib/demo/seed";

export function formatDemoLogins(logins: DemoLogins): string {
  return [
    "Demo logins (shown once; `npm run db:seed -- --demo` makes new passwords):",
    `  teacher   ${logins.teacher.email}   password ${logins.teacher.password}`,
    ...logins.students.map((s) => `  student   ${s.username.padEnd(22)} password ${s.password}`),
    `  class     "${logins.classroom.name}"   join code ${formatJoinCode(logins.classroom.joinCode)}`,
  ].join("\n");
}
