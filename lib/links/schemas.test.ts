import { describe, expect, it } from "vitest";

import { AllowedHostsSchema } from "./schemas";

describe("AllowedHostsSchema", () => {
  it("takes one host a line (or separated by commas), with or without a port", () => {
    expect(AllowedHostsSchema.parse({ hosts: "intranet.school.org\n10.0.0.5:8080, news.local\n\n" }).hosts).toEqual([
      "intranet.school.org",
      "10.0.0.5:8080",
      "news.local",
    ]);
    expect(AllowedHostsSchema.parse({ hosts: "" }).hosts).toEqual([]);
  });

  it("names an entry that is not a host", () => {
    const result = AllowedHostsSchema.safeParse({ hosts: "intranet.school.org\nhttp://x/y" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/"http:\/\/x\/y" is not a host name/);
  });
});
