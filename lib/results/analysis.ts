// A teacher's results of one assignment: per student, per question, per fact, a summary, a
// projector view without names, and CSV rows. Pure: the caller loads the rows (scoped to the
// teacher) and passes them in, so every rule here is unit-tested without a database.
import { markOf, percent, roundedScore } from "@/lib/attempts/mark";
import { knowledgeSpread, mastery, type KnowledgeSpread, type MemoryState } from "@/lib/learning/memory";
import { kindOf } from "@/lib/questions/kinds";
import type { QuestionTypeName } from "@/lib/questions/types";

// ---------------------------------------------------------------- input

/** An active student of the class. Only the roster counts anywhere in the results. */
export interface RosterStudent {
  id: string;
  displayName: string;
  username: string | null;
}

export interface SetQuestion {
  id: string;
  /** QuestionSetItem.position: the set's order. */
  position: number;
  type: QuestionTypeName;
  stem: string;
  /** The source sentence to re-teach from. */
  quote: string;
  articleSlug: string;
  factIds: string[];
}

export interface AttemptRecord {
  id: string;
  studentId: string;
  /** 1 for the student's first attempt at the assignment. */
  number: number;
  startedAt: Date;
  finishedAt: Date | null;
  /** Share of the set answered right, 0..1, once finished. */
  score: number | null;
}

export interface ResponseRecord {
  attemptId: string;
  questionId: string;
  isCorrect: boolean;
  /** 0..1; matching and ordering earn part marks. */
  score: number;
  late: boolean;
  answeredAt: Date;
  /** StoredAnswer.display: what the student answered, in words. */
  display: string;
  /** StoredAnswer.expected: the right answer at the version answered. */
  expected: string;
}

export interface MemoryRecord {
  studentId: string;
  factId: string;
  memory: MemoryState;
}

export interface FactRecord {
  id: string;
  subject: string;
  relation: string;
  answer: string;
  articleSlug: string;
}

export interface AssignmentResultsInput {
  students: RosterStudent[];
  questions: SetQuestion[];
  attempts: AttemptRecord[];
  responses: ResponseRecord[];
  memories: MemoryRecord[];
  /** At least every fact the questions test; others are ignored. */
  facts: FactRecord[];
  /** timeLimitMinutes: each attempt's time limit; absent or null for none. */
  assignment: { dueAt: Date | null; maxAttempts: number; timeLimitMinutes?: number | null };
  now: Date;
}

// ---------------------------------------------------------------- output

export type StudentStatus = "not started" | "in progress" | "done";

export interface StudentResult {
  id: string;
  displayName: string;
  username: string | null;
  status: StudentStatus;
  /** Questions of the set answered in the counted attempt. */
  answered: number;
  total: number;
  /** 0..1 over the counted attempt; null when not started. */
  score: number | null;
  /** From the counted attempt's start to its last answer (the whole limit when time ran out); null when not started. */
  timeTakenMs: number | null;
  late: boolean;
  /** The counted attempt was finished at its time limit with questions unanswered. */
  timedOut: boolean;
  /** Every attempt started, including one opened and never answered. */
  attemptsUsed: number;
  /** The attempt the result comes from; null when the student has none. */
  countedAttempt: { id: string; number: number } | null;
}

export interface WrongAnswer {
  answer: string;
  count: number;
}

export interface QuestionResult {
  id: string;
  /** 1-based place in the set, as students saw it. */
  number: number;
  type: QuestionTypeName;
  stem: string;
  quote: string;
  articleSlug: string;
  answered: number;
  right: number;
  /** 0..1; null when nobody answered. */
  shareRight: number | null;
  mostChosenWrong: WrongAnswer | null;
}

export interface FactResult {
  id: string;
  subject: string;
  relation: string;
  answer: string;
  articleSlug: string;
  /** The class's mastery, 0..1: each roster student's chance of recalling it now (knowsNow: 0 for a wrong latest answer or none), averaged. */
  mastery: number;
  /** The roster, student by student: know it, fading, wrong last time, not answered. */
  spread: KnowledgeSpread;
  /** Roster students who have answered a question on it (in any set). */
  studied: number;
}

