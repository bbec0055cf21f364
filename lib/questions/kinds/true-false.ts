// A statement and the options "True" and "False".
import { choiceKind } from "@/lib/questions/kinds/choice";

export const trueFalse = choiceKind("TRUE_FALSE", "True or false", "True/false");
