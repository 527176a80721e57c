// Writes schemas/callscript.schema.json from this compact source, so every property carries both a
// plain `description` (for hovers in other editors) and a `markdownDescription` (VS Code) without
// writing each text twice, and the validator compiled from it.
//   node scripts/build-schema.mjs           write both files
//   node scripts/build-schema.mjs --check   exit 1 if either file is out of date
import { readFileSync, writeFileSync } from 'node:fs';

const ID = '^[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*$';
const VAR = '^[a-z][a-z0-9_]*$';
const LANG = '^[a-z]{2,3}(?:-[A-Z]{2})?$';

/** Adds `description` (markdown stripped) beside `markdownDescription`. */
function doc(md, schema) {
  const plain = md.replace(/`([^`]*)`/g, '$1').replace(/\*\*([^*]*)\*\*/g, '$1').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
  return { description: plain, markdownDescription: md, ...schema };
}

const schema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'Callscript call script',
  ...doc('A call script that call-center agents read from: its steps, the objections they may meet and the outcomes a call can end in. One document per `*.call.yaml` file.', {}),
  type: 'object',
  additionalProperties: false,
  required: ['callscript', 'id', 'title', 'kind', 'direction', 'languages', 'start', 'steps', 'outcomes'],
  properties: {
    callscript: doc('Format version of this file. Always `1` for now.', { const: 1 }),
    id: doc('Identifier of the script, in kebab-case, e.g. `fiber-winback`. Used in reports and exports.', { type: 'string', pattern: ID }),
    title: doc('Human-readable title of the script, shown in the outline, the flow preview and reports.', { $ref: '#/definitions/text' }),
    description: doc('What the script is for and when agents should use it.', { $ref: '#/definitions/text' }),
    kind: doc('What sort of call this is.\n\n- `telesales`: selling a product or service (usually outbound).\n- `helpdesk`: a troubleshooting tree for support calls.\n- `retention`: keeping a customer who wants to leave (utrzymanie).\n- `information-line`: answering questions on an information line (infolinia).', { enum: ['telesales', 'helpdesk', 'retention', 'information-line'] }),
    direction: doc('Who starts the call: `inbound` (the customer calls the center) or `outbound` (the agent calls the customer).', { enum: ['inbound', 'outbound'] }),
    channel: doc('Where the conversation happens: `phone` (default), `chat`, `email` or `sms`. Spoken-time rules apply to `phone` only.', { enum: ['phone', 'chat', 'email', 'sms'], default: 'phone' }),
    audience: doc('Who the customer is: `b2c` (consumers) or `b2b` (businesses).', { enum: ['b2b', 'b2c'] }),
    languages: doc('Languages the script is written in, e.g. `[pl, en]`. The first is the default. Every text must be given in each of them (rule `missing-translation`).', { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string', pattern: LANG } }),
    'talk-time-budget': doc('Optional budget for the longest path through the script when read aloud, e.g. `4m`, `90s` or `3m30s`. Rule `talk-time-budget` warns when the estimate is over it.', { type: 'string', pattern: '^(?=\\d)(?:\\d+m)?(?:\\d+s)?$' }),
    variables: doc('Values the script uses as `{name}` placeholders in its texts: from the CRM, typed by the agent or captured from the customer\'s answers.', { type: 'object', propertyNames: { pattern: VAR }, additionalProperties: { $ref: '#/definitions/variable' } }),
    compliance: doc('Compliance requirements of the script.', {
      type: 'object', additionalProperties: false,
      properties: {
        require: doc('Compliance items (e.g. `recording-notice`, `gdpr-consent`) that every path to a successful outcome must pass: some step on the path must list the item in its `satisfies`.', { type: 'array', uniqueItems: true, items: { type: 'string', pattern: ID } }),
      },
    }),
    start: doc('Id of the step the call starts with.', { type: 'string', pattern: ID }),
    steps: doc('The steps of the call, by id. Each step has text (`say`, `ask` or `note`) and exactly one way on: `next`, `branches`, `outcome`, `transfer` or `escalate`.', { type: 'object', minProperties: 1, propertyNames: { pattern: ID }, additionalProperties: { $ref: '#/definitions/step' } }),
    objections: doc('Objections the customer may raise, by id, with the reply the agent gives and where the call resumes.', { type: 'object', propertyNames: { pattern: ID }, additionalProperties: { $ref: '#/definitions/objection' } }),
    outcomes: doc('The ways a call can end, by id (e.g. `sale`, `no-sale`, `resolved`, `callback-scheduled`). Mark the successful ones with `success: true`.', { type: 'object', minProperties: 1, propertyNames: { pattern: ID }, additionalProperties: { $ref: '#/definitions/outcome' } }),
  },
  definitions: {
    text: doc('A text: one string for a single-language script, or a map from language code to string, e.g. `{ pl: "Dzień dobry", en: "Good morning" }`. May use `{variable}` placeholders.', {
      anyOf: [{ type: 'string' }, { type: 'object', minProperties: 1, propertyNames: { pattern: LANG }, additionalProperties: { type: 'string' } }],
    }),
    phrases: doc('Phrases: a list of strings, or a map from language code to a list of strings.', {
      anyOf: [
        { type: 'array', items: { type: 'string' } },
        { type: 'object', minProperties: 1, propertyNames: { pattern: LANG }, additionalProperties: { type: 'array', items: { type: 'string' } } },
      ],
    }),
    variable: doc('A variable used as `{name}` in texts.', {
      type: 'object', additionalProperties: false,
      properties: {
        type: doc('Type of the value: `string`, `number`, `boolean`, `date` or `money`.', { enum: ['string', 'number', 'boolean', 'date', 'money'], default: 'string' }),
        required: doc('Whether the script cannot be read without this value. A required variable must come from a `source` or be captured by a step (rule `uncaptured-variable`).', { type: 'boolean', default: false }),
        source: doc('Where the value comes from before the call: `crm` (filled from the customer record), `dialer` (from the dialler or the IVR) or `agent` (typed by the agent).', { enum: ['crm', 'dialer', 'agent'] }),
        description: doc('What the value means, shown on hover.', { type: 'string' }),
        example: doc('An example value, used in previews.', { type: ['string', 'number', 'boolean'] }),
      },
    }),
    step: doc('One step of the call.', {
      type: 'object', additionalProperties: false,
      properties: {
        say: doc('What the agent says, word for word.', { $ref: '#/definitions/text' }),
        ask: doc('A question the agent asks. Usually followed by `branches` on the answer, and optionally `capture` to store it.', { $ref: '#/definitions/text' }),
        note: doc('A note for the agent\'s eyes only (not read aloud), e.g. what to check in the CRM.', { $ref: '#/definitions/text' }),
        capture: doc('Name of a declared variable that stores the customer\'s answer to this step.', { type: 'string', pattern: VAR }),
        satisfies: doc('Compliance items this step fulfils, e.g. `[recording-notice]`. See `compliance.require`.', { type: 'array', uniqueItems: true, items: { type: 'string', pattern: ID } }),
        tags: doc('Free tags. The tag `offer` marks a step that presents an offer: in outbound telesales it must not be reachable before the recording notice.', { type: 'array', uniqueItems: true, items: { type: 'string', pattern: ID } }),
        objections: doc('Ids of the objections the customer is expected to raise at this step.', { type: 'array', uniqueItems: true, items: { type: 'string', pattern: ID } }),
        next: doc('Id of the step that follows.', { type: 'string', pattern: ID }),
        branches: doc('Where the call goes depending on the customer\'s answer: a list of `when` labels, each with `next` (a step) or `outcome`.', { type: 'array', minItems: 1, items: { $ref: '#/definitions/branch' } }),
        outcome: doc('Id of the outcome the call ends in at this step.', { type: 'string', pattern: ID }),
        transfer: doc('Hand the call over to another queue or team (e.g. back office, billing). The call ends here for this agent.', { $ref: '#/definitions/handover' }),
        escalate: doc('Escalate the case to a higher support line (e.g. second line). The call ends here for this agent.', { $ref: '#/definitions/handover' }),
      },
    }),
    branch: doc('One possible answer and where it leads.', {
      type: 'object', additionalProperties: false, required: ['when'],
      properties: {
        when: doc('Label of the answer or situation, e.g. `accepts`, `no-signal`. Unique within a step.', { type: 'string', minLength: 1 }),
        next: doc('Id of the step this answer leads to.', { type: 'string', pattern: ID }),
        outcome: doc('Id of the outcome this answer ends the call in.', { type: 'string', pattern: ID }),
      },
    }),
    handover: doc('Where the call is handed over to.', {
      type: 'object', additionalProperties: false, required: ['to'],
      properties: {
        to: doc('The queue or team, e.g. `back-office`, `second-line`, `billing`.', { type: 'string', pattern: ID }),
        reason: doc('Why the call is handed over, for the receiving team.', { $ref: '#/definitions/text' }),
        outcome: doc('Id of the outcome recorded for this call when it is handed over.', { type: 'string', pattern: ID }),
      },
    }),
    objection: doc('An objection and how to handle it.', {
      type: 'object', additionalProperties: false, required: ['reply'],
      properties: {
        label: doc('Short name of the objection, shown in the outline and the flow preview.', { $ref: '#/definitions/text' }),
        triggers: doc('What the customer typically says, so the agent recognises the objection.', { $ref: '#/definitions/phrases' }),
        technique: doc('The objection-handling technique the reply uses.\n\n- `feel-felt-found`: empathise, share that others felt the same, show what they found.\n- `laer`: listen, acknowledge, explore, respond.\n- `boomerang`: turn the objection into the reason to act.\n- `clarifying-question`: ask what exactly lies behind it.\n- `reframe`: show the matter from another angle (cost per day, value).\n- `social-proof`: point to what similar customers chose.\n- `acknowledge-and-pivot`: agree with the point and move to a benefit.\n- `trial-close`: check readiness with a low-pressure question.\n- `schedule-callback`: agree a concrete time to call back.\n- `empathy`: name the feeling and stay with the customer.', { enum: ['feel-felt-found', 'laer', 'boomerang', 'clarifying-question', 'reframe', 'social-proof', 'acknowledge-and-pivot', 'trial-close', 'schedule-callback', 'empathy'] }),
        reply: doc('What the agent answers.', { $ref: '#/definitions/text' }),
        resume: doc('Where the call goes after the reply: `return` (back to the step where the objection was raised) or a step id.', { type: 'string', pattern: ID, default: 'return' }),
        outcome: doc('Id of the outcome the call ends in after this objection, instead of resuming.', { type: 'string', pattern: ID }),
      },
    }),
    outcome: doc('A way a call can end.', {
      type: 'object', additionalProperties: false, required: ['label'],
      properties: {
        label: doc('Name of the outcome, shown in reports and the flow preview.', { $ref: '#/definitions/text' }),
        success: doc('Whether this outcome counts as a success (a sale, a resolved case). Compliance rules check every path to a successful outcome.', { type: 'boolean', default: false }),
        disposition: doc('The disposition code the agent records in the CRM for this outcome, e.g. `SALE`, `NI` (not interested), `CB` (callback).', { type: 'string' }),
      },
    }),
  },
};


// The validator, compiled ahead of time with ajv's standalone code: compiling the schema at start-up
// costs every `callscript check` process about 0.1 s. test/core/schema/compiled.test.ts keeps it in step.
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const { default: Ajv } = require('ajv');
const { default: standalone } = require('ajv/dist/standalone');

// Two entry points: the whole script, and one step (for an edit inside a step, which is all that is checked again).
function validatorSource(schemaObject) {
  const ajv = new Ajv({ allErrors: true, verbose: true, strict: false, code: { source: true } });
  ajv.addSchema(schemaObject, 'callscript');
  const code = standalone(ajv, { validateScript: 'callscript', validateStep: 'callscript#/definitions/step' });
  return `// @ts-nocheck\n// Generated by scripts/build-schema.mjs from schemas/callscript.schema.json: do not edit.\n${code}\n`;
}

const outputs = [
  [new URL('../schemas/callscript.schema.json', import.meta.url), JSON.stringify(schema, null, 2) + '\n'],
  [new URL('../server/src/core/schema/compiledValidator.ts', import.meta.url), validatorSource(schema)],
];
if (process.argv.includes('--check')) {
  const stale = outputs.filter(([file, text]) => readFileSync(file, 'utf8') !== text).map(([file]) => file.pathname);
  if (stale.length) {
    console.error(`out of date: ${stale.join(', ')}; run node scripts/build-schema.mjs`);
    process.exit(1);
  }
} else {
  for (const [file, text] of outputs) writeFileSync(file, text);
}
