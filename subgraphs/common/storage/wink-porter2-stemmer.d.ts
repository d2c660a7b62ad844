// The package ships no types. It is CommonJS (`module.exports = stem`); with esModuleInterop
// (tsconfig.json) a default import of it is that function.
declare module 'wink-porter2-stemmer' {
  /** The Porter2 (Snowball English) stem of one lowercase word. */
  export default function stem(word: string): string;
}
