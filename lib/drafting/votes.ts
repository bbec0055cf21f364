// A vote's tally: "The assembly rejected the bill by a 61-38 vote" says 61 voted against the bill
// and 38 for it; "The council approved the budget by a 31-12 vote" says 31 for and 12 against.
// The verb says which side won; its object is what was voted on. A tally with no such verb, or
// whose object is no plain noun phrase, drafts nothing.
import { add, broken, lower, textOf, type Context } from "./draft";
import { isInside } from "./text";

/** Verbs whose majority voted against their object. */
const REJECTED = /^(rejected|defeated|blocked|voted)$/;
/** Verbs whose majority voted for their object. */
const APPROVED = /^(approved|passed|adopted|backed|endorsed|ratified|confirmed|elected|re-elected|reelected)$/;
/** Words that end the object: a preposition, a conjunction, a relative pronoun. */
const OBJECT_STOP =
  /^(by|against|on|in|at|to|for|from|with|after|before|during|and|or|but|which|that|who|while|as|when|despite)$/;

const TALLY = /^(\d{1,4})[-–](\d{1,4})$/;

export function findVoteTallies(ctx: Context, index: number): void {
  const sentence = ctx.sentences[index];
  if (!sentence) return;
  const { tokens } = sentence;
  const dates = ctx.datesBySentence[index] ?? [];
  const inDate = (k: number) =>
    dates.some((d) => (tokens[k]?.start ?? -1) >= d.start && (tokens[k]?.start ?? -1) < d.end);
  for (let i = 2; i < tokens.length; i++) {
    const tally = TALLY.exec(tokens[i]?.text ?? "");
    // "by a 273-207 vote", "in a 61-38 vote"
    if (!tally || lower(tokens[i + 1]) !== "vote" || !/^an?$/.test(lower(tokens[i - 1]))) continue;
    if (!/^(by|in|with)$/.test(lower(tokens[i - 2])) || isInside(sentence.quoted, tokens[i]?.start ?? 0)) continue;
    const winning = Number(tally[1]);
    const losing = Number(tally[2]);
    if (!(winning > losing)) continue;
    // The verb before the tally whose object was voted on.
    let verb = -1;
    for (let k = i - 3; k >= 0; k--) {
      const word = lower(tokens[k]);
      if (REJECTED.test(word) || APPROVED.test(word)) {
        verb = k;
        break;
      }
    }
    if (verb < 0) continue;
    let from = verb + 1;
    let against = REJECTED.test(lower(tokens[verb]));
    if (lower(tokens[verb]) === "voted") {
      // "voted down a motion"; "voted for/against" names the side itself.
      if (lower(tokens[from]) !== "down") continue;
      from++;
      against = true;
    }
    if (!/^(the|a|an)$/.test(lower(tokens[from])) || broken(sentence, from)) continue;
    let end = from + 1;
    while (
      end < i - 2 &&
      end - from < 7 &&
      !broken(sentence, end) &&
      !inDate(end) &&
      !OBJECT_STOP.test(lower(tokens[end]))
    )
      end++;
    if (end - from < 2 || end - from >= 7) continue;
    const object = textOf(sentence, from + 1, end);
    if (/^\p{Lu}/u.test(object) && end - from === 2) continue;
    const what = `the ${object}`;
    const facts: [string, number][] = [
      [`votes ${against ? "against" : "for"} ${what}`, winning],
      [`votes ${against ? "for" : "against"} ${what}`, losing],
    ];
    for (const [subject, value] of facts)
      add(ctx, index, {
        kind: "number",
        subject,
        relation: "number",
        answer: String(value),
        type: "number",
        unit: "votes",
        confidence: 0.65,
      });
  }
}
