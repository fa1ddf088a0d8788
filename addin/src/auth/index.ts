// The only code that acquires tokens for the server's API.
export { createTokenSource, type TokenAcquirer } from './tokens';
