// One question of each type, as a set exports them: the bank format tests write and read these.
// Every sentence here is written for the tests.
import type { BankQuestion } from "@/lib/banks/types";

export const EVERY_TYPE: BankQuestion[] = [
  {
    type: "MULTIPLE_CHOICE",
    title: "Venue",
    stem: "Where was the cup final held?",
    answer: {
      type: "MULTIPLE_CHOICE",
      options: ["Rivertown Park", "Brackenfield Stadium", "Colne Arena"],
      correct: "1",
    },
    explanation: "The final was played at Brackenfield Stadium.",
    source: "The cup final was held at Brackenfield Stadium in Dorvale on Sunday. (Final report, Test Post)",
  },
  {
    type: "TRUE_FALSE",
    title: "Parade",
    stem: "The winners paraded through Marlow on Monday.",
    answer: { type: "TRUE_FALSE", truth: "true" },
    explanation: "They did: the parade was on Monday.",
  },
  {
    type: "FILL_BLANK",
    title: "Town",
    stem: "The final was held in _____ on Sunday.",
    answer: { type: "FILL_BLANK", answerText: "Dorvale", alternatives: "Dorvale town\nDorvale-on-Sea", tolerance: "2" },
    explanation: "Dorvale hosted it: {braces}, tildes ~ and equals = signs survive.",
  },
  {
    type: "NUMERIC",
    title: "Crowd",
    stem: "How many supporters travelled to the final?",
    answer: { type: "NUMERIC", answerText: "1200", tolerance: "50" },
    explanation: "About 1,200 travelled.",
  },
  {
    type: "MATCHING",
    title: "Roles",
    stem: "Match each person to their role.",
    answer: { type: "MATCHING", left: ["Ana Ruiz", "Li Wei", "Sam Okafor"], right: ["coach", "captain", "referee"] },
    explanation: "",
  },
  {
    type: "MATCHING",
    title: "Two pairs",
    stem: "Match each town to its club.",
    answer: { type: "MATCHING", left: ["Ashby", "Colne"], right: ["Ashby Rovers", "Colne United"] },
    explanation: "Two pairs only.",
  },
  {
    type: "ORDERING",
    title: "Order",
    stem: "Put these events in the order they happened.",
    answer: { type: "ORDERING", items: ["Semi-final", "Final", "Parade"] },
    explanation: "Semi-final, then final, then parade.",
  },
];
