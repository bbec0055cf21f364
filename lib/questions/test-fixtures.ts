// Test fixtures for lib/questions: the seed article as generator input, and a small invented
// article on a different subject (a presidential election) with its own entity bank, to show
// that nothing in the generator is tied to the seed.
import { loadContent, type Content } from "@/lib/content/load";
import { generatorInput } from "@/lib/questions/from-content";
import { generateQuestions } from "@/lib/questions/generate";
import type { GeneratedQuestion, GeneratorArticle, GeneratorEntity, GeneratorFact } from "@/lib/questions/types";

export const SEED_SLUG = "istanbul-talks-2025-05-16";

let content: Content | undefined;

/** The shipped content, loaded once per test file. */
export function seedContent(): Content {
  content ??= loadContent("content");
  return content;
}

export function seedInput(): { article: GeneratorArticle; facts: GeneratorFact[]; entities: GeneratorEntity[] } {
  return generatorInput(seedContent(), SEED_SLUG);
}

/** A fact with defaults for the fields a test does not care about. */
export function makeFact(
  overrides: Partial<GeneratorFact> & Pick<GeneratorFact, "key" | "subject" | "relation" | "answer" | "quote">,
): GeneratorFact {
  return { type: "person", aliases: [], asOf: "2024-11-04", ...overrides };
}

export function makeEntity(
  key: string,
  name: string,
  type: GeneratorEntity["type"],
  extra: Partial<Omit<GeneratorEntity, "key" | "name" | "type">> = {},
): GeneratorEntity {
  return { key, name, type, aliases: [], ...extra };
}

export const ELECTION_ARTICLE: GeneratorArticle = {
  slug: "valdoria-runoff-2024-11-04",
  title: "Kessel wins Valdoria's presidential run-off",
  outlet: "Northern Ledger",
  publishedOn: "2024-11-04",
  body: [
    "Marta Kessel won Sunday's presidential run-off in Valdoria, the Central Election Commission said on Monday, ending twelve years of rule by the Unity Party.",
    "Kessel, a former mayor of Port Alder, defeated incumbent President Tomas Rehn, who conceded defeat in a speech in the capital, Lindmark.",
    "Turnout was about 61 percent, according to the commission. More than 3,200 polling stations opened at 7 a.m. and closed at 8 p.m.",
    "The first round was held on 20 October. On 28 October the Supreme Court rejected a challenge to the first-round results brought by two minor parties.",
    "Observers sent by the OSCE said the vote was competitive but marred by the misuse of state resources.",
    "Kessel's campaign was managed by Ilse Varga, a former finance minister. Kessel will be sworn in on 1 December at the National Assembly in Lindmark.",
    "The Unity Party had governed Valdoria since 2012.",
  ].join("\n\n"),
};

