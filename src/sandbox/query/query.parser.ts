/**
 * Recursive-descent parser for QBO's SELECT statement (facts §1.3):
 *   SELECT * | COUNT(*) | col[, col] FROM <Entity> [WHERE p op v [AND ...]] [ORDERBY p [ASC|DESC][, ...]]
 *   [STARTPOSITION n] [MAXRESULTS n]   (the last two in either order)
 * Syntax errors become fault 4000 with JavaCC's "Encountered ... Was expecting one of:" detail, the layout
 * real QBO sends. Semantic checks (entity, properties, paging bounds) belong to the evaluator (4001).
 */
import { faults, type QboFault } from '../faults.js';
import { javaccEscape, Lexer, type NonAsciiPolicy, type Token } from './query.lexer.js';

export type Operator = '=' | '<' | '>' | '<=' | '>=' | 'IN' | 'LIKE';

export type Literal =
  | { type: 'string'; value: string }
  | { type: 'number'; value: string }
  | { type: 'boolean'; value: boolean }
  | { type: 'current_date' };

export interface Condition {
  /** Property path as written (case preserved), e.g. `metadata.LastUpdatedTime`. */
  property: string;
  op: Operator;
  /** One value, or several for IN. */
  values: Literal[];
}

export interface OrderItem {
  property: string;
  descending: boolean;
}

export interface SelectStatement {
  kind: 'select' | 'count';
  /** `'*'`, or the column names of a projection (accepted; QBO returns full objects anyway). */
  columns: '*' | string[];
  entity: string;
  where: Condition[];
  /** True when the WHERE clause joined conditions with OR (parsed, then rejected by validation). */
  usesOr: boolean;
  orderBy: OrderItem[];
  startPosition?: number;
  maxResults?: number;
}

/** Keywords that JavaCC declares as regular-expression tokens print as `<AND>`; the rest as `"orderby"`. */
const REGEX_KEYWORDS = new Set(['and', 'or']);
const KEYWORDS = new Set([
  'select', 'from', 'where', 'and', 'or', 'orderby', 'order', 'by', 'asc', 'desc', 'startposition',
  'maxresults', 'in', 'like', 'count', 'true', 'false', 'iterator',
]);

function describe(tok: Token): string {
  switch (tok.kind) {
    case 'EOF':
      return '<EOF>';
    case 'IDENTIFIER': {
      const lower = tok.text.toLowerCase();
      if (REGEX_KEYWORDS.has(lower)) return `<${lower.toUpperCase()}>`;
      if (KEYWORDS.has(lower)) return `"${lower}"`;
      return '<IDENTIFIER>';
    }
    case 'STRING':
      return '<STRING_LITERAL>';
    case 'NUMBER':
      return tok.text.includes('.') ? '<DECIMAL_LITERAL>' : '<INTEGER_LITERAL>';
    default:
      return `"${tok.image}"`;
  }
}

/** JavaCC's ParseException message, as QBO forwards it in the fault Detail. */
export function parseErrorDetail(tok: Token, expected: readonly string[]): string {
  const encountered = tok.kind === 'EOF' ? '<EOF>' : ` ${describe(tok)} "${javaccEscape(tok.image)} "`;
  const list = expected.map((e) => (e === '<EOF>' ? '<EOF> ' : `${e} ...`)).join('\n    ');
  const heading = expected.length === 1 ? 'Was expecting:' : 'Was expecting one of:';
  return `QueryParserError: Encountered "${encountered}" at line ${tok.line}, column ${tok.column}.\n${heading}\n    ${list}\n    `;
}

// Expected-token sets per parser state, in the order QBO's parser lists them.
const AFTER_ENTITY = ['<EOF>', '"iterator"', '"maxresults"', '"order"', '"orderby"', '"startposition"', '"where"'];
const AFTER_CONDITION = ['<EOF>', '<AND>', '"iterator"', '"maxresults"', '<OR>', '"order"', '"orderby"', '"startposition"'];
const AFTER_ORDER_ITEM = ['<EOF>', '","', '"asc"', '"desc"', '"maxresults"', '"startposition"'];
const AFTER_PAGING = ['<EOF>', '"maxresults"', '"startposition"'];
const OPERATORS = ['"="', '"<"', '">"', '"<="', '">="', '"in"', '"like"'];
const VALUES = ['<STRING_LITERAL>', '<INTEGER_LITERAL>', '<DECIMAL_LITERAL>', '"true"', '"false"'];

class Parser {
  #tok: Token;
  readonly #lexer: Lexer;

  constructor(src: string, nonAscii: NonAsciiPolicy) {
    this.#lexer = new Lexer(src, nonAscii);
    this.#tok = this.#lexer.next();
  }

  #fail(expected: readonly string[]): QboFault {
    return faults.queryParse(parseErrorDetail(this.#tok, expected));
  }

  /** Read through a method so TypeScript does not narrow the kind across #advance() calls. */
  #kind(): Token['kind'] {
    return this.#tok.kind;
  }

