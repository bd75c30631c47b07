// PowerShell literals for text that holds a PowerShell command: doctor's fixes, step blockers,
// exported scripts and the transport's start-up line all quote through psString, so a value
// from the host or the configuration can never end the literal and become code.

import { plainValue } from './text.js';

// Every character PowerShell takes as a single quote (its tokenizer's IsSingleQuote):
// ' and the typographic ‘ ’ ‚ ‛. Doubling any of them inside '...' makes it literal.
const SINGLE_QUOTES = /['\u2018\u2019\u201A\u201B]/g;
// Characters kept out of a literal's text: a line break ends a statement or a comment, and the
// others would reach a terminal or a log raw. They are written as [char]N instead.
const UNSAFE = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/;

function quoted(text: string): string {
  return `'${text.replace(SINGLE_QUOTES, (q) => q + q)}'`;
}

/**
 * A PowerShell expression whose value is exactly `value`: `'O''Brien'`, or for control
 * characters a concatenation `('a' + [string][char]27 + 'b')`. Nothing inside expands.
 */
export function psString(value: string | number): string {
  const text = String(value);
  if (!UNSAFE.test(text)) return quoted(text);
  const parts: string[] = [];
  let literal = '';
  for (const ch of text) {
    if (UNSAFE.test(ch)) {
      if (literal) parts.push(quoted(literal));
      literal = '';
      parts.push(`[string][char]${ch.codePointAt(0)}`);
    } else {
      literal += ch;
    }
  }
  if (literal) parts.push(quoted(literal));
  return `(${parts.join(' + ')})`;
}

/** A comment's text, or a value shown inside one: one line, control characters shown as \xNN (plainValue). */
export function psCommentText(text: string): string {
  return plainValue(text);
}
