// Whether a SQL statement needs SQLite's write lock, judged from its text. BusyRetry treats a
// write's success as proof that the lock is free and ends the lock episode; a read succeeds under
// another process's write lock (WAL), so counting a read as a write would hand every statement
// queued behind the lock a fresh budget. When unsure, this says "read": a write taken for a read
// only means the episode ends a little later (after a quiet budget), never that it lasts longer.

/** Statements that take the write lock when they are the statement's main verb. */
const WRITE_VERBS = new Set(['INSERT', 'UPDATE', 'DELETE', 'REPLACE', 'CREATE', 'DROP', 'ALTER']);
/** Verbs that can modify rows inside a WITH … (PostgreSQL's data-modifying CTEs). */
const ROW_WRITE_VERBS = new Set(['INSERT', 'UPDATE', 'DELETE', 'REPLACE']);
/** Verbs that can follow a WITH clause. */
const MAIN_VERBS = new Set(['SELECT', 'VALUES', ...ROW_WRITE_VERBS]);

const WORD = /[A-Za-z_][A-Za-z0-9_$]*/y;

interface Token {
  word: string; // upper-cased keyword or identifier; '' for punctuation
  text: string;
  depth: number; // parenthesis depth the token sits at
}

/**
 * True when `sql` writes: its main verb (after comments, whitespace and any WITH …) is INSERT,
 * UPDATE, DELETE, REPLACE or DDL; or it has a RETURNING clause together with a row-writing verb
 * (a data-modifying CTE); or it is a PRAGMA that assigns (`PRAGMA user_version = 3`).
 */
export function isWriteSql(sql: string): boolean {
  const tokens = tokenize(sql);
  const first = tokens[0];
  if (!first) return false;
  if (first.word === 'PRAGMA') return tokens.some((t) => t.text === '=');
  const words = new Set(tokens.map((t) => t.word));
  if (words.has('RETURNING') && [...ROW_WRITE_VERBS].some((v) => words.has(v))) return true;
  if (first.word === 'WITH') {
    const main = tokens.find((t) => t.depth === 0 && MAIN_VERBS.has(t.word));
    return main !== undefined && ROW_WRITE_VERBS.has(main.word);
  }
  return WRITE_VERBS.has(first.word);
}

/** Words and punctuation outside comments, string literals and quoted identifiers. */
function tokenize(sql: string): Token[] {
  const out: Token[] = [];
  let depth = 0;
  let i = 0;
  while (i < sql.length) {
    const c = sql[i]!;
    if (/\s/.test(c)) i++;
    else if (sql.startsWith('--', i)) i = endOf(sql, '\n', i + 2);
    else if (sql.startsWith('/*', i)) i = endOf(sql, '*/', i + 2);
    else if (c === "'" || c === '"' || c === '`') i = endOfQuoted(sql, c, i + 1);
    else if (c === '[') i = endOf(sql, ']', i + 1);
    else if (/[A-Za-z_]/.test(c)) {
      WORD.lastIndex = i;
      const word = WORD.exec(sql)![0];
      out.push({ word: word.toUpperCase(), text: word, depth });
      i += word.length;
    } else {
      if (c === ')') depth = Math.max(0, depth - 1);
      out.push({ word: '', text: c, depth });
      if (c === '(') depth++;
      i++;
    }
  }
  return out;
}

/** Index just past `close` (or the end of the text). */
function endOf(sql: string, close: string, from: number): number {
  const at = sql.indexOf(close, from);
  return at === -1 ? sql.length : at + close.length;
}

/** Index just past a quoted literal or identifier; a doubled quote is an escaped one. */
function endOfQuoted(sql: string, quote: string, from: number): number {
  let i = from;
  for (;;) {
    const at = sql.indexOf(quote, i);
    if (at === -1) return sql.length;
    if (sql[at + 1] !== quote) return at + 1;
    i = at + 2;
  }
}
