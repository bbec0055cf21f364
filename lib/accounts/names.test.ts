import { describe, expect, it } from "vitest";

import { displayNameProblem } from "./names";

describe("displayNameProblem", () => {
  it("refuses a name with a swear word or slur, however it is spelled", () => {
    for (const name of [
      "Fuck",
      "Mr Shithead",
      "sh1t head",
      "B!tch",
      "f u c k",
      "f.u.c.k you",
      "FUUUUCK",
      "Big Dickhead",
      "twat waffle",
      "Ассистент wanker",
      "Ana $lut",
    ]) {
      expect(displayNameProblem(name), name).toMatch(/not allowed in class/);
    }
  });

  it("accepts real names that contain such letters, from any language", () => {
    for (const name of [
      "Alex",
      "Dikshit Sharma",
      "Shitij Patel",
      "Harpreet Wankhede",
      "Alan Cumming",
      "Nguyễn Thị Bích",
      "Analise Hooker",
      "Scunthorpe",
      "Joe Cocker",
      "Dick Van Dyke",
      "Carrie Coon",
      "Fanny Blankers-Koen",
      "Cassandra Hancock",
      "Titus Assad",
      "Sam (demo)",
      "Ørjan Ødegård",
      "李小龙",
    ]) {
      expect(displayNameProblem(name), name).toBeUndefined();
    }
  });
});
