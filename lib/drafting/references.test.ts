// A bare "the typhoon" takes the article's fuller mention. Every sentence here is made up.
import { describe, expect, it } from "vitest";

import { draftFacts } from "./draft";
import { fullerMentions, resolveBareSubject, resolveBareSubjects } from "./references";

describe("the fuller mention of a bare subject", () => {
  it("takes a name built on the noun, as a title or before it", () => {
    const text = "Typhoon Merel reached the coast at dawn. The typhoon made landfall near Arlo on Tuesday.";
    expect(resolveBareSubject("The typhoon", text)).toBe("Typhoon Merel");
    const fire = "The Cedar Ridge Fire spread overnight. Crews said the fire was 20% contained.";
    expect(resolveBareSubject("the fire", fire)).toBe("the Cedar Ridge Fire");
  });

  it("takes an owner or a complement that says which", () => {
    expect(resolveBareSubject("The trial", "Marcus Vell's trial opened in May. The trial lasted six weeks.")).toBe(
      "Marcus Vell's trial",
    );
    expect(
      resolveBareSubject("the visit", "A visit by Ana Castell to Norland was announced. The visit will last two days."),
    ).toBe("the visit by Ana Castell to Norland");
  });

  it("takes those who held a meeting as its owners", () => {
    const text = "Representatives of the VTU and the Harbour Guild convened a joint meeting at the town hall.";
    expect(resolveBareSubject("The joint meeting", `${text} The joint meeting agreed to strike.`)).toBe(
      "The joint meeting of the VTU and the Harbour Guild",
    );
  });

  it("keeps a lower-case modifier of the subject in the mention", () => {
    const text = "The Norland-Vesi joint commission met in Arlo. The joint commission agreed a new border crossing.";
    expect(resolveBareSubject("The joint commission", text)).toBe("The Norland-Vesi joint commission");
  });

  it("leaves the subject alone when the article names two such things, or none", () => {
    const two = "The Park Fire grew. It was compared to the 2018 Camp Fire. The fire was 12% contained.";
    expect(resolveBareSubject("The fire", two)).toBeUndefined();
    expect(resolveBareSubject("The exhibition", "The exhibition opened on Monday with 54 works.")).toBeUndefined();
  });

  it("takes the thing named just before the fact when the article names several", () => {
    const text =
      "The Green Party lost ground. Elsewhere, the Harbour Party won 41 seats, and the party said it would govern alone.";
    const at = text.indexOf("and the party");
    expect(resolveBareSubject("the party", text, at)).toBeUndefined();
    expect(resolveBareSubject("the party", text, text.length)).toBeUndefined();
    const later = `${text} The party's leader thanked voters.`;
    expect(resolveBareSubject("the party", later, later.indexOf("The party's"))).toBeUndefined();
    const near = `The Green Party lost ground in March.\n\n${"Turnout was low in the north. ".repeat(12)}The Harbour Party won 41 seats. The party will govern.`;
    expect(resolveBareSubject("The party", near, near.indexOf("The party will"))).toBe("The Harbour Party");
  });

  it("never resolves a person, a participle or a plural to one of another number", () => {
    expect(resolveBareSubject("the man", "Arlo Brand, a fisherman, was arrested. The man is 30.")).toBeUndefined();
    expect(resolveBareSubject("the man arrested", "One man arrested in Vesi was released.")).toBeUndefined();
    expect(fullerMentions("The Telephonic talk lasted an hour.", "talks")).toEqual([]);
  });
});

describe("drafted facts", () => {
  it("asks about the named thing, not the bare noun, where a subject ends on it", () => {
    const drafts = draftFacts({
      title: "Rocket lifts off",
      body: "The Kestrel Launch Vehicle Mk-II rocket was built in Arlo. Earlier, the 43.5-metre rocket lifted off with a loud noise from Port Vell.",
      publishedOn: "2026-03-02",
    });
    const height = drafts.find((d) => d.kind === "number" && d.answer === "43.5");
    expect(height?.subject).toMatch(/Kestrel Launch Vehicle Mk-II rocket/);
  });

  it("reads no name in a headline written in title case", () => {
    const drafts = draftFacts({
      title: "Vell’s Magnitude 6.1 Quake Kills Almost 100 As Toll Rises, Officials Say",
      body: "The quake struck the Tarvo coast on Sunday.\n\nThe quake killed 20 people on Monday.",
      publishedOn: "2026-03-04",
    });
    expect(drafts.map((d) => d.subject).filter((s) => /Kills/.test(s))).toEqual([]);
    expect(drafts.find((d) => d.kind === "number")?.subject).toBe("People killed by the quake");
  });

  it("does not name the answer in its own subject", () => {
    const draft = draftFacts({ title: "T", body: "The Harbour Party won 41 seats.", publishedOn: "2026-03-02" })[0]!;
    const text = "The Harbour Party led the count. The party won the vote.";
    const winner = {
      ...draft,
      kind: "organisation" as const,
      subject: "The vote",
      relation: "won by",
      answer: "Harbour Party",
    };
    expect(resolveBareSubjects([winner], "Election", text)[0]!.subject).toBe("The vote");
    const seats = {
      ...draft,
      kind: "number" as const,
      subject: "Seats won by the party",
      relation: "number",
      answer: "41",
    };
    expect(resolveBareSubjects([seats], "Election", text)[0]!.subject).toBe("Seats won by the Harbour Party");
  });
});
