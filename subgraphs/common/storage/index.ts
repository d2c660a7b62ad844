/**
 * The platform's storage layer: everything a subgraph keeps goes through these pieces,
 * which know the backend (MongoDB in production, the embedded FerretDB by default) so no
 * subgraph has to. See README.md in this folder.
 */
export * from './db';
export * from './loaders';
export * from './lists';
export * from './store';
export * from './sets';
export * from './slots';
export * from './search';
export * from './text';
export * from './pagination';
