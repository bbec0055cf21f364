// Each question kind's input widget, by type: the browser's half of lib/questions/kinds/. A new
// kind adds its widget file beside this one and one line here (docs/question-kinds.md).
import { choiceWidget } from "./choice";
import { matchingWidget } from "./matching";
import { orderingWidget } from "./ordering";
import { typedAnswerWidget } from "./typed-answer";
import type { AnswerWidget } from "./widget";

export { isTypingTarget, type AnswerWidget, type WidgetProps } from "./widget";

const widgets = new Map<string, AnswerWidget>([
  ["MULTIPLE_CHOICE", choiceWidget],
  ["TRUE_FALSE", choiceWidget],
  ["FILL_BLANK", typedAnswerWidget],
  ["NUMERIC", typedAnswerWidget],
  ["MATCHING", matchingWidget],
  ["ORDERING", orderingWidget],
]);

/** The widget of a question type; a type with no widget is a programming error. */
export function widgetFor(type: string): AnswerWidget {
  const widget = widgets.get(type);
  if (!widget) throw new TypeError(`No answer widget is registered for type ${type}`);
  return widget;
}

/** Adds a widget at run time: tests only, beside registerKind. Returns the undo. */
export function registerWidget(type: string, widget: AnswerWidget): () => void {
  if (widgets.has(type)) throw new TypeError(`An answer widget is already registered for type ${type}`);
  widgets.set(type, widget);
  return () => {
    widgets.delete(type);
  };
}
