// Each choice of a live question has a shape and a colour, the same on the projector and the
// phones, so a choice is told apart by its shape too (never by colour alone).
import { cn } from "@/components/ui/cn";

const SHAPES = [
  { name: "triangle", glyph: "▲", className: "bg-[#b91c1c] text-white" },
  { name: "diamond", glyph: "◆", className: "bg-[#1d4ed8] text-white" },
  { name: "circle", glyph: "●", className: "bg-[#a16207] text-white" },
  { name: "square", glyph: "■", className: "bg-[#15803d] text-white" },
  { name: "star", glyph: "★", className: "bg-[#7e22ce] text-white" },
  { name: "hexagon", glyph: "⬢", className: "bg-[#0f766e] text-white" },
] as const;

export function shapeOf(index: number) {
  return SHAPES[index % SHAPES.length]!;
}

/** The shape of the choice at `index` in display order, as a badge. */
export function ShapeBadge({ index, className }: { index: number; className?: string }) {
  const shape = shapeOf(index);
  return (
    <span
      className={cn("inline-flex aspect-square items-center justify-center rounded-lg", shape.className, className)}
      aria-hidden
    >
      {shape.glyph}
    </span>
  );
}
