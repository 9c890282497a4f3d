import { useInput } from 'ink';
import { useMemo, useRef, useState } from 'react';
import { bodyView, navContext } from './body-view.js';
import { DoneView } from './DoneView.js';
import { bodyHeight } from '../kit/layout.js';
import { splitKeys } from './key-presses.js';
import { initialNav, navigate, type NavCommand, type NavState } from './navigation.js';
import type { ScanResult } from '../../types.js';

interface DoneScreenProps {
  readonly result: ScanResult;
  readonly width: number;
  readonly height: number;
  readonly onCommand: (command: NavCommand) => void;
  /** Starting navigation state (a rescan reopens the previous one; tests open a tab or a filter directly). */
  readonly initial?: NavState;
  /** Told every navigation change, so a rescan can reopen the same tab and filter. */
  readonly onNav?: (nav: NavState) => void;
}

/** A starting state whose cursor lies past the end of a new result's list is moved to its last row. */
function clampCursor(nav: NavState, result: ScanResult, width: number): NavState {
  const length = bodyView(result, nav, width).lines.length;
  const cursor = nav.cursor[nav.tab];
  return cursor < length || cursor === 0 ? nav : { ...nav, cursor: { ...nav.cursor, [nav.tab]: Math.max(0, length - 1) } };
}

/** The done screen's state: keys go through the pure `navigate` reducer; DoneView paints. */
export function DoneScreen({ result, width, height, onCommand, initial, onNav }: DoneScreenProps) {
  const [nav, setNav] = useState<NavState>(() => (initial ? clampCursor(initial, result, width) : initialNav()));
  const body = useMemo(() => bodyView(result, nav, width), [result, nav, width]);
  // Keys can arrive faster than renders: the ref always holds the newest state.
  const latest = useRef({ nav, body });
  if (latest.current.nav === nav) latest.current.body = body;
  useInput((input, key) => {
    for (const press of splitKeys(input, key)) {
      const current = latest.current;
      const outcome = navigate(current.nav, press.input, press.key, navContext(current.body, current.nav, bodyHeight(height)));
      if (outcome.state !== current.nav) {
        latest.current = { nav: outcome.state, body: bodyView(result, outcome.state, width) };
        setNav(outcome.state);
        onNav?.(outcome.state);
      }
      if (outcome.command) {
        onCommand(outcome.command);
        return;
      }
    }
  });
  return <DoneView result={result} nav={nav} body={body} width={width} height={height} />;
}
