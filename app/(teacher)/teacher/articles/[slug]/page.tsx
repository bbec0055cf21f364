import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { requireTeacher } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { authoredAnswerOf, formValuesOf } from "@/lib/questions/authoring";
import { kindOf, SHIPPED_KINDS } from "@/lib/questions/kinds";
import { shortQuizReason } from "@/lib/questions/select";
import { listWritableFacts } from "@/lib/sets/authoring";
import { listArticleQuestions } from "@/lib/sets/queries";

import { EditAnswerForm, WriteQuestionForm } from "./answer-forms";
import { QuestionControls } from "./question-controls";

export const metadata: Metadata = { title: "Questions of an article" };

const REASON: Record<string, string> = {
  WRONG: "wrong",
  UNCLEAR: "unclear",
  OUT_OF_DATE: "out of date",
  OTHER: "other",
};

/** The right answer in words, as the question's kind writes it. */
function answerOf(q: {
  type: string;
  answerText: string | null;
  options: { text: string; isCorrect: boolean; matchText: string | null; correctPosition: number | null }[];
}): string {
  // The options come in position order.
  const options = q.options.map((option, position) => ({ ...option, position }));
  return kindOf(q.type).rightAnswer({ type: q.type, options, answerText: q.answerText, acceptedAnswers: [] });
}

export default async function ArticleQuestionsPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ published?: string }>;
}) {
  const { slug } = await params;
  const { published } = await searchParams;
  const teacher = await requireTeacher(`/teacher/articles/${slug}`);
  const bank = await listArticleQuestions(db, teacher, slug);
  if (!bank) notFound();
  const facts = await listWritableFacts(db, teacher, slug);
  const count = (status: string) => bank.questions.filter((q) => q.status === status).length;
  const reported = bank.questions.filter((q) => q.reports.length > 0);
  const served = bank.questions.filter((q) => q.status === "SERVED");
  const factsWithQuestions = new Set(served.flatMap((q) => q.facts.map((f) => f.factId))).size;
  const quizNote = bank.quiz ? shortQuizReason(bank.quiz.size, factsWithQuestions) : undefined;
  return (
    <div className="flex flex-col gap-5">
      <Link
        href="/teacher/sets"
        className="inline-flex min-h-11 items-center self-start text-brand underline-offset-4 hover:underline"
      >
        ← Question sets
      </Link>
      <div>
        <h1 className="text-2xl font-bold tracking-tight">{bank.article.title}</h1>
        <p className="mt-1 text-muted">
          {bank.changesForEveryone
            ? "Your rewording, edits of options and answers, or retiring change a question for every teacher."
            : "Rewording, editing the options and answer of, or retiring a question makes your own version, used in your sets only; other teachers keep the original."}{" "}
          Questions you write are yours alone.
        </p>
        <p className="mt-1 text-muted">
          {count("SERVED")} served · {count("HELD_BACK")} held back · {count("RETIRED")} retired · {reported.length}{" "}
          reported
        </p>
      </div>
      <Card className="flex flex-col gap-3" aria-labelledby="next-heading" role="region">
        <h2 id="next-heading" className="text-lg font-semibold">
          {published ? "Published. Next: give it to a class" : "Give it to a class"}
        </h2>
        {bank.quiz && bank.quiz.size > 0 ? (
          <p>
            Its quiz has {bank.quiz.size} {bank.quiz.size === 1 ? "question" : "questions"}, one per fact, none giving
            another away.
          </p>
        ) : (
          <p>It has no quiz yet: none of its questions can be served. Build a set from other articles instead.</p>
        )}
        {quizNote && bank.quiz && bank.quiz.size > 0 && <p className="text-sm text-muted">{quizNote}</p>}
        <div className="flex flex-wrap gap-2">
          {bank.quiz && bank.quiz.size > 0 && (
            <Link href={`/teacher/sets/${bank.quiz.setId}`} className={buttonClasses("primary")}>
              Assign its quiz
            </Link>
          )}
          <Link href={`/teacher/sets/new?article=${encodeURIComponent(slug)}`} className={buttonClasses("secondary")}>
            Build a set from its questions
          </Link>
        </div>
      </Card>
      {facts.length > 0 && (
        <Card className="flex flex-col gap-3" aria-labelledby="write-heading" role="region">
          <details>
            <summary className="inline-flex min-h-11 cursor-pointer items-center">
              <h2 id="write-heading" className="text-lg font-semibold text-brand">
                Write a question
              </h2>
            </summary>
            <p className="mb-3 text-muted">
              On a fact of this article, of any type. It is yours alone: in your view and your sets, checked like the
              generated ones.
            </p>
            <WriteQuestionForm
              slug={slug}
              facts={facts}
              types={SHIPPED_KINDS.map((kind) => ({ type: kind.type, label: kind.label }))}
              empty={formValuesOf()}
            />
          </details>
        </Card>
      )}
      <ol className="flex flex-col gap-3" aria-label="Generated questions">
        {bank.questions.map((q) => (
          <li key={q.originalId} className="flex flex-col gap-2 rounded-2xl border border-line p-4">
            <p className="flex flex-wrap items-center gap-2 text-sm text-muted">
              <span>{q.type.toLowerCase().replace("_", " ")}</span>
              {q.status === "HELD_BACK" && <Badge tone="warn">held back</Badge>}
              {q.ownVersion && <Badge tone="brand">your version</Badge>}
              {q.written && <Badge tone="brand">your question</Badge>}
              {q.status === "RETIRED" && (
                <Badge>
                  {q.ownVersion
                    ? "retired from your sets"
                    : `retired${q.retiredBy ? ` by ${q.retiredBy.displayName}` : ""}`}
                </Badge>
              )}
              {q.version > 1 && (
                <span>
                  version {q.version}
                  {q.editedBy ? `, edited by ${q.editedBy.displayName}` : ""}
                </span>
              )}
              {q.reports.length > 0 && (
                <Badge tone="bad">reported: {q.reports.map((r) => REASON[r.reason]).join(", ")}</Badge>
              )}
            </p>
            <p className="font-semibold">{q.stem}</p>
            {q.heldBackReason && <p className="text-warn">Held back: {q.heldBackReason}</p>}
            <p className="text-sm">
              <span className="font-medium">Answer:</span> {answerOf(q)}
            </p>
            {q.status === "SERVED" && (
              <QuestionControls
                slug={slug}
                questionId={q.id}
                stem={q.stem}
                explanation={q.explanation}
                forEveryone={bank.changesForEveryone}
              />
            )}
            {q.status === "SERVED" && (
              <EditAnswerForm
                slug={slug}
                questionId={q.id}
                type={q.type}
                initial={formValuesOf(
                  authoredAnswerOf({ ...q, options: q.options.map((o, position) => ({ ...o, position })) }),
                )}
                forEveryone={bank.changesForEveryone && !q.ownVersion && !q.written}
              />
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
