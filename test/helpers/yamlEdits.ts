/**
 * For tests that read a YAML text in parts and compare with a whole read: the tree as plain data,
 * and repeatable random edits that break and mend scripts in the ways typing does.
 */
import { readFileSync, readdirSync } from 'fs';
import { join } from 'path';
import { generateScript } from '../../bench/generate';
import type { YNode } from '../../server/src/core/yaml/nodes';

/** A tree as plain data: what a whole read and a read in parts must agree on. */
export function shape(node: YNode | undefined): unknown {
  if (!node) return undefined;
  switch (node.kind) {
    case 'scalar':
      return [node.start, node.end, node.text, node.quoted];
    case 'alias':
      return [node.start, node.end, node.name];
    case 'seq':
      return [node.start, node.end, node.flow, node.items.map(shape)];
    case 'map':
      return [node.start, node.end, node.flow, node.entries.map((e) => [shape(e.key), shape(e.value)])];
  }
}

/** A small deterministic random source (tests must be repeatable). */
export function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x80000000;
  };
}

const PIECES = ['a', ' ', '  ', '\n', '\n  ', '\n    ', ':', ': ', '- ', '"', "'", '{', '}', '[', '#', '\t', 'x: y', '\n  s99:\n    say: Hi\n', '&a ', '*a', '!!str ', '---\n', '...\n', '|\n', '{customer_name}'];

/** `text` with a few characters cut at a random place and a random piece of YAML put there. */
export function randomEdit(text: string, rnd: () => number): string {
  const at = Math.floor(rnd() * text.length);
  const cut = rnd() < 0.5 ? Math.floor(rnd() * 6) : 0;
  const insert = rnd() < 0.8 ? PIECES[Math.floor(rnd() * PIECES.length)] : '';
  return text.slice(0, at) + insert + text.slice(at + cut);
}

const EXAMPLES = join(__dirname, '../../../examples');

/** Named texts to edit: every bundled example, a generated script of `steps` steps, and half as many with CRLF line ends. */
export function sampleScripts(steps: number): [string, string][] {
  const half = Math.round(steps / 2);
  return [
    ...readdirSync(EXAMPLES)
      .filter((f) => f.endsWith('.call.yaml'))
      .map((f): [string, string] => [f, readFileSync(join(EXAMPLES, f), 'utf8')]),
    [`generated ${steps} steps`, generateScript(steps)],
    [`generated ${half} steps with CRLF line ends`, generateScript(half).replace(/\n/g, '\r\n')],
  ];
}
