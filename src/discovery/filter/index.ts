// Terragrunt's --filter query language: parse (parser.ts), evaluate against components (evaluate.ts), combine
// several (filters.ts).

export * from './ast.js';
export * from './diagnostic.js';
export * from './evaluate.js';
export * from './filters.js';
export { parseFilter } from './parser.js';
