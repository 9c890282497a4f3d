/**
 * Key handling of the done view as a pure reducer: (state, key press, what
 * the screen currently shows) → new state and an optional command for the
 * controller (quit, rescan). Kept out of the components so every key binding
 * is testable without a terminal.
 */
import { FILE_SORTS, type FileSort, type FindingsGroup, type HotspotSort } from './result-model.js';

export const TABS = ['summary', 'hotspots', 'findings', 'files', 'directories', 'profile'] as const;
export type TabId = (typeof TABS)[number];
export const TAB_LABELS: Readonly<Record<TabId, string>> = {
  summary: 'Summary',
  hotspots: 'Hotspots',
  findings: 'Findings',
  files: 'Files',
  directories: 'Directories',
  profile: 'Profile',
};

/** What the user has chosen on the done screen. */
export interface NavState {
  readonly tab: TabId;
  /** Selected row per tab. */
  readonly cursor: Readonly<Record<TabId, number>>;
  /** The applied filter ('' = none). */
  readonly filter: string;
  /** The filter being typed after `/`, or undefined when not typing. */
  readonly draft: string | undefined;
  readonly fileSort: FileSort;
  readonly hotspotSort: HotspotSort;
  readonly group: FindingsGroup;
  /** Path of the file whose details are open. */
  readonly details: string | undefined;
  readonly detailsCursor: number;
  readonly help: boolean;
}

/** The subset of Ink's Key the reducer reads. */
export interface KeyFlags {
  readonly upArrow?: boolean;
  readonly downArrow?: boolean;
  readonly leftArrow?: boolean;
  readonly rightArrow?: boolean;
  readonly pageUp?: boolean;
  readonly pageDown?: boolean;
  readonly home?: boolean;
  readonly end?: boolean;
  readonly return?: boolean;
  readonly escape?: boolean;
  readonly tab?: boolean;
  readonly shift?: boolean;
  readonly backspace?: boolean;
  readonly delete?: boolean;
  readonly ctrl?: boolean;
  readonly meta?: boolean;
}

/** What the screen shows right now, which some keys depend on. */
export interface NavContext {
  /** Rows in the current tab's list. */
  readonly listLength: number;
  /** Rows in the open details list. */
  readonly detailsLength: number;
  /** Rows visible at once (PageUp/PageDown step). */
  readonly pageSize: number;
  /** File path behind the selected row, when the row is a file/function/finding. */
  readonly selectedPath?: string;
  /** Directory behind the selected row (Directories tab). */
  readonly selectedDir?: string;
}

export type NavCommand = 'quit' | 'rescan';

interface NavOutcome {
  readonly state: NavState;
  readonly command?: NavCommand;
}

export function initialNav(): NavState {
  return {
    tab: 'summary',
    cursor: { summary: 0, hotspots: 0, findings: 0, files: 0, directories: 0, profile: 0 },
    filter: '',
    draft: undefined,
    fileSort: 'lines',
    hotspotSort: 'cyclomatic',
    group: 'rule',
    details: undefined,
    detailsCursor: 0,
    help: false,
  };
}

/**
 * The state a rescan's done screen opens with: the same tab, filter, sort
 * and grouping (the user asked to see the same thing again, fresher); an
 * open details pane, the help and a half-typed filter are closed.
 */
export function navAfterRescan(state: NavState): NavState {
  return { ...state, draft: undefined, details: undefined, detailsCursor: 0, help: false };
}

/** The filter in effect: while typing, the list follows the draft. */
export function activeFilter(state: NavState): string {
  return state.draft ?? state.filter;
}