  #advance(): Token {
    const t = this.#tok;
    this.#tok = this.#lexer.next();
    return t;
  }

  #isKeyword(word: string): boolean {
    return this.#kind() === 'IDENTIFIER' && this.#tok.text.toLowerCase() === word;
  }

  #keyword(word: string, expected: readonly string[] = [`"${word}"`]): void {
    if (!this.#isKeyword(word)) throw this.#fail(expected);
    this.#advance();
  }

  /** A property/entity name: any identifier that is not a reserved word. */
  #name(expected: readonly string[] = ['<IDENTIFIER>']): string {
    if (this.#kind() !== 'IDENTIFIER' || KEYWORDS.has(this.#tok.text.toLowerCase())) throw this.#fail(expected);
    return this.#advance().text;
  }

  parse(): SelectStatement {
    this.#keyword('select');
    let kind: SelectStatement['kind'] = 'select';
    let columns: SelectStatement['columns'] = '*';
    if (this.#kind() === 'STAR') {
      this.#advance();
    } else if (this.#isKeyword('count')) {
      this.#advance();
      if (this.#kind() !== 'LPAREN') throw this.#fail(['"("']);
      this.#advance();
      if (this.#kind() !== 'STAR') throw this.#fail(['"*"']);
      this.#advance();
      if (this.#kind() !== 'RPAREN') throw this.#fail(['")"']);
      this.#advance();
      kind = 'count';
    } else {
      columns = [this.#name(['"*"', '"count"', '<IDENTIFIER>'])];
      while (this.#kind() === 'COMMA') {
        this.#advance();
        columns.push(this.#name());
      }
    }
    this.#keyword('from', columns === '*' || kind === 'count' ? ['"from"'] : ['","', '"from"']);
    const entity = this.#name();
    const stmt: SelectStatement = { kind, columns, entity, where: [], usesOr: false, orderBy: [] };

    if (this.#isKeyword('where')) {
      this.#advance();
      stmt.where.push(this.#condition());
      while (this.#isKeyword('and') || this.#isKeyword('or')) {
        if (this.#isKeyword('or')) stmt.usesOr = true;
        this.#advance();
        stmt.where.push(this.#condition());
      }
    }
    const afterWhere = stmt.where.length > 0 ? AFTER_CONDITION : AFTER_ENTITY;

    if (this.#isKeyword('orderby') || this.#isKeyword('order')) {
      if (this.#advance().text.toLowerCase() === 'order') this.#keyword('by');
      for (;;) {
        const property = this.#name();
        let descending = false;
        if (this.#isKeyword('asc')) this.#advance();
        else if (this.#isKeyword('desc')) {
          this.#advance();
          descending = true;
        }
        stmt.orderBy.push({ property, descending });
        if (this.#kind() !== 'COMMA') break;
        this.#advance();
      }
    }

    // STARTPOSITION and MAXRESULTS, each at most once, in either order (facts §1.3, Nango's real request).
    for (;;) {
      if (this.#isKeyword('startposition') && stmt.startPosition === undefined) {
        this.#advance();
        stmt.startPosition = this.#integer();
      } else if (this.#isKeyword('maxresults') && stmt.maxResults === undefined) {
        this.#advance();
        stmt.maxResults = this.#integer();
      } else {
        break;
      }
    }

    if (this.#kind() !== 'EOF') {
      if (stmt.startPosition !== undefined || stmt.maxResults !== undefined) throw this.#fail(AFTER_PAGING);
      if (stmt.orderBy.length > 0) throw this.#fail(AFTER_ORDER_ITEM);
      throw this.#fail(afterWhere);
    }
    return stmt;
  }

  #integer(): number {
    if (this.#kind() !== 'NUMBER' || this.#tok.text.includes('.')) throw this.#fail(['<INTEGER_LITERAL>']);
    return Number(this.#advance().text);
  }

  #condition(): Condition {
    const property = this.#name();
    let op: Operator;
    if (this.#kind() === 'OP') op = this.#advance().text as Operator;
    else if (this.#isKeyword('in')) {
      this.#advance();
      op = 'IN';
    } else if (this.#isKeyword('like')) {
      this.#advance();
      op = 'LIKE';
    } else throw this.#fail(OPERATORS);

    if (op === 'IN') {
      if (this.#kind() !== 'LPAREN') throw this.#fail(['"("']);
      this.#advance();
      const values = [this.#literal()];
      while (this.#kind() === 'COMMA') {
        this.#advance();
        values.push(this.#literal());
      }
      if (this.#kind() !== 'RPAREN') throw this.#fail(['")"', '","']);
      this.#advance();
      return { property, op, values };
    }
    if (op === 'LIKE' && this.#kind() !== 'STRING') throw this.#fail(['<STRING_LITERAL>']);
    return { property, op, values: [this.#literal()] };
  }

  #literal(): Literal {
    const tok = this.#tok;
    if (tok.kind === 'STRING') {
      this.#advance();
      return { type: 'string', value: tok.text };
    }
    if (tok.kind === 'NUMBER') {
      this.#advance();
      return { type: 'number', value: tok.text };
    }
    if (tok.kind === 'IDENTIFIER') {
      const lower = tok.text.toLowerCase();
      if (lower === 'true' || lower === 'false') {
        this.#advance();
        return { type: 'boolean', value: lower === 'true' };
      }
      if (lower === 'current_date') {
        this.#advance();
        return { type: 'current_date' };
      }
    }
    throw this.#fail(VALUES);
  }
}

export function parseQuery(sql: string, nonAscii: NonAsciiPolicy = 'reject-punctuation'): SelectStatement {
  return new Parser(sql, nonAscii).parse();
}
