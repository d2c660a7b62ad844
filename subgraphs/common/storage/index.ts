/**
 * The platform's storage layer: everything a subgraph keeps goes through these pieces,
 * which know the backend so no subgraph has to. Program against the interfaces of
 * contracts.ts; see README.md in this folder for what each guarantees.
 */
export * from './contracts';
export * from './db';
export * from './loaders';
export { DenseLog, entryId, listOf, positionOf } from './dense-log';
export { isDuplicateKey } from './unique-ids';
export * from './locks';
export * from './lists';
export * from './store';
export * from './sets';
export * from './slots';
export * from './kept-answers';
export * from './search';
export * from './text';
export * from './query';
export { REGION_LANGUAGES } from './languages';
export * from './pagination';
