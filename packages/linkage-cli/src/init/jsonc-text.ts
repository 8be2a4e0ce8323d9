// A small JSON-with-comments writer: starter configs explain each choice next to it, and still parse with
// loadConfig (comments and commas placed as strict JSON tools expect, apart from the comments themselves).

export type Jsonc =
  | { readonly kind: "object"; readonly members: readonly JsoncMember[] }
  | { readonly kind: "array"; readonly members: readonly JsoncMember[] }
  /** A value written on one line. */
  | { readonly kind: "inline"; readonly value: unknown };

export interface JsoncMember {
  /** Property name (objects only). */
  readonly key?: string;
  readonly value: Jsonc;
  /** Comment lines written above the member. */
  readonly comments?: readonly string[];
  /** A comment at the end of the member's (last) line. */
  readonly note?: string;
  /** Written as a comment, for the user to enable. */
  readonly disabled?: boolean;
}

export const inline = (value: unknown): Jsonc => ({ kind: "inline", value });
export const object = (members: readonly JsoncMember[]): Jsonc => ({ kind: "object", members });
export const array = (members: readonly JsoncMember[]): Jsonc => ({ kind: "array", members });

export function renderJsonc(root: Jsonc, header: readonly string[] = []): string {
  const lines = header.map((line) => `// ${line}`);
  lines.push(...renderValue(root, "").split("\n"));
  return `${lines.join("\n")}\n`;
}

function renderValue(value: Jsonc, indent: string): string {
  if (value.kind === "inline") return inlineJson(value.value);
  const [open, close] = value.kind === "object" ? ["{", "}"] : ["[", "]"];
  if (value.members.length === 0) return `${open}${close}`;
  const inner = `${indent}  `;
  const lastEnabled = value.members.findLastIndex((member) => !member.disabled);
  const lines: string[] = [open];
  value.members.forEach((member, index) => {
    for (const comment of member.comments ?? []) lines.push(`${inner}// ${comment}`);
    const key = member.key === undefined ? "" : `${JSON.stringify(member.key)}: `;
    const comma = member.disabled || index === lastEnabled ? "" : ",";
    const text = `${key}${renderValue(member.value, inner)}${comma}${member.note ? ` // ${member.note}` : ""}`;
    // Nested values come back indented except for their first line.
    text.split("\n").forEach((line, position) => {
      const indented = position === 0 ? `${inner}${line}` : line;
      lines.push(member.disabled ? `${inner}// ${indented.trimStart()}` : indented);
    });
  });
  lines.push(`${indent}${close}`);
  return lines.join("\n");
}

/** JSON on one line, with a space after colons and commas for reading. */
export function inlineJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(inlineJson).join(", ")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).filter(([, item]) => item !== undefined);
    if (entries.length === 0) return "{}";
    return `{ ${entries.map(([key, item]) => `${JSON.stringify(key)}: ${inlineJson(item)}`).join(", ")} }`;
  }
  return JSON.stringify(value) ?? "null";
}
