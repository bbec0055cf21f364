// People and their roles in every common word order. Every sentence here is made up.
import { describe, expect, it } from "vitest";

import { draftFacts, type DraftFact } from "./draft";

const roles = (body: string): string[][] =>
  draftFacts({ title: "Test", body, publishedOn: "2024-03-08" })
    .filter((d: DraftFact) => d.kind === "person-role")
    .map((d) => [d.subject, d.answer]);

describe("roles before a name", () => {
  it("reads a two-word title and a hyphenated one whole", () => {
    expect(roles("Party Secretary General Hiroshi Tanabe resigned. Secretary-General Mariana Costa spoke.")).toEqual([
      ["Hiroshi Tanabe", "Party Secretary General"],
      ["Mariana Costa", "Secretary-General"],
    ]);
  });

  it("keeps lower-case words inside a title that starts with a name", () => {
    expect(roles("The count was slow, said RTV chief weather forecaster Lena Ivic on Monday.")).toEqual([
      ["Lena Ivic", "RTV chief weather forecaster"],
    ]);
  });

  it("takes one unknown name after a title, never a word or a place", () => {
    expect(
      roles(
        "Mayor Tovarelli said the rink was old. Harbour Rovers coach Dunga was sent off. Minister Portugal spoke. Chancellor Said nothing.",
      ),
    ).toEqual([
      ["Tovarelli", "Mayor"],
      ["Dunga", "Harbour Rovers coach"],
    ]);
  });

  it("ends a title at a verb and reads past a nickname inside the name", () => {
    expect(
      roles(
        "Early counts put centrist Senator Ana Velarde ahead of former president Jorge “Pato” Lindqvist on Sunday.",
      ),
    ).toEqual([
      ["Ana Velarde", "Senator"],
      ["Jorge Lindqvist", "former president"],
    ]);
  });

  it("reads no person in a name made of dictionary nouns, but a name of other dictionary words", () => {
    expect(roles("General Education Certificate results fell this year.")).toEqual([]);
    expect(roles("The risk is high, wrote Will Humble, director of the Vesi Health Agency, on Monday.")).toEqual([
      ["Will Humble", "director of the Vesi Health Agency"],
    ]);
  });

  it("reads a title that opens the sentence, a comma and the name", () => {
    expect(roles("Education Minister, Ana Velarde says 4,000 pupils passed.")).toEqual([
      ["Ana Velarde", "Education Minister"],
    ]);
  });

  it("keeps former, acting and previous", () => {
    expect(
      roles("Previous prime minister Oskar Lind voted. Acting mayor Jana Horvat did not. Former coach Ian Bell left."),
    ).toEqual([
      ["Oskar Lind", "Previous prime minister"],
      ["Jana Horvat", "Acting mayor"],
      ["Ian Bell", "Former coach"],
    ]);
  });

  it("reads initials and a co- title", () => {
    expect(roles("Agency chairman R.K. Menon spoke. The union's co-chairman P. Dalal agreed.")).toEqual([
      ["R.K. Menon", "Agency chairman"],
      ["P. Dalal", "co-chairman"],
    ]);
  });

  it("does not take a law for a person", () => {
    expect(roles("He was held under the Criminal Justice Drug Trafficking Act.")).toEqual([]);
  });
});

describe("roles after a name", () => {
  it("keeps what the role is of, for or to; where they work ('at') is an organisation of its own", () => {
    expect(
      roles(
        "Marta Kos, director of the Valley Water Board, spoke first. Ivan Petrov, adviser to the president, agreed. Ana Lee, a spokesperson at the fire headquarters, said little. Tom Ruiz, spokesman for the city's department of roads, declined.",
      ),
    ).toEqual([
      ["Marta Kos", "director of the Valley Water Board"],
      ["Ivan Petrov", "adviser to the president"],
      ["Ana Lee", "spokesperson"],
      ["Tom Ruiz", "spokesman for the city's department of roads"],
    ]);
  });

  it("keeps lower-case modifiers, a second role and an organisation after the head", () => {
    expect(
      roles(
        "Omar Haddad, the Jordanian water resources minister, said so. Lina Berg, Volta founder and chief engineer, agreed. Raj Patel, general secretary ATSU, disagreed.",
      ),
    ).toEqual([
      ["Omar Haddad", "Jordanian water resources minister"],
      ["Lina Berg", "Volta founder and chief engineer"],
      ["Raj Patel", "general secretary ATSU"],
    ]);
  });

  it("drops a lower-case possessive before the role", () => {
    expect(roles("Ella Moss, the study's lead researcher, said so.")).toEqual([["Ella Moss", "lead researcher"]]);
  });

  it("ends the role before a time phrase", () => {
    expect(roles("Sara Noor, spokesperson of the Foreign Ministry hours before the vote denied it.")).toEqual([
      ["Sara Noor", "spokesperson of the Foreign Ministry"],
    ]);
  });
});