export function navigate(state: NavState, input: string, key: KeyFlags, ctx: NavContext): NavOutcome {
  if (state.help) return { state: { ...state, help: false } };
  if (state.draft !== undefined) return { state: editFilter(state, input, key) };
  if (input === 'q' || (key.ctrl && input === 'c')) return { state, command: 'quit' };
  if (state.details !== undefined) return { state: detailsKey(state, input, key, ctx) };
  if (input === 'r') return { state, command: 'rescan' };
  if (input === '?') return { state: { ...state, help: true } };
  if (input === '/') return { state: { ...state, draft: state.filter } };
  const tabIndex = TABS.indexOf(state.tab);
  if (/^[1-6]$/.test(input)) return { state: { ...state, tab: TABS[Number(input) - 1] } };
  if ((key.tab && key.shift) || key.leftArrow) return { state: { ...state, tab: TABS[(tabIndex + TABS.length - 1) % TABS.length] } };
  if (key.tab || key.rightArrow) return { state: { ...state, tab: TABS[(tabIndex + 1) % TABS.length] } };
  if (key.escape) return { state: state.filter ? withCursor({ ...state, filter: '' }, 0) : state };
  if (key.return) return { state: enter(state, ctx) };
  if (input === 's') return { state: cycleSort(state) };
  if (input === 'g' && state.tab === 'findings') {
    return { state: withCursor({ ...state, group: state.group === 'rule' ? 'file' : 'rule' }, 0) };
  }
  const moved = move(state.cursor[state.tab], input, key, ctx.listLength, ctx.pageSize);
  return { state: moved === undefined ? state : withCursor(state, moved) };
}

function editFilter(state: NavState, input: string, key: KeyFlags): NavState {
  const draft = state.draft ?? '';
  if (key.return) return withCursor({ ...state, filter: draft, draft: undefined }, 0);
  if (key.escape) return withCursor({ ...state, filter: '', draft: undefined }, 0);
  if (key.backspace || key.delete) return withCursor({ ...state, draft: draft.slice(0, -1) }, 0);
  if (key.ctrl || key.meta || key.tab || input === '' || /[\u0000-\u001F]/.test(input)) return state;
  return withCursor({ ...state, draft: draft + input }, 0);
}

function detailsKey(state: NavState, input: string, key: KeyFlags, ctx: NavContext): NavState {
  if (key.escape || key.return || key.backspace || key.delete || key.leftArrow) {
    return { ...state, details: undefined, detailsCursor: 0 };
  }
  const moved = move(state.detailsCursor, input, key, ctx.detailsLength, ctx.pageSize);
  return moved === undefined ? state : { ...state, detailsCursor: moved };
}

function enter(state: NavState, ctx: NavContext): NavState {
  if (state.tab === 'directories' && ctx.selectedDir !== undefined) {
    // A directory opens the Files tab narrowed to it.
    const filter = ctx.selectedDir === '.' ? '' : `${ctx.selectedDir}/`;
    return withCursor({ ...state, tab: 'files', filter }, 0);
  }
  if (ctx.selectedPath !== undefined) return { ...state, details: ctx.selectedPath, detailsCursor: 0 };
  return state;
}

function cycleSort(state: NavState): NavState {
  if (state.tab === 'files') {
    const next = FILE_SORTS[(FILE_SORTS.indexOf(state.fileSort) + 1) % FILE_SORTS.length];
    return withCursor({ ...state, fileSort: next }, 0);
  }
  if (state.tab === 'hotspots') {
    return withCursor({ ...state, hotspotSort: state.hotspotSort === 'cyclomatic' ? 'cognitive' : 'cyclomatic' }, 0);
  }
  return state;
}

/** The new cursor for a movement key, or undefined when the key is not a movement. */
function move(cursor: number, input: string, key: KeyFlags, length: number, page: number): number | undefined {
  let next: number;
  if (key.downArrow || input === 'j') next = cursor + 1;
  else if (key.upArrow || input === 'k') next = cursor - 1;
  else if (key.pageDown || input === ' ') next = cursor + Math.max(1, page);
  else if (key.pageUp) next = cursor - Math.max(1, page);
  else if (key.home) next = 0;
  else if (key.end || input === 'G') next = length - 1;
  else return undefined;
  return Math.max(0, Math.min(Math.max(0, length - 1), next));
}

function withCursor(state: NavState, cursor: number): NavState {
  return { ...state, cursor: { ...state.cursor, [state.tab]: cursor } };
}