export interface ResultsSummary {
  done: number;
  total: number;
  /** Mean score of the students who are done; null when none is. */
  meanScoreOfDone: number | null;
  /** Mean of the questions' shareRight, over questions someone answered; null when none. */
  meanShareRight: number | null;
}

/** A question as the whole class may see it: no student's name, id or lone typed answer. */
export interface ProjectorQuestion {
  id: string;
  number: number;
  type: QuestionTypeName;
  stem: string;
  quote: string;
  articleSlug: string;
  answered: number;
  right: number;
  shareRight: number | null;
  mostChosenWrong: WrongAnswer | null;
}

export interface ProjectorView {
  notStarted: number;
  inProgress: number;
  done: number;
  questions: ProjectorQuestion[];
}

export interface AssignmentResults {
  students: StudentResult[];
  questions: QuestionResult[];
  facts: FactResult[];
  summary: ResultsSummary;
  projector: ProjectorView;
}

// ---------------------------------------------------------------- rules

/**
 * On the projector, a typed wrong answer shows only when at least this many students gave it:
 * free text given by one student can name someone or say anything, and the class can guess
 * who wrote it. Choices (multiple choice, matching, ordering) are our own text and always show.
 */
export const PROJECTOR_MIN_TYPED_ANSWER_COUNT = 2;

/** Alphabetical order that does not depend on the server's locale. */
function compareText(a: string, b: string): number {
  return a.localeCompare(b, "en");
}

