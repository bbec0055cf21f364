// A stem and four options, one of them right.
import { choiceKind } from "@/lib/questions/kinds/choice";

export const multipleChoice = choiceKind("MULTIPLE_CHOICE", "Multiple choice", "Multiple choice");
