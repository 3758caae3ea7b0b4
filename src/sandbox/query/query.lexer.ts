/**
 * Lexer for QBO's SELECT language. QBO's parser is JavaCC-generated, so the lexer is pulled one token
 * at a time by the parser (a syntax error is reported before any lexical error further right, exactly
 * as QBO does with an unescaped apostrophe) and lexical errors use JavaCC's message layout, which
 * clients log and some match on (facts §1.3: "Invalid content. Lexical error ... Encountered: "\u2019"").
 */
import { faults, type QboFault } from '../faults.js';

export type TokenKind = 'EOF' | 'IDENTIFIER' | 'STRING' | 'NUMBER' | 'STAR' | 'LPAREN' | 'RPAREN' | 'COMMA' | 'OP';

export interface Token {
  kind: TokenKind;
  /** Source text of the token (for STRING: with quotes and escapes, as JavaCC's `image`). */
  image: string;
  /** Decoded value: string contents without quotes/escapes, or the operator/identifier text. */
  text: string;
  line: number;
  column: number;
}

/** Which non-ASCII characters may appear inside a quoted literal. QBO rejects typographic punctuation
 *  (’ –) with a lexical error; whether it accepts accented letters is not documented. */
export type NonAsciiPolicy = 'reject-punctuation' | 'reject-all';

/** JavaCC's `add_escapes`: how QBO prints offending text inside its messages. */
export function javaccEscape(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    switch (ch) {
      case '\b': out += '\\b'; break;
      case '\t': out += '\\t'; break;
      case '\n': out += '\\n'; break;
      case '\f': out += '\\f'; break;
      case '\r': out += '\\r'; break;
      case '"': out += '\\"'; break;
      case "'": out += "\\'"; break;
      case '\\': out += '\\\\'; break;
      default:
        if (code < 0x20 || code > 0x7e) {
          // Java strings are UTF-16: astral characters print as two \u escapes.
          for (let i = 0; i < ch.length; i++) out += `\\u${ch.charCodeAt(i).toString(16).padStart(4, '0')}`;
        } else {
          out += ch;
        }
    }
  }
  return out;
}

function lexicalError(line: number, column: number, encountered: string | null, after: string): QboFault {
  const what = encountered === null ? '<EOF>' : `"${javaccEscape(encountered)}" (${encountered.codePointAt(0)})`;
  return faults.queryParse(
    `QueryParserError: Invalid content. Lexical error at line ${line}, column ${column}.  Encountered: ${what}${encountered === null ? '' : ','} after : "${javaccEscape(after)}"`,
  );
}

const isLetter = (ch: string): boolean => /[A-Za-z_]/.test(ch);
const isDigit = (ch: string): boolean => ch >= '0' && ch <= '9';
const isIdentPart = (ch: string): boolean => /[A-Za-z0-9_]/.test(ch);

/** Typographic punctuation and symbols outside ASCII: the characters QBO's lexer is known to reject. */
const NON_ASCII_PUNCTUATION = /[\p{P}\p{S}\p{Z}\p{C}]/u;

export class Lexer {
  #pos = 0;
  #line = 1;
  #column = 1;
  readonly #src: string;
  readonly #nonAscii: NonAsciiPolicy;

  constructor(src: string, nonAscii: NonAsciiPolicy = 'reject-punctuation') {
    this.#src = src;
    this.#nonAscii = nonAscii;
  }

  #peekChar(offset = 0): string {
    return this.#src[this.#pos + offset] ?? '';
  }

  /** Advance by one UTF-16 code unit, keeping JavaCC's 1-based line/column bookkeeping. */
  #take(): string {
    const ch = this.#src[this.#pos] ?? '';
    this.#pos++;
    if (ch === '\n') {
      this.#line++;
      this.#column = 1;
    } else {
      this.#column++;
    }
    return ch;
  }

  next(): Token {
    while (/\s/.test(this.#peekChar())) this.#take();
    const line = this.#line;
    const column = this.#column;
    const start = this.#pos;
    const ch = this.#peekChar();
    const token = (kind: TokenKind, text?: string): Token => {
      const image = this.#src.slice(start, this.#pos);
      return { kind, image, text: text ?? image, line, column };
    };
    if (ch === '') return { kind: 'EOF', image: '', text: '', line, column };
    if (isLetter(ch)) {
      this.#take();
      // Dotted paths (MetaData.LastUpdatedTime) are one identifier token.
      while (isIdentPart(this.#peekChar()) || (this.#peekChar() === '.' && isLetter(this.#peekChar(1)))) this.#take();
      return token('IDENTIFIER');
    }
    if (isDigit(ch) || (ch === '-' && isDigit(this.#peekChar(1)))) {
      this.#take();
      while (isDigit(this.#peekChar())) this.#take();
      if (this.#peekChar() === '.' && isDigit(this.#peekChar(1))) {
        this.#take();
        while (isDigit(this.#peekChar())) this.#take();
      }
      return token('NUMBER');
    }
    if (ch === "'") return this.#string(line, column, start);
    switch (ch) {
      case '*': this.#take(); return token('STAR');
      case '(': this.#take(); return token('LPAREN');
      case ')': this.#take(); return token('RPAREN');
      case ',': this.#take(); return token('COMMA');
      case '=': this.#take(); return token('OP');
      case '<':
      case '>':
        this.#take();
        if (this.#peekChar() === '=') this.#take();
        return token('OP');
      default: {
        const bad = String.fromCodePoint(this.#src.codePointAt(this.#pos) ?? 0);
        throw lexicalError(line, column, bad, '');
      }
    }
  }

  #string(line: number, column: number, start: number): Token {
    this.#take(); // opening quote
    let text = '';
    for (;;) {
      const ch = this.#peekChar();
      if (ch === '') throw lexicalError(this.#line, this.#column, null, this.#src.slice(start, this.#pos));
      if (ch === "'") {
        this.#take();
        return { kind: 'STRING', image: this.#src.slice(start, this.#pos), text, line, column };
      }
      if (ch === '\\') {
        this.#take();
        const escaped = this.#peekChar();
        // A trailing backslash swallows the closing quote and leaves the literal open (facts §1.3).
        if (escaped === '') throw lexicalError(this.#line, this.#column, null, this.#src.slice(start, this.#pos));
        this.#checkChar(start);
        text += this.#take();
        continue;
      }
      this.#checkChar(start);
      const cp = this.#src.codePointAt(this.#pos) ?? 0;
      const full = String.fromCodePoint(cp);
      for (let i = 0; i < full.length; i++) this.#take();
      text += full;
    }
  }

  #checkChar(start: number): void {
    const cp = this.#src.codePointAt(this.#pos) ?? 0;
    if (cp <= 0x7f) return;
    const ch = String.fromCodePoint(cp);
    if (this.#nonAscii === 'reject-all' || NON_ASCII_PUNCTUATION.test(ch)) {
      throw lexicalError(this.#line, this.#column, ch, this.#src.slice(start, this.#pos));
    }
  }
}
