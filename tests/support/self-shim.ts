// pouchdb-browser reads `self` as it loads; Node has only globalThis.
(globalThis as { self?: unknown }).self ??= globalThis;