export const ELECTION_FACTS: GeneratorFact[] = [
  makeFact({
    key: "runoff-winner",
    subject: "Presidential run-off in Valdoria",
    relation: "won by",
    answer: "Marta Kessel",
    kind: "politician",
    aliases: ["Kessel"],
    quote: "Marta Kessel won Sunday's presidential run-off in Valdoria",
  }),
  makeFact({
    key: "results-announced-by",
    subject: "Run-off result",
    relation: "announced by",
    answer: "Central Election Commission",
    type: "organisation",
    kind: "election authority",
    aliases: ["CEC", "the commission"],
    quote: "the Central Election Commission said on Monday",
  }),
  makeFact({
    key: "defeated-incumbent",
    subject: "Marta Kessel",
    relation: "defeated",
    answer: "Tomas Rehn",
    kind: "president",
    aliases: ["Rehn"],
    quote: "defeated incumbent President Tomas Rehn",
  }),
  makeFact({
    key: "kessel-described-as",
    subject: "Marta Kessel",
    relation: "role (as the article describes her)",
    answer: "former mayor",
    type: "role",
    kind: "political title",
    aliases: ["ex-mayor", "former mayor of Port Alder"],
    quote: "Kessel, a former mayor of Port Alder",
  }),
  makeFact({
    key: "rehn-role",
    subject: "Tomas Rehn",
    relation: "role",
    answer: "incumbent President",
    type: "role",
    kind: "political title",
    aliases: ["President", "President of Valdoria"],
    quote: "incumbent President Tomas Rehn",
  }),
  makeFact({
    key: "varga-role",
    subject: "Ilse Varga",
    relation: "role",
    answer: "former finance minister",
    type: "role",
    kind: "political title",
    aliases: ["ex-finance minister"],
    quote: "Ilse Varga, a former finance minister",
  }),
  makeFact({
    key: "campaign-manager",
    subject: "Marta Kessel's campaign",
    relation: "managed by",
    answer: "Ilse Varga",
    kind: "politician",
    aliases: ["Varga"],
    quote: "Kessel's campaign was managed by Ilse Varga",
  }),
  makeFact({
    key: "concession-city",
    subject: "Tomas Rehn's concession speech",
    relation: "given in",
    answer: "Lindmark",
    type: "place",
    kind: "city",
    quote: "who conceded defeat in a speech in the capital, Lindmark",
  }),
  makeFact({
    key: "lindmark-capital-of",
    subject: "Lindmark",
    relation: "capital of",
    answer: "Valdoria",
    type: "place",
    kind: "country",
    quote: "in the capital, Lindmark",
  }),
  makeFact({
    key: "turnout",
    subject: "Valdoria's presidential run-off",
    relation: "turnout",
    answer: "61",
    type: "number",
    unit: "percent",
    qualifier: "about",
    quote: "Turnout was about 61 percent",
  }),
  makeFact({
    key: "polling-stations",
    subject: "Polling stations opened on run-off day",
    relation: "number",
    answer: "3,200",
    type: "number",
    unit: "polling stations",
    qualifier: "more than",
    aliases: ["3200"],
    quote: "More than 3,200 polling stations opened at 7 a.m.",
  }),
  makeFact({
    key: "first-round-date",
    subject: "First round of the presidential election",
    relation: "held on",
    answer: "2024-10-20",
    type: "date",
    quote: "The first round was held on 20 October.",
  }),
  makeFact({
    key: "runoff-date",
    subject: "Presidential run-off",
    relation: "held on",
    answer: "2024-11-03",
    type: "date",
    quote: "Marta Kessel won Sunday's presidential run-off",
  }),
  makeFact({
    key: "court-ruling-date",
    subject: "Supreme Court ruling rejecting a challenge to the first-round results",
    relation: "issued on",
    answer: "2024-10-28",
    type: "date",
    quote: "On 28 October the Supreme Court rejected a challenge to the first-round results",
  }),
  makeFact({
    key: "challenge-rejected-by",
    subject: "Challenge to the first-round results",
    relation: "rejected by",
    answer: "Supreme Court",
    type: "organisation",
    kind: "court",
    quote: "the Supreme Court rejected a challenge to the first-round results",
  }),
  makeFact({
    key: "swearing-in-date",
    subject: "Marta Kessel's swearing-in",
    relation: "scheduled for",
    answer: "2024-12-01",
    type: "date",
    quote: "Kessel will be sworn in on 1 December",
  }),
  makeFact({
    key: "observers-sent-by",
    subject: "Observers who called the vote competitive",
    relation: "sent by",
    answer: "OSCE",
    type: "organisation",
    kind: "international organisation",
    aliases: ["Organization for Security and Co-operation in Europe"],
    quote: "Observers sent by the OSCE said the vote was competitive",
  }),
  makeFact({
    key: "unity-party-since",
    subject: "Unity Party",
    relation: "governed Valdoria since",
    answer: "2012",
    type: "phrase",
    quote: "The Unity Party had governed Valdoria since 2012.",
  }),
];

