import { createContext, useContext } from 'react';
import type { Severity } from '../../types.js';

/**
 * Colours of the UI. With colour off (NO_COLOR, `color: false`) every colour
 * is undefined and nothing is dimmed or inverted, so the output carries no
 * SGR sequences at all; the selection is still marked by "›".
 */
export interface Theme {
  readonly color: boolean;
  readonly accent: string | undefined;
  readonly good: string | undefined;
  readonly muted: boolean;
  readonly severity: Readonly<Record<Severity, string | undefined>>;
}

export function createTheme(color: boolean): Theme {
  return {
    color,
    accent: color ? 'cyan' : undefined,
    good: color ? 'green' : undefined,
    muted: color,
    severity: color ? { error: 'red', warning: 'yellow', info: 'blue' } : { error: undefined, warning: undefined, info: undefined },
  };
}

export const ThemeContext = createContext<Theme>(createTheme(false));

/** The theme of the nearest provider (no colour when there is none). */
export function useTheme(): Theme {
  return useContext(ThemeContext);
}
