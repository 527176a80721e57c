/** The script model: what a call script says, with the source range of everything in it. */

export interface Span {
  start: number;
  end: number;
}

export type RefKind = 'step' | 'objection' | 'outcome' | 'variable';

/** A place that names a step, objection, outcome or variable. */
export interface Ref extends Span {
  kind: RefKind;
  id: string;
  /** what the reference is, for messages: "next", "branch 2", "resume", "{customer_name}" */
  role: string;
  /** the step or objection whose text or key holds the reference */
  owner?: string;
}

/** One language's version of a text, or the only version of a single-string text (`lang` undefined). */
export interface TextPart extends Span {
  lang: string | undefined;
  text: string;
}

export interface Text extends Span {
  parts: TextPart[];
  /** written as a map per language */
  perLanguage: boolean;
}

export type Exit =
  | { kind: 'next'; target: Ref; keySpan: Span }
  | { kind: 'branches'; branches: Branch[]; keySpan: Span }
  | { kind: 'outcome'; target: Ref; keySpan: Span }
  | { kind: 'transfer' | 'escalate'; to: string; outcome: Ref | undefined; keySpan: Span };

export interface Branch extends Span {
  index: number;
  when: string;
  whenSpan: Span;
  target: Ref | undefined;
}

export interface Step {
  id: string;
  key: Span;
  /** the step's whole value */
  span: Span;
  say?: Text;
  ask?: Text;
  note?: Text;
  capture?: Ref;
  satisfies: (Span & { id: string })[];
  tags: (Span & { id: string })[];
  objections: Ref[];
  exits: Exit[];
}

export interface Objection {
  id: string;
  key: Span;
  span: Span;
  label?: Text;
  technique?: string;
  reply?: Text;
  /** a step to go on with; undefined means back to where it was raised */
  resume?: Ref;
  outcome?: Ref;
}

export interface Outcome {
  id: string;
  key: Span;
  span: Span;
  label?: Text;
  success: boolean;
}

export interface Variable {
  name: string;
  key: Span;
  span: Span;
  required: boolean;
  source: string | undefined;
  description: string | undefined;
}

export interface ScriptModel {
  id: string | undefined;
  kind: string | undefined;
  direction: string | undefined;
  channel: string;
  languages: string[];
  languagesSpan: Span | undefined;
  budget: (Span & { seconds: number }) | undefined;
  compliance: (Span & { id: string })[];
  start: Ref | undefined;
  steps: Map<string, Step>;
  objections: Map<string, Objection>;
  outcomes: Map<string, Outcome>;
  variables: Map<string, Variable>;
  /** every reference in the script, in source order of discovery */
  refs: Ref[];
  /** every text of the script, with the step/objection/outcome it belongs to */
  texts: { owner: string; field: string; text: Text }[];
  /** the section maps' own spans, for edits that add entries */
  sections: Partial<Record<'steps' | 'objections' | 'outcomes' | 'variables', Span>>;
}
