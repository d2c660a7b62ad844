/** The hub in separate processes for the fault tests: shared with `npm run chaos` and `npm run soak`, so it lives with them. */
export * from '../../scripts/development/fault-hub';
