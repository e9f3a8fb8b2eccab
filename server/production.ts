// Imported first by main.ts: graphql-js picks its fast `instanceOf` when NODE_ENV is 'production'
// at import time (the development variant costs ~0.5 ms per 1000-point batch).
process.env.NODE_ENV ??= 'production';
