import { loadAuditEngine } from '../src/rules/lazy-engine';

// The app loads the rules beside start-up (rules/lazy-engine.ts); a test reads an audit at once.
await loadAuditEngine();
