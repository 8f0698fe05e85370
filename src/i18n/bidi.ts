// Bidirectional controls (U+061C, U+200E/F, U+202A–E, U+2066–9): a link's or a file's text may carry
// them, and one U+202E reverses the rest of the sentence around it. Text from outside goes through
// stripBidi before it is shown; nothing (no isolate character) is inserted in their place.
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

export function stripBidi(text: string): string {
  return text.replace(BIDI, '');
}
