import type { Connection } from 'vscode-languageserver';
import { ConfigError, DEFAULT_WORDS_PER_MINUTE, readRules, type Config } from '../core';
import { SETTINGS_SECTION, type CallscriptSettingsInput, type HoverLanguage } from './protocol';

/** The editor settings of one document, read and checked. */
export interface Settings {
  rules: Config['rules'];
  hoverLanguage: HoverLanguage;
  /** words per minute */
  speakingRate: number;
  inlayHints: boolean;
}

export const DEFAULT_SETTINGS: Settings = { rules: {}, hoverLanguage: 'both', speakingRate: DEFAULT_WORDS_PER_MINUTE, inlayHints: true };

/**
 * Reads a settings section as a client sends it. Never throws: a bad value is reported through
 * `warn` and replaced by its default, so one typo does not switch every rule off.
 */
export function readSettings(raw: unknown, warn: (message: string) => void): Settings {
  const input = (isObject(raw) ? raw : {}) as CallscriptSettingsInput;
  const settings: Settings = { ...DEFAULT_SETTINGS };
  if (input.rules !== undefined) {
    try {
      settings.rules = readRules(input.rules, 'settings');
    } catch (e) {
      warn(e instanceof ConfigError ? `${SETTINGS_SECTION}.rules: ${e.message}` : String(e));
    }
  }
  const language = isObject(input.hover) ? input.hover.language : undefined;
  if (language === 'en' || language === 'pl' || language === 'both') settings.hoverLanguage = language;
  else if (language !== undefined) warn(`${SETTINGS_SECTION}.hover.language must be "en", "pl" or "both"`);
  const rate = input.speakingRate;
  if (typeof rate === 'number' && rate >= 40 && rate <= 400) settings.speakingRate = rate;
  else if (rate !== undefined && rate !== null) warn(`${SETTINGS_SECTION}.speakingRate must be a number of words per minute between 40 and 400`);
  const hints = isObject(input.inlayHints) ? input.inlayHints.enabled : undefined;
  if (typeof hints === 'boolean') settings.inlayHints = hints;
  return settings;
}

/** The configuration the editor settings amount to, when no configuration file applies. */
export function settingsConfig(settings: Settings): Config {
  return { rules: settings.rules, wordsPerMinute: settings.speakingRate };
}

/**
 * Settings per document: asked with `workspace/configuration` when the client can answer it,
 * else taken from `initializationOptions.settings` (or a pushed `didChangeConfiguration`), else
 * the defaults. Answers are cached per document until the configuration changes.
 */
export class SettingsStore {
  private readonly perDocument = new Map<string, Promise<Settings>>();
  private global: Settings;

  constructor(
    private readonly connection: Connection,
    private readonly pull: boolean,
    initial: unknown,
    private readonly warn: (message: string) => void,
  ) {
    this.global = readSettings(initial, warn);
  }

  forDocument(uri: string): Promise<Settings> {
    if (!this.pull) return Promise.resolve(this.global);
    let settings = this.perDocument.get(uri);
    if (!settings) {
      settings = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION })
        .then(
          (raw: unknown) => readSettings(raw, this.warn),
          () => this.global,
        );
      this.perDocument.set(uri, settings);
    }
    return settings;
  }

  /** After `workspace/didChangeConfiguration`: drop what was asked, take what was pushed. */
  changed(pushed: unknown): void {
    this.perDocument.clear();
    const section = isObject(pushed) ? pushed[SETTINGS_SECTION] : undefined;
    if (!this.pull && section !== undefined) this.global = readSettings(section, this.warn);
  }

  forget(uri: string): void {
    this.perDocument.delete(uri);
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