function mean(values: number[]): number | null {
  return values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** How wrong answers are grouped: trimmed, runs of spaces collapsed, case-insensitive. */
export function normaliseAnswer(display: string): string {
  // NFC so that an accented letter typed and one pasted (decomposed) group together.
  return tidyAnswer(display).normalize("NFC").toLowerCase();
}

/** The spelling shown: as the student wrote it, without stray spaces. */
function tidyAnswer(display: string): string {
  return display.trim().replace(/\s+/g, " ");
}

/** The attempt a student's result comes from, with its answers to the set's questions. */
interface CountedAttempt {
  attempt: AttemptRecord;
  byQuestion: Map<string, ResponseRecord>;
}

interface StudentAttempts {
  counted: CountedAttempt | null;
  used: number;
}

function responseScore(byQuestion: Map<string, ResponseRecord>, total: number): number {
  let sum = 0;
  for (const response of byQuestion.values()) sum += response.score;
  // Over the whole set, as recordAnswer scores a finished attempt: a partial attempt's score
  // only grows as the student goes on, on the same scale as a finished one.
  return sum / Math.max(1, total);
}

function attemptScore(counted: CountedAttempt, total: number): number {
  return counted.attempt.score ?? responseScore(counted.byQuestion, total);
}

/**
 * The rule for the attempt that counts: among the first `maxAttempts` attempts (by number),
 * the finished one with the best score (the earlier on a tie: the student reached that score
 * first); when none is finished, the latest one, still in progress. Attempts past the limit
 * never count: startOrResumeAttempt starts none, but the limit may be lowered afterwards.
 */
function pickCountedAttempt(candidates: CountedAttempt[], maxAttempts: number, total: number): CountedAttempt | null {
  const allowed = [...candidates]
    .sort((a, b) => a.attempt.number - b.attempt.number)
    .slice(0, Math.max(0, maxAttempts));
  let best: CountedAttempt | null = null;
  for (const candidate of allowed) {
    if (candidate.attempt.finishedAt === null) continue;
    if (!best || attemptScore(candidate, total) > attemptScore(best, total)) best = candidate;
  }
  return best ?? allowed.at(-1) ?? null;
}

function collectStudentAttempts(input: AssignmentResultsInput): Map<string, StudentAttempts> {
  const questionIds = new Set(input.questions.map((q) => q.id));
  const byAttempt = new Map<string, CountedAttempt>();
  for (const attempt of input.attempts) byAttempt.set(attempt.id, { attempt, byQuestion: new Map() });
  for (const response of input.responses) {
    // Answers to questions no longer in the set stay out of the counts (answered <= total).
    if (!questionIds.has(response.questionId)) continue;
    byAttempt.get(response.attemptId)?.byQuestion.set(response.questionId, response);
  }
  const byStudent = new Map<string, CountedAttempt[]>();
  for (const candidate of byAttempt.values()) {
    const own = byStudent.get(candidate.attempt.studentId) ?? [];
    own.push(candidate);
    byStudent.set(candidate.attempt.studentId, own);
  }
  const total = input.questions.length;
  const result = new Map<string, StudentAttempts>();
  for (const student of input.students) {
    const own = byStudent.get(student.id) ?? [];
    result.set(student.id, { counted: pickCountedAttempt(own, input.assignment.maxAttempts, total), used: own.length });
  }
  return result;
}

function studentResult(
  student: RosterStudent,
  { counted, used }: StudentAttempts,
  input: AssignmentResultsInput,
): StudentResult {
  const total = input.questions.length;
  const responses = counted ? [...counted.byQuestion.values()] : [];
  // Opening the quiz without answering is not starting it (as on the student's own list).
  const status: StudentStatus =
    counted?.attempt.finishedAt != null ? "done" : responses.length > 0 ? "in progress" : "not started";
  const dueAt = input.assignment.dueAt;
  const overdue = status !== "done" && dueAt !== null && input.now > dueAt;

  // Only the deadline finishes an attempt with questions unanswered (recordAnswer finishes it
  // when the last one is answered, finishExpiredAttempts when its time runs out).
  const limit = input.assignment.timeLimitMinutes ?? null;
  const timedOut = limit !== null && status === "done" && responses.length < total;
  let timeTakenMs: number | null = null;
  if (counted && timedOut) timeTakenMs = limit * 60_000;
  else if (counted && status !== "not started") {
    // The last answer, not finishedAt: finishedAt is when the server received the last answer,
    // so an answer replayed from the offline queue would count the time it waited as work.
    const lastAnswer = Math.max(...responses.map((r) => r.answeredAt.getTime()));
    const end = Number.isFinite(lastAnswer) ? lastAnswer : (counted.attempt.finishedAt?.getTime() ?? 0);
    timeTakenMs = Math.max(0, end - counted.attempt.startedAt.getTime());
  }

  return {
    id: student.id,
    displayName: student.displayName,
    username: student.username,
    status,
    answered: responses.length,
    total,
    score: !counted || status === "not started" ? null : attemptScore(counted, total),
    timeTakenMs,
    late: overdue || responses.some((r) => r.late),
    timedOut,
    attemptsUsed: used,
    countedAttempt: counted ? { id: counted.attempt.id, number: counted.attempt.number } : null,
  };
}

/**
 * The wrong answer most students gave, grouped by normaliseAnswer, shown in its most common
 * spelling. Ties go alphabetically (groups by their normal form, spellings as written). An empty
 * answer is not reported: there is nothing in it to re-teach.
 */
function mostChosenWrongAnswer(displays: string[]): WrongAnswer | null {
  const groups = new Map<string, Map<string, number>>();
  for (const display of displays) {
    const key = normaliseAnswer(display);
    if (key === "") continue;
    const spellings = groups.get(key) ?? new Map<string, number>();
    const spelling = tidyAnswer(display);
    spellings.set(spelling, (spellings.get(spelling) ?? 0) + 1);
    groups.set(key, spellings);
  }
  const ranked = [...groups.entries()]
    .map(([key, spellings]) => ({ key, spellings, count: [...spellings.values()].reduce((sum, n) => sum + n, 0) }))
    .sort((a, b) => b.count - a.count || compareText(a.key, b.key));
  const top = ranked[0];
  if (!top) return null;
  const [answer] = [...top.spellings.entries()].sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]))[0]!;
  return { answer, count: top.count };
}

function orderedQuestions(questions: SetQuestion[]): SetQuestion[] {
  return [...questions].sort((a, b) => a.position - b.position);
}