export const ELECTION_ENTITIES: GeneratorEntity[] = [
  makeEntity("marta-kessel", "Marta Kessel", "person", {
    kind: "politician",
    country: "Valdoria",
    aliases: ["Kessel"],
  }),
  makeEntity("tomas-rehn", "Tomas Rehn", "person", { kind: "president", country: "Valdoria", aliases: ["Rehn"] }),
  makeEntity("ilse-varga", "Ilse Varga", "person", { kind: "politician", country: "Valdoria", aliases: ["Varga"] }),
  makeEntity("jonas-petrov", "Jonas Petrov", "person", {
    kind: "politician",
    country: "Valdoria",
    aliases: ["Petrov"],
  }),
  makeEntity("anna-lind", "Anna Lind", "person", { kind: "politician", country: "Valdoria", aliases: ["Lind"] }),
  makeEntity("erik-sand", "Erik Sand", "person", { kind: "politician", country: "Ostmark", aliases: ["Sand"] }),
  makeEntity("karl-brenner", "Karl Brenner", "person", { kind: "president", country: "Ostmark", aliases: ["Brenner"] }),
  makeEntity("lena-holt", "Lena Holt", "person", { kind: "president", country: "Norland", aliases: ["Holt"] }),
  makeEntity("piet-ardal", "Piet Ardal", "person", { kind: "president", country: "Ostmark", aliases: ["Ardal"] }),
  makeEntity("valdoria", "Valdoria", "place", { kind: "country" }),
  makeEntity("ostmark", "Ostmark", "place", { kind: "country" }),
  makeEntity("norland", "Norland", "place", { kind: "country" }),
  makeEntity("westria", "Westria", "place", { kind: "country" }),
  makeEntity("lindmark", "Lindmark", "place", { kind: "city", within: "valdoria" }),
  makeEntity("port-alder", "Port Alder", "place", { kind: "city", within: "valdoria" }),
  makeEntity("vessa", "Vessa", "place", { kind: "city", within: "valdoria" }),
  makeEntity("brenn", "Brenn", "place", { kind: "city", within: "ostmark" }),
  makeEntity("national-assembly", "National Assembly", "place", { kind: "building", within: "lindmark" }),
  makeEntity("cec", "Central Election Commission", "organisation", {
    kind: "election authority",
    country: "Valdoria",
    aliases: ["CEC"],
  }),
  makeEntity("neb", "National Electoral Board", "organisation", { kind: "election authority", country: "Ostmark" }),
  makeEntity("feo", "Federal Election Office", "organisation", { kind: "election authority", country: "Norland" }),
  makeEntity("etr", "Electoral Tribunal", "organisation", { kind: "election authority", country: "Westria" }),
  makeEntity("supreme-court", "Supreme Court", "organisation", { kind: "court", country: "Valdoria" }),
  makeEntity("constitutional-court", "Constitutional Court", "organisation", { kind: "court", country: "Valdoria" }),
  makeEntity("court-of-appeal", "Court of Appeal", "organisation", { kind: "court", country: "Valdoria" }),
  makeEntity("high-court", "High Court", "organisation", { kind: "court", country: "Norland" }),
  makeEntity("osce", "OSCE", "organisation", {
    kind: "international organisation",
    aliases: ["Organization for Security and Co-operation in Europe"],
  }),
  makeEntity("council-of-europe", "Council of Europe", "organisation", { kind: "international organisation" }),
  makeEntity("eu", "European Union", "organisation", { kind: "international organisation", aliases: ["EU"] }),
  makeEntity("un", "United Nations", "organisation", { kind: "international organisation", aliases: ["UN"] }),
  makeEntity("role-pm", "Prime Minister", "role", { kind: "political title" }),
  makeEntity("role-speaker", "Speaker of Parliament", "role", { kind: "political title" }),
  makeEntity("role-finance-minister", "finance minister", "role", { kind: "political title" }),
  makeEntity("role-former-interior-minister", "former interior minister", "role", { kind: "political title" }),
  makeEntity("role-former-foreign-minister", "former foreign minister", "role", { kind: "political title" }),
  makeEntity("role-campaign-manager", "campaign manager", "role", { kind: "political title" }),
  makeEntity("role-party-leader", "party leader", "role", { kind: "political title" }),
  makeEntity("role-governor", "former governor", "role", { kind: "political title" }),
  makeEntity("role-opposition-leader", "opposition leader", "role", { kind: "political title" }),
  makeEntity("role-interior-minister", "Interior Minister", "role", { kind: "political title" }),
  makeEntity("role-defence-minister", "Defence Minister", "role", { kind: "political title" }),
];

/** Every question of the seed article, as the tests generate it. */
export function generateSeedQuestions(): GeneratedQuestion[] {
  const { article, facts, entities } = seedInput();
  return generateQuestions(article, facts, entities);
}

/** Every question of the invented election article. */
export function generateElectionQuestions(): GeneratedQuestion[] {
  return generateQuestions(ELECTION_ARTICLE, ELECTION_FACTS, ELECTION_ENTITIES);
}
