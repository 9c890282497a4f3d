/**
 * Builds a source file line by line while recording what it emits: each
 * line's kind (code / comment / blank, as cloc counts them) and each function
 * with the cyclomatic complexity ESLint's `complexity` rule will find. The
 * ground truth is a by-product of writing, never of re-parsing.
 */

/** What the generator expects sonde to report for one function-like node. */
export interface ExpectedFunction {
  /** Name as ESLint's getFunctionNameWithKind gives it; `<anonymous>` when it gives none. */
  readonly name: string;
  readonly kind: FunctionKind;
  readonly line: number;
  readonly cyclomatic: number;
}

type FunctionKind =
  | 'function'
  | 'arrow'
  | 'method'
  | 'constructor'
  | 'getter'
  | 'setter'
  | 'class-field-initializer'
  | 'class-static-block';

interface OpenFunction {
  name: string;
  kind: FunctionKind;
  line: number;
  cyclomatic: number;
}

const INDENT = '  ';

export class SourceWriter {
  private readonly lines: string[] = [];
  private depth = 0;
  private readonly open: OpenFunction[] = [];
  private readonly done: OpenFunction[] = [];
  code = 0;
  comment = 0;
  blank = 0;

  /** 1-based number of the next line to be written. */
  get nextLine(): number {
    return this.lines.length + 1;
  }

  get lineCount(): number {
    return this.lines.length;
  }

  line(text: string): void {
    this.lines.push(INDENT.repeat(this.depth) + text);
    this.code++;
  }

  /** A line holding only a `//` comment. */
  lineComment(text: string): void {
    this.lines.push(`${INDENT.repeat(this.depth)}// ${text}`);
    this.comment++;
  }

  /** A JSDoc block; never contains a blank line, so cloc and sonde agree on its kind. */
  jsDoc(sentences: readonly string[]): void {
    const pad = INDENT.repeat(this.depth);
    this.lines.push(`${pad}/**`);
    for (const s of sentences) this.lines.push(`${pad} * ${s}`);
    this.lines.push(`${pad} */`);
    this.comment += sentences.length + 2;
  }

  blankLine(): void {
    this.lines.push('');
    this.blank++;
  }

  /** Write a line that opens a block, and indent what follows. */
  openBlock(text: string): void {
    this.line(text);
    this.depth++;
  }

  /** Dedent, then write the closing line (`}`, `} else {`, `});`). */
  closeBlock(text = '}'): void {
    this.depth--;
    this.line(text);
  }

  indent(): void {
    this.depth++;
  }

  dedent(): void {
    this.depth--;
  }

  /**
   * Start a function whose header is the next line written; decisions go to
   * it until endFunction. Headers are always one line, so ESLint's head
   * location and the node's start share that line.
   */
  beginFunction(name: string, kind: FunctionKind): void {
    this.open.push({ name, kind, line: this.nextLine, cyclomatic: 1 });
  }

  endFunction(): void {
    const fn = this.open.pop();
    if (fn === undefined) throw new Error('endFunction without beginFunction');
    this.done.push(fn);
  }

  /** A function entirely on the next line (a one-line callback), with its own decision count. */
  inlineFunction(name: string, kind: FunctionKind, decisions: number): void {
    this.done.push({ name, kind, line: this.nextLine, cyclomatic: 1 + decisions });
  }

  /** Count decision points for the innermost open function. */
  decision(count = 1): void {
    const fn = this.open[this.open.length - 1];
    if (fn === undefined) throw new Error('decision outside a function');
    fn.cyclomatic += count;
  }

  get insideFunction(): boolean {
    return this.open.length > 0;
  }

  /** The text (LF line ends, final newline) and the functions sorted by line. */
  finish(): { text: string; functions: ExpectedFunction[] } {
    if (this.open.length > 0) throw new Error('unclosed function');
    // No blank last line: the file ends with its last statement and a newline.
    while (this.lines.length > 0 && this.lines[this.lines.length - 1] === '') {
      this.lines.pop();
      this.blank--;
    }
    const functions = [...this.done].sort((a, b) => a.line - b.line || a.cyclomatic - b.cyclomatic || (a.name < b.name ? -1 : 1));
    return { text: `${this.lines.join('\n')}\n`, functions };
  }
}