describe("roles before a comma and a name", () => {
  it("reads a role phrase, a comma and the name", () => {
    expect(
      roles(
        "Ukraine's defence minister, Ruslan Hrytsenko, arrived. The ministry said that the Ambassador of Chile to Peru, Ambassador Rosa Vidal, was recalled. The council sent Ivo Kral, Under Secretary of State for Water, to the talks.",
      ),
    ).toEqual([
      ["Ruslan Hrytsenko", "Ukraine's defence minister"],
      ["Rosa Vidal", "Ambassador of Chile to Peru"],
      ["Ivo Kral", "Under Secretary of State for Water"],
    ]);
  });
});

describe("bylines", () => {
  it("reads a reporter's byline", () => {
    expect(roles("The match ended late.\n\nReporting by Nina Olsen; editing by Paul Grey")).toEqual([
      ["Nina Olsen", "reporter"],
    ]);
  });
});

describe("more titles and names", () => {
  it("reads an abbreviated title (CS) before a name", () => {
    expect(roles("Water CS Amina Wekesa said on Monday that the dam was safe.")).toEqual([
      ["Amina Wekesa", "Water CS"],
    ]);
  });

  it("reads a title with its 'of' complement before the name", () => {
    expect(
      roles(
        "The union rejected the plan announced by Maltese Minister of Culture and Heritage Carla Bonnici on Friday.",
      ),
    ).toEqual([["Carla Bonnici", "Maltese Minister of Culture and Heritage"]]);
  });

  it("keeps 'The' of a programme's possessive title", () => {
    expect(roles("“The river is rising,” the mayor told The Evening Hour's guest host Dana Whitlock.")).toEqual([
      ["Dana Whitlock", "The Evening Hour's guest host"],
    ]);
  });

  it("reads a name with a lower-case particle ('al-') and a role whose modifiers are joined by 'and'", () => {
    expect(
      roles(
        "Omar al-Hamdi, safety and security manager for the Paris-based Union of Relief Clinics (URC), said the raids went on.",
      ),
    ).toEqual([["Omar al-Hamdi", "safety and security manager for the Union of Relief Clinics"]]);
  });

  it("reads 'his X counterpart' as the counterpart of the person the sentence names with the role", () => {
    expect(
      roles("Foreign Minister Jana Novak will travel to Bratislava to meet her Slovak counterpart Peter Hudak."),
    ).toEqual([
      ["Jana Novak", "Foreign Minister"],
      ["Peter Hudak", "Slovak counterpart of Foreign Minister Jana Novak"],
    ]);
  });
});

describe("a title's own words are not a name", () => {
  it("does not read 'Secretary of State for Water Affairs' as a person", () => {
    expect(roles("The council sent Ivo Kral, Under Secretary of State for Water Affairs, to the talks.")).toEqual([
      ["Ivo Kral", "Under Secretary of State for Water Affairs"],
    ]);
  });
});

describe("roles after a relative clause or an age", () => {
  it("reads 'X, who is the Y of Z,' and 'X, 58, a former Y,'", () => {
    expect(roles("Tomas Weber, who is the chief executive of Alvora, denied the claims.")).toEqual([
      ["Tomas Weber", "chief executive of Alvora"],
    ]);
    expect(roles("Kenji Sato, 58, a former finance minister, died on Sunday.")).toEqual([
      ["Kenji Sato", "former finance minister"],
    ]);
  });

  it("takes no role from a relative clause that says something else", () => {
    expect(roles("Tomas Weber, who is expected to resign, denied the claims.")).toEqual([]);
  });
});

