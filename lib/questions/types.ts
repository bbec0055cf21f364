// The generator's input and output. Plain data: lib/questions/ never touches the database,
// so the same facts always give the same questions, and everything here is unit-testable.
import type { AnswerTypeName, World } from "@/lib/content/schemas";

/** Bump when generation changes in a way that should make new question versions. */
export const GENERATOR_VERSION = 1;

export type QuestionTypeName = "MULTIPLE_CHOICE" | "TRUE_FALSE" | "FILL_BLANK" | "NUMERIC" | "MATCHING" | "ORDERING";

export interface GeneratorArticle {
  slug: string;
  title: string;
  outlet: string;
  /** YYYY-MM-DD */
  publishedOn: string;
  body: string;
}

export interface GeneratorFact {
  /** The fact's id within its article (facts.yaml `id`). */
  key: string;
  subject: string;
  relation: string;
  answer: string;
  type: AnswerTypeName;
  kind?: string;
  unit?: string;
  qualifier?: string;
  aliases: string[];
  quote: string;
  /** YYYY-MM-DD */
  asOf: string;
  claimedBy?: string;
  /** A later fact replaces this one: generate nothing from it. */
  superseded?: boolean;
}

export interface GeneratorEntity {
  key: string;
  name: string;
  type: "person" | "role" | "place" | "organisation";
  kind?: string;
  role?: string;
  country?: string;
  /** Key of the place that contains this one. */
  within?: string;
  /** The field it belongs to (politics, law, sport...): see lib/questions/world.ts. */
  world?: World;
  aliases: string[];
}

export interface GeneratedOption {
  text: string;
  isCorrect: boolean;
  /** MATCHING: the right-hand item this left-hand item pairs with. */
  matchText?: string;
  /** ORDERING: this item's place in the right order, from 0. */
  correctPosition?: number;
}

export interface GeneratedQuestion {
  /** Stable identity: generator version, type, facts and variant; never the wording. */
  key: string;
  type: QuestionTypeName;
  /** The facts the question tests (one, or several for MATCHING and ORDERING). */
  factKeys: string[];
  stem: string;
  explanation: string;
  /** The verbatim source sentence(s) shown with feedback. */
  quote: string;
  /** YYYY-MM-DD, shown with time-sensitive questions. */
  asOf?: string;
  /** In display order (already shuffled deterministically). */
  options: GeneratedOption[];
  /** FILL_BLANK: the expected text; NUMERIC: the number as written. */
  answerText?: string;
  answerNumber?: number;
  /**
   * NUMERIC: accepted distance from answerNumber (0 = exact). FILL_BLANK: the most typing
   * mistakes (edits) forgiven, already capped so that no other candidate answer is within reach.
   */
  tolerance?: number;
  /** Set when a quality gate failed: the question is kept for teachers but never served. */
  heldBackReason?: string;
  /**
   * Added: every normalised writing of the answer(s) this question tests (aliases, other writings
   * of its number or date). Server-side only, like answerText: selectQuiz uses it so that no
   * question in a set shows another's answer. Never send it to the browser.
   */
  answerForms?: string[];
  /**
   * Added, server-side only like answerForms: for a question on a person's post ("lawyer"), the
   * writings of that person. A text gives such an answer away only where it names them too ("a
   * lawyer for the families" says nothing of whose lawyer Solberg is). Absent: any text does.
   */
  answerHolderForms?: string[];
}

/** What a student sends, by question type: each kind's answerSchema (lib/questions/kinds/). */
export type { GivenAnswer } from "@/lib/questions/kinds";

/** A choice as grading reads it: generated (fields left out) or stored (fields null). */
export interface GradableOption {
  position: number;
  text: string;
  isCorrect: boolean;
  matchText?: string | null;
  correctPosition?: number | null;
}

/** What grading needs of a stored question. */
export interface GradableQuestion {
  /** A QuestionTypeName, or the type of a kind registered at run time (tests). */
  type: string;
  options: GradableOption[];
  answerText?: string | null;
  answerNumber?: number | null;
  tolerance?: number | null;
  /** Other writings that count as right: the kind's acceptedAnswers (FILL_BLANK: the facts' aliases). */
  acceptedAnswers: string[];
}

export interface GradeResult {
  isCorrect: boolean;
  /** 0..1; matching and ordering earn part marks. */
  score: number;
  /** The right answer, as it should be shown after answering. */
  expected: string;
}
