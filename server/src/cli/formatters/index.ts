import type { FileReport } from '../report';

/** The report formats. Each lives in its own module and is loaded only when asked for. */
export const FORMATS = ['stylish', 'json', 'sarif', 'junit', 'github'] as const;

export type FormatName = (typeof FORMATS)[number];

export interface FormatContext {
  /** ANSI colours (stylish only) */
  color: boolean;
  /** Callscript's version, for formats that name the tool */
  version: string;
}

/** A format: a pure function from the checked files' reports to the text to print. */
export type Formatter = (reports: readonly FileReport[], context: FormatContext) => string;

export async function loadFormatter(name: FormatName): Promise<Formatter> {
  switch (name) {
    case 'stylish':
      return (await import('./stylish')).stylish;
    case 'json':
      return (await import('./json')).json;
    case 'sarif':
      return (await import('./sarif')).sarif;
    case 'junit':
      return (await import('./junit')).junit;
    case 'github':
      return (await import('./github')).github;
  }
}