describe("roles said with a verb", () => {
  it("reads who heads, leads or chairs a body as the head, leader or chair of it", () => {
    expect(roles("Arlo Brandt, who heads the Vesi Harbour Authority, said the port would reopen.")).toEqual([
      ["Arlo Brandt", "head of the Vesi Harbour Authority"],
    ]);
    expect(roles("Mira Holt, who leads the Green Party, conceded defeat on Sunday.")).toEqual([
      ["Mira Holt", "leader of the Green Party"],
    ]);
  });

  it("reads 'NAME heads the X' of a body, and 'NAME is the mayor of X', as a post", () => {
    expect(roles("Ana Lopes heads the national health agency.")).toEqual([
      ["Ana Lopes", "head of the national health agency"],
    ]);
    expect(roles("Paul Amis leads the Harbour Party.")).toEqual([["Paul Amis", "leader of the Harbour Party"]]);
    expect(roles("Paul Amis is the mayor of Arlo.")).toEqual([["Paul Amis", "mayor of Arlo"]]);
    // Any body a name may be described as is one a person may head.
    expect(roles("Ana Lopes heads the state broadcaster.")).toEqual([["Ana Lopes", "head of the state broadcaster"]]);
    // No body, no post; a bare "is a lawyer" says little a teacher would ask.
    expect(roles("Paul Amis leads the way in sales.")).toEqual([]);
    expect(roles("Paul Amis was a lawyer.")).toEqual([]);
  });

  it("reads 'X, whose director, NAME,' and 'Its president, NAME,' as a post of the body", () => {
    expect(
      roles(
        "The design came from the Vesi Marine Institute, whose director, Dr. Ana Lopes, presented it to the council.",
      ),
    ).toEqual([["Ana Lopes", "director of the Vesi Marine Institute"]]);
    expect(
      roles(
        "The Vesi Fishermen's Association, which represents 160 boat owners, backed the plan. Its president, Paul Amis, asked for a guarantee.",
      ),
    ).toEqual([["Paul Amis", "president of the Vesi Fishermen's Association"]]);
    // No body to own the post: no role.
    expect(roles("The storm was fierce. Its president, Paul Amis, spoke.")).toEqual([]);
  });

  it("reads 'the head of X, NAME,' and 'NAME, the former head of X,'", () => {
    expect(roles("The head of the Vesi Harbour Authority, Arlo Brandt, said the port would reopen.")).toEqual([
      ["Arlo Brandt", "head of the Vesi Harbour Authority"],
    ]);
    expect(roles("Arlo Brandt, the former head of the central bank, was charged with fraud.")).toEqual([
      ["Arlo Brandt", "former head of the central bank"],
    ]);
  });

  it("reads a post someone was elected, appointed or sworn in to", () => {
    expect(roles("Arlo Brandt was elected president of Vesi on Sunday.")).toEqual([
      ["Arlo Brandt", "president of Vesi"],
    ]);
    expect(roles("Mira Holt was appointed finance minister on Sunday.")).toEqual([["Mira Holt", "finance minister"]]);
    expect(roles("Arlo Brandt, who was sworn in as president on Monday, promised reforms.")).toEqual([
      ["Arlo Brandt", "president"],
    ]);
    // The voters elected: no auxiliary, no post for the subject.
    expect(roles("Voters in Vesi elected Arlo Brandt on Sunday.")).toEqual([]);
  });

  it("reads a post taken over from someone, and one not yet taken as incoming", () => {
    expect(roles("Arlo Brandt replaced Mira Holt as finance minister.")).toEqual([["Arlo Brandt", "finance minister"]]);
    expect(roles("Arlo Brandt will succeed Mira Holt as chief executive of Kestrel Bank.")).toEqual([
      ["Arlo Brandt", "incoming chief executive of Kestrel Bank"],
    ]);
  });
});
