import { badInput } from '../../../platform/errors';

/**
 * The search query language, parsed into a tree (search.ts evaluates it):
 *
 *     query   := or
 *     or      := and ('OR' and)*
 *     and     := unary (['AND'] unary)*          words side by side: all of them
 *     unary   := '-' primary | primary           '-word', '-"a phrase"', '-(a OR b)': none of it
 *     primary := word | '"' words '"' | '(' or ')'
 *
 * `AND` and `OR` are operators in capitals only ('or' is a word). A malformed query is
 * BAD_USER_INPUT naming the problem and its position (the character, counted from 1):
 * an unclosed or unopened parenthesis, empty parentheses, an unclosed quote, an empty
 * phrase, an operator with nothing on one side, a lone '-', and an exclusion with nothing
 * to exclude from (`-bondage` alone, or as one side of an OR).
 */

export type QueryNode =
  | { kind: 'word'; text: string; at: number }
  | { kind: 'phrase'; text: string; at: number }
  | { kind: 'not'; node: QueryNode; at: number }
  | { kind: 'and'; nodes: QueryNode[] }
  | { kind: 'or'; nodes: QueryNode[] };

type Lexeme = { kind: 'word' | 'phrase' | '(' | ')' | 'AND' | 'OR' | '-'; text: string; at: number };

function lex(input: string, field: string): Lexeme[] {
  const out: Lexeme[] = [];
  let i = 0;
  while (i < input.length) {
    const c = input[i];
    const at = i + 1;
    if (/\s/u.test(c)) i++;
    else if (c === '(' || c === ')') {
      out.push({ kind: c, text: c, at });
      i++;
    } else if (c === '"') {
      const end = input.indexOf('"', i + 1);
      if (end < 0) throw badInput(field, `has an unclosed quote at position ${at}`);
      const text = input.slice(i + 1, end);
      if (!/[\p{L}\p{N}]/u.test(text)) throw badInput(field, `has an empty phrase at position ${at}`);
      out.push({ kind: 'phrase', text, at });
      i = end + 1;
    } else if (c === '-' && (i + 1 >= input.length || /[\s)]/u.test(input[i + 1]))) {
      throw badInput(field, `has a '-' with nothing to exclude at position ${at}`);
    } else if (c === '-') {
      out.push({ kind: '-', text: c, at });
      i++;
    } else {
      const m = /^[^\s()"]+/u.exec(input.slice(i))!;
      const text = m[0];
      out.push({ kind: text === 'AND' || text === 'OR' ? text : 'word', text, at });
      i += text.length;
    }
  }
  return out;
}

/** The tree of a search query; `field` names the argument in errors. */
export function parseQuery(input: string, field: string): QueryNode {
  const lexemes = lex(input, field);
  let next = 0;
  const peek = () => lexemes[next];
  const fail = (problem: string): never => {
    throw badInput(field, problem);
  };

  function or(): QueryNode {
    const nodes = [and()];
    while (peek()?.kind === 'OR') {
      const op = lexemes[next++];
      if (!peek() || peek().kind === ')' || peek().kind === 'OR' || peek().kind === 'AND') fail(`has nothing after OR at position ${op.at}`);
      nodes.push(and());
    }
    if (nodes.length > 1) for (const node of nodes) if (node.kind === 'not') fail(`has an exclusion as one side of an OR at position ${node.at}: exclude from the whole query instead`);
    return nodes.length === 1 ? nodes[0] : { kind: 'or', nodes };
  }

  function and(): QueryNode {
    const first = peek();
    if (!first) return fail('has nothing to search for');
    if (first.kind === 'OR' || first.kind === 'AND') fail(`has nothing before ${first.kind} at position ${first.at}`);
    const nodes = [unary()];
    for (;;) {
      const lexeme = peek();
      if (!lexeme || lexeme.kind === ')' || lexeme.kind === 'OR') break;
      if (lexeme.kind === 'AND') {
        next++;
        if (!peek() || peek().kind === ')' || peek().kind === 'OR' || peek().kind === 'AND') fail(`has nothing after AND at position ${lexeme.at}`);
      }
      nodes.push(unary());
    }
    const positive = nodes.filter((n) => n.kind !== 'not');
    if (positive.length === 0 && nodes.length > 1) fail(`has only exclusions from position ${(nodes[0] as { at: number }).at}: say what to find as well`);
    return nodes.length === 1 ? nodes[0] : { kind: 'and', nodes };
  }

  function unary(): QueryNode {
    const lexeme = peek()!;
    if (lexeme.kind === '-') {
      next++;
      return { kind: 'not', node: primary(), at: lexeme.at };
    }
    return primary();
  }

  function primary(): QueryNode {
    const lexeme = lexemes[next++];
    if (!lexeme) return fail('ends where a word was expected');
    if (lexeme.kind === 'word' || lexeme.kind === 'phrase') return { kind: lexeme.kind, text: lexeme.text, at: lexeme.at };
    if (lexeme.kind === '(') {
      if (peek()?.kind === ')') fail(`has empty parentheses at position ${lexeme.at}`);
      if (!peek()) fail(`has an unclosed parenthesis at position ${lexeme.at}`);
      const inside = or();
      if (peek()?.kind !== ')') fail(`has an unclosed parenthesis at position ${lexeme.at}`);
      next++;
      return inside;
    }
    if (lexeme.kind === ')') return fail(`has a ')' without its '(' at position ${lexeme.at}`);
    if (lexeme.kind === '-') return fail(`has a '-' with nothing to exclude at position ${lexeme.at}`);
    return fail(`has nothing before ${lexeme.kind} at position ${lexeme.at}`);
  }

  const tree = or();
  const rest = peek();
  if (rest) fail(rest.kind === ')' ? `has a ')' without its '(' at position ${rest.at}` : `cannot be read from position ${rest.at}`);
  if (tree.kind === 'not') fail(`has only exclusions from position ${tree.at}: say what to find as well`);
  return tree;
}