function questionResults(input: AssignmentResultsInput, attempts: Map<string, StudentAttempts>): QuestionResult[] {
  const counted = [...attempts.values()].flatMap((a) => (a.counted ? [a.counted] : []));
  return orderedQuestions(input.questions).map((question, index) => {
    const responses = counted.flatMap((c) => {
      const response = c.byQuestion.get(question.id);
      return response ? [response] : [];
    });
    const right = responses.filter((r) => r.isCorrect).length;
    return {
      id: question.id,
      number: index + 1,
      type: question.type,
      stem: question.stem,
      quote: question.quote,
      articleSlug: question.articleSlug,
      answered: responses.length,
      right,
      shareRight: responses.length === 0 ? null : right / responses.length,
      mostChosenWrong: mostChosenWrongAnswer(responses.filter((r) => !r.isCorrect).map((r) => r.display)),
    };
  });
}

function factResults(input: AssignmentResultsInput): FactResult[] {
  const factsById = new Map(input.facts.map((f) => [f.id, f]));
  const memoryOf = new Map(input.memories.map((m) => [`${m.studentId}\u0000${m.factId}`, m.memory]));
  const testedIds = [...new Set(orderedQuestions(input.questions).flatMap((q) => q.factIds))];
  return testedIds
    .map((factId) => {
      const fact = factsById.get(factId);
      if (!fact) throw new Error(`Fact ${factId} is tested by the set but was not loaded.`);
      // One entry per roster student, null when they never answered it: the class's mastery,
      // not the mastery of those who tried.
      const memories = input.students.map((s) => memoryOf.get(`${s.id}\u0000${factId}`) ?? null);
      return {
        id: fact.id,
        subject: fact.subject,
        relation: fact.relation,
        answer: fact.answer,
        articleSlug: fact.articleSlug,
        mastery: mastery(memories, input.now),
        spread: knowledgeSpread(memories, input.now),
        studied: memories.filter((m) => m !== null && m.reps > 0).length,
      };
    })
    .sort((a, b) => a.mastery - b.mastery || compareText(a.subject, b.subject) || compareText(a.id, b.id));
}

function projectorWrongAnswer({ type, mostChosenWrong }: QuestionResult): WrongAnswer | null {
  if (!mostChosenWrong) return null;
  const lone = mostChosenWrong.count < PROJECTOR_MIN_TYPED_ANSWER_COUNT;
  return kindOf(type).typed && lone ? null : mostChosenWrong;
}

function projectorView(students: StudentResult[], questions: QuestionResult[]): ProjectorView {
  const count = (status: StudentStatus) => students.filter((s) => s.status === status).length;
  return {
    notStarted: count("not started"),
    inProgress: count("in progress"),
    done: count("done"),
    // Field by field, never a spread: a field added to QuestionResult later must not reach
    // the projector without someone deciding it may.
    questions: questions.map((q) => ({
      id: q.id,
      number: q.number,
      type: q.type,
      stem: q.stem,
      quote: q.quote,
      articleSlug: q.articleSlug,
      answered: q.answered,
      right: q.right,
      shareRight: q.shareRight,
      mostChosenWrong: projectorWrongAnswer(q),
    })),
  };
}

function sortedRoster(students: RosterStudent[]): RosterStudent[] {
  return [...students].sort(
    (a, b) =>
      compareText(a.displayName, b.displayName) ||
      compareText(a.username ?? "", b.username ?? "") ||
      compareText(a.id, b.id),
  );
}

// ---------------------------------------------------------------- entry points

/**
 * The results page of one assignment. Attempts, responses and memories of students who are not
 * on the roster (removed from the class) are left out of every number.
 */
export function analyseAssignment(input: AssignmentResultsInput): AssignmentResults {
  const attempts = collectStudentAttempts(input);
  const students = sortedRoster(input.students).map((s) => studentResult(s, attempts.get(s.id)!, input));
  const questions = questionResults(input, attempts);
  const done = students.filter((s) => s.status === "done");
  return {
    students,
    questions,
    facts: factResults(input),
    summary: {
      done: done.length,
      total: students.length,
      meanScoreOfDone: mean(done.map((s) => s.score ?? 0)),
      meanShareRight: mean(questions.flatMap((q) => (q.shareRight === null ? [] : [q.shareRight]))),
    },
    projector: projectorView(students, questions),
  };
}

