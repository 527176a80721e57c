/** Words in a text as spoken: placeholders count as one word each; punctuation does not count. */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}{][\p{L}\p{N}_{}'’-]*/gu)?.length ?? 0;
}

/** The sentences of a text, split after . ! ? … (a crude but predictable rule). */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?…])\s+/u)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** Seconds needed to say `words` at `wordsPerMinute`. */
export function speakingSeconds(words: number, wordsPerMinute: number): number {
  return (words / wordsPerMinute) * 60;
}
