/**
 * `sonde scan --profile ci|laptop|low-memory`: named presets of scan flags.
 * A preset is written in the flags' own terms (name → value, as if typed on
 * the command line), so it needs no second meaning of any setting and the
 * README table can list exactly what it sets.
 *
 * Precedence, highest first: a flag the user typed, then the profile, then
 * the config file, then the defaults. A typed flag also cancels its opposite
 * from the preset (`--profile ci --no-cache` scans without the cache).
 */
import { UserError } from '../errors.js';
import { closestMatch } from '../util/edit-distance.js';

export const PROFILE_NAMES = ['ci', 'laptop', 'low-memory'] as const;
export type ProfileName = (typeof PROFILE_NAMES)[number];

/** One preset: the scan flags it sets and why, for the README and `--help`. */
export interface Profile {
  /** Flag name (without `--`) → value: a string for a flag with a value, true for a switch. */
  readonly flags: Readonly<Record<string, string | true>>;
  readonly why: string;
}

export const PROFILES: Readonly<Record<ProfileName, Profile>> = {
  ci: {
    flags: { 'no-ui': true, progress: 'plain', parallel: 'auto', cache: true },
    why: 'logs, not a terminal: plain progress lines; workers when the tree pays for them (a tuned result first); a cache the job can keep between runs',
  },
  laptop: {
    flags: { parallel: 'auto', cache: true },
    why: 'the interactive view; repeated scans while editing re-analyze only changed files; workers only where they were measured (or modelled) to pay off',
  },
  'low-memory': {
    flags: { parallel: '0', 'max-memory': '512MiB' },
    why: 'one parser in one thread (every worker holds its own parser and heap, ~96 MiB each); batches and facts sized to stay under 512 MiB',
  },
};

/** Flag pairs that contradict each other: a typed one cancels the other from the preset. */
const OPPOSITES: readonly (readonly [string, string])[] = [
  ['cache', 'no-cache'],
  ['parallel', 'sequential'],
  ['color', 'no-color'],
];

/** The profile named by `--profile`, or a one-line usage error with a suggestion. */
export function profileNamed(name: string): Profile {
  if ((PROFILE_NAMES as readonly string[]).includes(name)) return PROFILES[name as ProfileName];
  const guess = closestMatch(name, PROFILE_NAMES);
  throw new UserError('INVALID_OPTION', `--profile ${name}: expected one of ${PROFILE_NAMES.join(', ')}${guess ? `. Did you mean '${guess}'?` : ''}`);
}

/**
 * The parsed flag values with the profile's filled in underneath: what the
 * user typed wins, and cancels the preset's opposite of it. Values stay in the
 * parser's shape, so the rest of the flag handling does not know profiles.
 */
export function withProfile<T extends Readonly<Record<string, unknown>>>(values: T, profile: Profile): T {
  const typed = (name: string) => values[name] !== undefined;
  const preset: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(profile.flags)) {
    const cancelled = OPPOSITES.some(([a, b]) => (name === a && typed(b)) || (name === b && typed(a)));
    if (!typed(name) && !cancelled) preset[name] = value;
  }
  return { ...preset, ...values };
}