export const CSV_HEADER = [
  "student",
  "username",
  "question number",
  "question",
  "answer given",
  "correct",
  "score",
  "late",
  "answered at (UTC)",
  "attempt number",
] as const;

/**
 * The results as a table: a header, then one row per roster student (by name) per question (in
 * set order), from the counted attempt only. Unanswered questions have empty answer, correct,
 * score and answered-at cells, and "no" in late (lateness is a property of an answer).
 * Serialise with csv-stringify and `escape_formulas: true`: names and typed answers come from
 * students, and a cell starting with "=" would run as a formula in a spreadsheet.
 */
/** The CSV's "correct" column: yes, no, or partly with the share right (matching, ordering). */
function correctCell(response: ResponseRecord): string {
  const mark = markOf(response);
  return mark === "right" ? "yes" : mark === "wrong" ? "no" : `partly (${percent(response.score)})`;
}

export function csvRows(input: AssignmentResultsInput): string[][] {
  const attempts = collectStudentAttempts(input);
  const questions = orderedQuestions(input.questions);
  const rows: string[][] = [[...CSV_HEADER]];
  for (const student of sortedRoster(input.students)) {
    const counted = attempts.get(student.id)?.counted ?? null;
    questions.forEach((question, index) => {
      const response = counted?.byQuestion.get(question.id);
      rows.push([
        student.displayName,
        student.username ?? "",
        String(index + 1),
        question.stem,
        response?.display ?? "",
        response ? correctCell(response) : "",
        response ? roundedScore(response.score) : "",
        response?.late ? "yes" : "no",
        response ? response.answeredAt.toISOString() : "",
        counted ? String(counted.attempt.number) : "",
      ]);
    });
  }
  return rows;
}

/** A gradebook cell for one question: right, wrong, partly (33%), or empty when not answered. */
function gradebookMark(response: ResponseRecord | undefined): string {
  if (!response) return "";
  const mark = markOf(response);
  return mark === "partly right" ? `partly (${percent(response.score)})` : mark;
}

/**
 * The results as a gradebook: a header, then one row per roster student (by name) with their
 * status, score (a whole percentage), questions answered, time taken in minutes, late, timed
 * out (when the assignment has a time limit), the attempt counted and attempts used, then one mark per question in set order, all from the
 * counted attempt (the rule of the results page). Empty cells where a student has not started.
 * Serialise as csvRows is.
 */
export function gradebookRows(input: AssignmentResultsInput): string[][] {
  const attempts = collectStudentAttempts(input);
  const questions = orderedQuestions(input.questions);
  // Only an assignment with a time limit has attempts that can run out of time.
  const timed = Boolean(input.assignment.timeLimitMinutes);
  const header = [
    "student",
    "username",
    "status",
    "score",
    `answered (of ${questions.length})`,
    "time taken (minutes)",
    "late",
    ...(timed ? ["timed out"] : []),
    "attempt counted",
    "attempts used",
    ...questions.map((q, index) => `Q${index + 1}. ${q.stem}`),
  ];
  const rows = [header];
  for (const student of sortedRoster(input.students)) {
    const own = attempts.get(student.id)!;
    const result = studentResult(student, own, input);
    const started = result.status !== "not started";
    rows.push([
      student.displayName,
      student.username ?? "",
      result.status,
      result.score === null ? "" : percent(result.score),
      started ? String(result.answered) : "",
      result.timeTakenMs === null ? "" : String(Math.round(result.timeTakenMs / 6_000) / 10),
      result.late ? "yes" : "no",
      ...(timed ? [started ? (result.timedOut ? "yes" : "no") : ""] : []),
      started && result.countedAttempt ? String(result.countedAttempt.number) : "",
      String(result.attemptsUsed),
      ...questions.map((q) => (started ? gradebookMark(own.counted?.byQuestion.get(q.id)) : "")),
    ]);
  }
  return rows;
}
