import { parseQuery, type QueryNode } from './query';

// The search query language (query.ts): what each operator parses to, and every malformed
// query refused with its problem and position.

/** A tree written short: words bare, phrases quoted, -x, (a b) for AND, [a | b] for OR. */
function show(node: QueryNode): string {
  switch (node.kind) {
    case 'word':
      return node.text;
    case 'phrase':
      return `"${node.text}"`;
    case 'not':
      return `-${show(node.node)}`;
    case 'and':
      return `(${node.nodes.map(show).join(' ')})`;
    case 'or':
      return `[${node.nodes.map(show).join(' | ')}]`;
  }
}
const parsed = (input: string) => show(parseQuery(input, 'search'));

describe('parseQuery', () => {
  test.each([
    ['debt', 'debt'],
    ['debt bondage', '(debt bondage)'],
    ['debt AND bondage', '(debt bondage)'],
    ['debt OR bondage', '[debt | bondage]'],
    ['debt bondage OR servitude', '[(debt bondage) | servitude]'],
    ['debt (bondage OR servitude)', '(debt [bondage | servitude])'],
    ['"forced labour" camp', '("forced labour" camp)'],
    ['debt -bondage', '(debt -bondage)'],
    ['debt -"forced labour" -(a OR b)', '(debt -"forced labour" -[a | b])'],
    ['e-mail recruitment', '(e-mail recruitment)'],
    ['debt or bondage', '(debt or bondage)'],
    ['((debt))', 'debt'],
  ])('%s → %s', (input, tree) => {
    expect(parsed(input)).toBe(tree);
  });

  test.each([
    ['debt (bondage', /unclosed parenthesis at position 6/],
    ['debt) bondage', /'\)' without its '\(' at position 5/],
    ['debt ()', /empty parentheses at position 6/],
    ['debt "forced', /unclosed quote at position 6/],
    ['debt ""', /empty phrase at position 6/],
    ['debt " ,"', /empty phrase at position 6/],
    ['OR debt', /nothing before OR at position 1/],
    ['debt OR', /nothing after OR at position 6/],
    ['debt AND', /nothing after AND at position 6/],
    ['debt OR OR bondage', /nothing after OR at position 6/],
    ['debt - bondage', /'-' with nothing to exclude at position 6/],
    ['-bondage', /only exclusions from position 1/],
    ['-bondage -debt', /only exclusions from position 1/],
    ['debt OR -bondage', /exclusion as one side of an OR at position 9/],
    ['', /nothing to search for/],
  ])('%j is refused: %s', (input, problem) => {
    expect(() => parseQuery(input, 'search')).toThrow(problem);
    try {
      parseQuery(input, 'search');
    } catch (error) {
      expect((error as { extensions: { code: string; field: string } }).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'search' });
    }
  });
});
