export * from './codes';
export * from './model';
export * from './schema';
export { parseReferential, formatProblems, type ParseResult } from './parse';
export * from './correspondence';
export * from './lookup';
export * from './export';
export * from './search';
