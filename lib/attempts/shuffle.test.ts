import { describe, expect, it } from "vitest";

import { inShownOrder, shownOrder } from "./shuffle";

const options = ["Fidan", "Umerov", "Medinsky", "Erdogan"].map((text, position) => ({ position, text }));
const mc = { id: "q-chair", type: "MULTIPLE_CHOICE", options };

describe("the order a student sees the options in", () => {
  it("shuffles multiple choice per attempt, the same every time within one", () => {
    const orders = new Set(Array.from({ length: 20 }, (_, i) => shownOrder(mc, `attempt-${i}`).join()));
    // 20 attempts (students) do not all see one order; 24 orders are possible.
    expect(orders.size).toBeGreaterThan(5);
    expect(shownOrder(mc, "attempt-1")).toEqual(shownOrder(mc, "attempt-1"));
    expect([...shownOrder(mc, "attempt-1")].sort()).toEqual([0, 1, 2, 3]);
    expect(inShownOrder(mc, "attempt-1").options.map((o) => o.position)).toEqual(shownOrder(mc, "attempt-1"));
  });

  it("keeps True before False, and the generator's order for ordering and matching", () => {
    for (const type of ["TRUE_FALSE", "ORDERING", "MATCHING"]) {
      const question = { id: "q", type, options: [...options].reverse() };
      for (let i = 0; i < 10; i++) expect(shownOrder(question, `attempt-${i}`)).toEqual([0, 1, 2, 3]);
    }
  });
});
