/**
 * What the body of the done screen shows for the current navigation state:
 * a column header and lines, and whether the lines are selectable rows or a
 * page that scrolls. Also the NavContext the key reducer needs from it.
 */
import { detailsLines } from './details-lines.js';
import type { Line } from '../kit/line.js';
import { directoryLines, fileLines, findingLines, hotspotLines, MARKER_WIDTH, type ListView } from './list-lines.js';
import { activeFilter, type NavContext, type NavState } from './navigation.js';
import { profileLines } from './profile-lines.js';
import { directoryRows, fileRows, findingRows, hotspotRows } from './result-model.js';
import { summaryLines } from './summary-lines.js';
import type { ScanResult } from '../../types.js';

export interface BodyView {
  readonly header: string;
  readonly lines: readonly Line[];
  /** True for lists with a cursor; false for pages (Summary, Profile) that only scroll. */
  readonly selectable: boolean;
  readonly emptyText: string;
}

export function bodyView(result: ScanResult, nav: NavState, width: number): BodyView {
  if (nav.details !== undefined) {
    const details = detailsLines(result, nav.details, width);
    return { header: details.title, lines: details.lines, selectable: true, emptyText: '' };
  }
  const filter = activeFilter(nav);
  const none = filter ? `Nothing matches "${filter}" (Esc clears the filter).` : 'Nothing to show.';
  switch (nav.tab) {
    case 'summary':
      return { header: `Summary of ${result.root}`, lines: summaryLines(result, width), selectable: false, emptyText: '' };
    case 'profile':
      return { header: 'Profile', lines: profileLines(result, width), selectable: false, emptyText: '' };
    case 'hotspots':
      return { ...indent(hotspotLines(hotspotRows(result, nav.hotspotSort, filter), nav.hotspotSort, width)), selectable: true, emptyText: filter ? none : 'No functions found.' };
    case 'findings':
      return { ...findingLines(findingRows(result, nav.group, filter), nav.group, width), selectable: true, emptyText: filter ? none : 'No findings. ✓' };
    case 'files':
      return { ...indent(fileLines(fileRows(result, nav.fileSort, filter), nav.fileSort, width)), selectable: true, emptyText: none };
    case 'directories':
      return { ...indent(directoryLines(directoryRows(result, filter), width)), selectable: true, emptyText: none };
  }
}

/** Column headers line up with rows, which start after the selection marker. */
function indent(view: ListView): ListView {
  return { ...view, header: ' '.repeat(MARKER_WIDTH) + view.header };
}

/** The cursor the body shows: the details cursor, or the current tab's. */
export function bodyCursor(nav: NavState): number {
  return nav.details !== undefined ? nav.detailsCursor : nav.cursor[nav.tab];
}

export function navContext(body: BodyView, nav: NavState, pageSize: number): NavContext {
  const cursor = bodyCursor(nav);
  // A page scrolls until its last line is at the bottom.
  const length = body.selectable ? body.lines.length : Math.max(1, body.lines.length - pageSize + 1);
  const selected = body.selectable ? body.lines[cursor] : undefined;
  return {
    listLength: nav.details !== undefined ? 0 : length,
    detailsLength: nav.details !== undefined ? length : 0,
    pageSize,
    ...(selected?.path !== undefined ? { selectedPath: selected.path } : {}),
    ...(selected?.dir !== undefined ? { selectedDir: selected.dir } : {}),
  };
}
