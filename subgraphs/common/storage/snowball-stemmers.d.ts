// The package ships no types. It is CommonJS: `newStemmer(name)` gives a stemmer of one of
// the Snowball algorithms (languages/index.ts names the ones used), `algorithms()` their names.
declare module 'snowball-stemmers' {
  export function newStemmer(algorithm: string): { stem(word: string): string };
  export function algorithms(): string[];
}
