// Text for people (the terminal, reports, the run log) built from host values. A snapshot can
// hold anything: a process or rule name with an OSC 52 sequence would write to the clipboard,
// one with ESC[2J would clear the plan before "Apply these changes?". Every control character
// of such a value is shown as a visible escape instead, so the text keeps its meaning.

// C0 and C1 controls, DEL, and the Unicode line/paragraph separators and bidi overrides that
// reorder what a terminal shows. Tab and newline are kept where the caller allows lines.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;
const CONTROL_OR_BREAK = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

function visible(c: string): string {
  const n = c.codePointAt(0)!;
  return n <= 0xff ? `\\x${n.toString(16).padStart(2, '0')}` : `\\u${n.toString(16).padStart(4, '0')}`;
}

/** One value from the host, for a line of text: every control character (newlines too) shown as `\xNN`. */
export function plainValue(value: unknown): string {
  return String(value).replace(CONTROL_OR_BREAK, visible);
}

/**
 * A whole message for people (a finding's evidence or fix, a plan line): line breaks and tabs
 * are kept, every other control character is shown as `\xNN`.
 */
export function plainText(text: string): string {
  return text.replace(/\r\n/g, '\n').replace(CONTROL, visible);
}
