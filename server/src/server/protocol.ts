/**
 * What the Callscript language server and its clients agree on beyond the standard protocol:
 * the shape of `initializationOptions` and of the `callscript` settings section.
 */

export type HoverLanguage = 'en' | 'pl' | 'both';

/** The `callscript` settings section, as a client sends it (every field optional). */
export interface CallscriptSettingsInput {
  /** rule id → severity | 'off' | { severity, ...options }: the shapes of the configuration file's `rules` */
  rules?: Record<string, unknown>;
  hover?: { language?: HoverLanguage };
  /** words per minute for spoken-time estimates */
  speakingRate?: number;
  inlayHints?: { enabled?: boolean };
}

export interface CallscriptInitializationOptions {
  /** settings for clients that cannot answer `workspace/configuration` */
  settings?: CallscriptSettingsInput;
  /** base URI of the rule pages (`<base>/<rule-id>.md`), instead of the package's own docs/rules */
  docsBaseUri?: string;
}

/** The settings section the server asks for. */
export const SETTINGS_SECTION = 'callscript';

/** The language id clients should give call scripts. */
export const LANGUAGE_ID = 'callscript';
