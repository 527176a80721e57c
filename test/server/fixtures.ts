/** Scripts and workspaces for the server tests. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join } from 'path';

/** A complete, clean script in two languages that uses every kind of reference. */
export const FIBER = `callscript: 1
id: fiber-winback
title: Fiber win-back offer
kind: telesales
direction: outbound
channel: phone
languages: [pl, en]
variables:
  customer_name: { type: string, required: true, source: crm, description: "The customer's first name" }
  offer_price: { type: number, source: crm }
  satisfaction: { type: string }
compliance:
  require: [recording-notice]
start: greeting
steps:
  greeting:
    say:
      pl: "Dzień dobry, czy rozmawiam z {customer_name}?"
      en: "Good morning, am I speaking with {customer_name}?"
    next: recording
  recording:
    say: { pl: "Rozmowa jest nagrywana.", en: "This call is recorded." }
    satisfies: [recording-notice]
    next: needs
  needs:
    ask: { pl: "Jak ocenia Pan obecny internet?", en: "How do you rate your internet?" }
    capture: satisfaction
    branches:
      - when: unhappy
        next: offer
      - when: happy
        outcome: no-sale
    objections: [not-interested, no-time]
  offer:
    say: { pl: "Mamy dla Pana światłowód za {offer_price} zł.", en: "We have fiber for you at {offer_price} a month." }
    tags: [offer]
    branches:
      - when: accepts
        next: close
      - when: declines
        outcome: no-sale
  close:
    say: { pl: "Dziękuję!", en: "Thank you!" }
    outcome: sale
objections:
  not-interested:
    label: { pl: "Nie jestem zainteresowany", en: "Not interested" }
    triggers: { pl: ["nie jestem zainteresowany"], en: ["not interested"] }
    technique: feel-felt-found
    reply: { pl: "Rozumiem, wielu klientów tak mówiło.", en: "I understand how you feel; many customers felt the same." }
    resume: offer
  no-time:
    technique: schedule-callback
    reply: { pl: "Kiedy mogę oddzwonić?", en: "When may I call you back?" }
outcomes:
  sale: { label: Sale, success: true }
  no-sale: { label: No sale }
`;

/** Directories made for the tests, removed when the test process ends. */
const made: string[] = [];
process.on('exit', () => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A fresh directory for a test workspace, with `files` (relative path → text) written into it. */
export function workspace(files: Record<string, string> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'callscript-server-test-'));
  made.push(root);
  for (const [path, text] of Object.entries(files)) write(root, path, text);
  return root;
}

export function write(root: string, path: string, text: string): string {
  const file = join(root, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

/** Unique document URIs in a directory no configuration file is above. */
let counter = 0;
export function scratchUri(name = 'doc'): string {
  return `file://${join(scratchDir, `${name}-${++counter}.call.yaml`)}`;
}
const scratchDir = mkdtempSync(join(tmpdir(), 'callscript-scratch-'));
made.push(scratchDir);

/** The position of the `nth` occurrence of `needle` in `text` (plus `delta` characters). */
export function positionOf(text: string, needle: string, delta = 0, nth = 0): { line: number; character: number } {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`positionOf: ${JSON.stringify(needle)} (${nth + 1}) not found`);
  }
  const before = text.slice(0, at + delta);
  const line = before.split('\n').length - 1;
  return { line, character: before.length - before.lastIndexOf('\n') - 1 };
}

/** An information-line script whose texts use glossary terms in English and Polish. */
export const HELPLINE = `callscript: 1
id: help-line
title: Information line
kind: information-line
direction: inbound
channel: phone
languages: [en, pl]
variables:
  ticket_no: { type: string, required: true, source: agent, description: "The ticket number" }
start: ivr-menu
steps:
  ivr-menu:
    say: { en: "Welcome to our information line. Our IVR sent you here.", pl: "Dziękujemy za telefon na infolinii. Połączę z back office." }
    next: check
  check:
    ask: { en: "Do you have ticket {ticket_no}?", pl: "Czy ma Pan zgłoszenie {ticket_no}?" }
    capture: ticket_no
    objections: [no-time]
    branches:
      - when: "yes"
        outcome: done
      - when: "no"
        next: handover
  handover:
    say: Transferring.
    transfer:
      to: back-office
      outcome: done
objections:
  no-time:
    technique: schedule-callback
    reply: { en: "When may I call you back?", pl: "Kiedy mogę oddzwonić?" }
    resume: check
outcomes:
  done: { label: { en: Done, pl: Gotowe }, success: true }
`;
