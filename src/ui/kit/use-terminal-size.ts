import { useStdout } from 'ink';
import { useEffect, useState } from 'react';

/** Terminal size used when the stream does not say (pipes, test streams): the 80×24 the UI is designed for. */
const DEFAULT_SIZE = { columns: 80, rows: 24 } as const;

interface TerminalSize {
  readonly columns: number;
  readonly rows: number;
}

/** The output stream's columns × rows, re-read on every `resize` event. */
export function useTerminalSize(): TerminalSize {
  const { stdout } = useStdout();
  const read = (): TerminalSize => ({
    columns: stdout.columns > 0 ? stdout.columns : DEFAULT_SIZE.columns,
    rows: stdout.rows > 0 ? stdout.rows : DEFAULT_SIZE.rows,
  });
  const [size, setSize] = useState(read);
  useEffect(() => {
    const onResize = (): void => setSize(read());
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout]);
  return size;
}
